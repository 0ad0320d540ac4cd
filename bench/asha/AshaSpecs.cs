namespace Sweep.AshaBench;

/// <summary>Optimizer × learning rate, 12 real trials of a small two-conv net on a stratified 6,000-image subset
/// of Fashion-MNIST (4,800 train + 1,200 validation by default), 6 epochs each; run once in full and once under
/// ASHA.</summary>
public static class AshaSpecs
{
    public const int Epochs = 6;

    public const int DefaultTrainSubset = 6000;

    public static string Grid(string name, string earlyStopping, int trainSubset) => $$"""
        name: {{name}}
        seed: 3
        dataset:
          name: fashion-mnist
          train_subset: {{trainSubset}}
          test_subset: 2000
        model:
          preset: two-conv
          channels: 16
          hidden: [64]
        training:
          epochs: {{Epochs}}
          batch_size: 64
          momentum: 0.9
        objective: { metric: val_accuracy, mode: max }
        search:
          strategy: grid
          parameters:
            training.optimizer: [sgd, adam, rmsprop]
            training.lr: [0.0003, 0.001, 0.003, 0.01]
          early_stopping: {{earlyStopping}}
        """;

    public const string None = "{ policy: none }";
    public const string Asha = "{ policy: asha, grace_epochs: 1, reduction: 3 }";
}
