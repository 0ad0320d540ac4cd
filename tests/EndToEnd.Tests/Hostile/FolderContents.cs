using System.Security.Cryptography;

namespace Sweep.EndToEnd.Tests.Hostile;

/// <summary>Every file and folder under a path with each file's hash: equal before and after a refused command
/// when it created nothing, removed nothing and changed no byte.</summary>
public static class FolderContents
{
    public static IReadOnlyList<string> Of(string root) => Directory.Exists(root)
        ? Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => File.Exists(path)
                ? $"{Path.GetRelativePath(root, path)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}"
                : $"{Path.GetRelativePath(root, path)}/")
            .ToList()
        : [];
}
