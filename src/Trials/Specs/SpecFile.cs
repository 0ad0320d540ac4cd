namespace Sweep.Trials.Specs;

/// <summary>Reads a spec file's text, reporting a missing or unreadable file as a one-line spec error, and resolves
/// the paths written in it.</summary>
public static class SpecFile
{
    /// <summary>A relative path in a spec (dataset.path, model.pretrained) means relative to the spec file, so a sweep
    /// folder can be moved whole; null for an empty one.</summary>
    public static string? Resolve(string? path, string specFile)
    {
        if (string.IsNullOrWhiteSpace(path))
            return null;
        var specFolder = Path.GetDirectoryName(Path.GetFullPath(specFile)) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(path, specFolder);
    }

    public static string ReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SpecException(path, null, "file", "not found");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SpecException(path, null, "file", $"cannot be read ({error.Message})");
        }
    }
}
