namespace Sweep.Trials.Specs;

/// <summary>Suggests the valid name a user most likely meant, by edit distance.</summary>
public static class NearestName
{
    /// <summary>Words people commonly write for our keys. Pure edit distance cannot see that "learning_rate"
    /// means "lr", so each alias counts as a second spelling of its key.</summary>
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["lr"] = ["learning_rate", "rate"],
        ["epochs"] = ["num_epochs", "n_epochs", "epoch"],
        ["batch_size"] = ["batch", "batchsize"],
        ["hidden"] = ["hidden_units", "hidden_sizes", "hidden_layers", "fc"],
        ["channels"] = ["filters", "width"],
        ["conv_blocks"] = ["blocks", "depth", "layers"],
        ["weight_decay"] = ["decay", "wd"],
        ["schedule"] = ["scheduler", "lr_schedule"],
        ["warmup_steps"] = ["warmup"],
        ["grad_clip"] = ["clip", "gradient_clipping", "max_norm"],
        ["batch_norm"] = ["batchnorm", "bn"],
        ["repeats"] = ["seeds", "repetitions"],
        ["horizontal_flip"] = ["flip", "hflip", "random_flip"],
        ["rotation_degrees"] = ["rotation", "rotate"],
        ["translate_fraction"] = ["translate", "translation", "shift"],
    };

    /// <summary>The candidate closest to <paramref name="written"/>; the first one on ties.</summary>
    public static string Among(string written, IEnumerable<string> candidates)
    {
        var best = "";
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Spellings(candidate).Min(spelling => EditDistance(written, spelling));
            if (distance < bestDistance)
                (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    /// <summary>A dotted path is compared as a whole, and its last part also through that key's aliases.</summary>
    private static IEnumerable<string> Spellings(string candidate)
    {
        yield return candidate;
        var dot = candidate.LastIndexOf('.');
        var prefix = candidate[..(dot + 1)];
        if (Aliases.TryGetValue(candidate[(dot + 1)..], out var aliases))
            foreach (var alias in aliases)
                yield return prefix + alias;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
