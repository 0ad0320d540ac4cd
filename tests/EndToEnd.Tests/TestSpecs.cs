namespace Sweep.EndToEnd.Tests;

/// <summary>Small sweeps on a stratified subset of the real Fashion-MNIST, a few seconds per trial on two cores.</summary>
public static class TestSpecs
{
    public static string Ofat(string name, int epochs = 2) => $$"""
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
            training.lr: [0.003]
            model.dropout: [0.5]
            model.batch_norm: [true]
            training.optimizer: [sgd]
            dataset.augmentation.horizontal_flip: [true]
        """;

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
