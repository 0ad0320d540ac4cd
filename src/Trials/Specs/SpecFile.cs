namespace Sweep.Trials.Specs;

/// <summary>Reads a spec file's text, reporting a missing or unreadable file as a one-line spec error.</summary>
public static class SpecFile
{
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
