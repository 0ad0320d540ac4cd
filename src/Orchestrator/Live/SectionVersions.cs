namespace Sweep.Orchestrator.Live;

/// <summary>One section of the live page as last rendered, with a digest of its HTML to tell whether a client
/// already has it.</summary>
public sealed record LiveSection(string Id, string Html, string Digest)
{
    public static LiveSection Of(string id, string html) => new(id, html,
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(html))));
}

/// <summary>What one client has on its page: the digest of every section it was sent. An update carries only the
/// sections whose digest differs, so a sweep where one trial moved sends the few sections that trial is in.</summary>
public sealed class SectionVersions
{
    private readonly Dictionary<string, string> known = new(StringComparer.Ordinal);

    public SectionVersions(IEnumerable<LiveSection>? shown = null)
    {
        foreach (var section in shown ?? [])
            known[section.Id] = section.Digest;
    }

    /// <summary>The sections of <paramref name="latest"/> the client lacks, in page order; they count as sent.</summary>
    public IReadOnlyList<LiveSection> TakeChanged(IEnumerable<LiveSection> latest)
    {
        var changed = new List<LiveSection>();
        foreach (var section in latest)
        {
            if (known.TryGetValue(section.Id, out var digest) && digest == section.Digest)
                continue;
            known[section.Id] = section.Digest;
            changed.Add(section);
        }
        return changed;
    }
}
