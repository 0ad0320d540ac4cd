using System.Globalization;
using System.IO.Compression;

namespace Sweep.AccuracyBench;

/// <summary>A row of the Fashion-MNIST README's benchmark table (a Markdown table whose header names the columns
/// "Classifier", "Preprocessing" and "Fashion test accuracy").</summary>
internal sealed record BenchmarkRow(string Classifier, string Preprocessing, double FashionTestAccuracy)
{
    private const string ClassifierColumn = "Classifier";
    private const string PreprocessingColumn = "Preprocessing";
    private const string AccuracyColumn = "Fashion test accuracy";

    public static BenchmarkRow ReadGzip(string path, string classifier)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return Find(reader.ReadToEnd(), classifier, path);
    }

    /// <summary>The first row whose classifier cell is exactly <paramref name="classifier"/>, with its columns found
    /// by the names in the nearest header above it.</summary>
    public static BenchmarkRow Find(string markdown, string classifier, string file)
    {
        string[]? header = null;
        foreach (var line in markdown.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith('|')))
        {
            var cells = Cells(line);
            if (cells.Contains(AccuracyColumn))
                header = cells;
            else if (header is not null && cells.Length > 0 && cells[0] == classifier)
                return new BenchmarkRow(classifier, Cell(cells, header, PreprocessingColumn, file),
                    Accuracy(Cell(cells, header, AccuracyColumn, file), classifier, file));
        }
        throw new BenchmarkTableException(file, header is null
            ? $"expected a table with a '{AccuracyColumn}' column, found none"
            : $"expected a row whose {ClassifierColumn} is '{classifier}', found none");
    }

    private static string[] Cells(string line) => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();

    private static string Cell(string[] cells, string[] header, string column, string file)
    {
        var index = Array.IndexOf(header, column);
        return index >= 0 && index < cells.Length
            ? cells[index]
            : throw new BenchmarkTableException(file, $"expected a '{column}' column in the benchmark table");
    }

    private static double Accuracy(string text, string classifier, string file) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1
            ? value
            : throw new BenchmarkTableException(file,
                $"row '{classifier}': expected a '{AccuracyColumn}' between 0 and 1, found '{text}'");
}
