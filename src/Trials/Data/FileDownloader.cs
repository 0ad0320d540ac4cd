using System.Security.Cryptography;

namespace Sweep.Trials.Data;

/// <summary>Downloads one file, checks its MD5 and only then moves it into place, so an interrupted or corrupted
/// download never leaves a file that a later run would take for the real one.</summary>
public sealed class FileDownloader(HttpClient http)
{
    public string Download(Uri mirror, RemoteFile file, string targetFolder)
    {
        Directory.CreateDirectory(targetFolder);
        var url = new Uri(mirror, file.Name);
        var target = Path.Combine(targetFolder, file.Name);
        var temporary = Path.Combine(targetFolder, $".{file.Name}.{Guid.NewGuid():N}.part");
        try
        {
            var md5 = Fetch(url, temporary);
            if (!string.Equals(md5, file.Md5, StringComparison.OrdinalIgnoreCase))
                throw new DataFileException(url.ToString(),
                    $"expected MD5 {file.Md5}, found {md5}; the download was discarded");
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string Fetch(Uri url, string temporary)
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
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = body.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (HttpRequestException error)
        {
            throw new DataFileException(url.ToString(), $"expected a download, found an error: {error.Message}");
        }
    }
}
