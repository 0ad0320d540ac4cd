using System.Security.Cryptography;

namespace Sweep.Trials.Data;

/// <summary>Downloads one file, checks its digest and only then moves it into place, so an interrupted or corrupted
/// download never leaves a file that a later run would take for the real one.</summary>
public sealed class FileDownloader(HttpClient http)
{
    public string Download(Uri mirror, RemoteFile file, string targetFolder) =>
        Download(new Uri(mirror, file.Name), Path.Combine(targetFolder, file.Name), HashAlgorithmName.MD5,
            md5 => string.Equals(md5, file.Md5, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"expected MD5 {file.Md5}, found {md5}; the download was discarded");

    /// <param name="refusal">Given the file's lowercase hex digest: why it is not the expected file, or null.</param>
    public string Download(Uri url, string target, HashAlgorithmName algorithm, Func<string, string?> refusal)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            var digest = Fetch(url, temporary, algorithm);
            if (refusal(digest) is { } problem)
                throw new DataFileException(url.ToString(), problem);
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string Fetch(Uri url, string temporary, HashAlgorithmName algorithm)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
                throw new DataFileException(url.ToString(),
                    $"expected HTTP 200, found {(int)response.StatusCode} {response.ReasonPhrase}");
            using var body = response.Content.ReadAsStream();
            using var output = File.Create(temporary);
            using var hash = IncrementalHash.CreateHash(algorithm);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = body.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (Exception error) when (error is HttpRequestException or HttpIOException)
        {
            throw new DataFileException(url.ToString(), $"expected a download, found an error: {error.Message}");
        }
    }
}
