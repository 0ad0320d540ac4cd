namespace Sweep.EndToEnd.Tests;

/// <summary>Small sweeps on a stratified subset of the real Fashion-MNIST, a few seconds per trial on two cores.</summary>
public static class TestSpecs
{
    /// <param name="changes">How many of the five one-at-a-time changes the sweep tries (1–5).</param>
    public static string Ofat(string name, int epochs = 2, int changes = 5) => $$"""
        name: {{name}}
        seed: 5
        dataset:
          name: fashion-mnist
          train_subset: 1500
          test_subset: 500
        model:
          preset: two-conv
          channels: 8
          hidden: [32]
        training:
          epochs: {{epochs}}
          batch_size: 64
          optimizer: adam
          lr: 0.001
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: ofat
          parameters:
        {{string.Join("\n", OfatChanges.Take(changes))}}
        """;

    /// <summary>One line each under <c>search.parameters</c>, indented as the spec above places them.</summary>
    private static readonly string[] OfatChanges =
    [
        "    training.lr: [0.003]",
        "    model.dropout: [0.5]",
        "    model.batch_norm: [true]",
        "    training.optimizer: [sgd]",
        "    dataset.augmentation.horizontal_flip: [true]",
    ];

    public static string Write(string directory, string fileName, string text)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public static string NewWorkDirectory(string label)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sweep-e2e", $"{label}-{Guid.NewGuid():N}"[..(label.Length + 9)]);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
