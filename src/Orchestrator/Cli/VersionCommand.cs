using System.CommandLine;
using Sweep.Trials.Training;

namespace Sweep.Orchestrator.Cli;

/// <summary>Loads TorchSharp and prints what this machine would train with; the first thing to run on a new host.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print Sweep, TorchSharp and libtorch versions and the device trials would use.");
        command.SetAction(_ =>
        {
            var environment = Devices.Describe(Devices.Select(0), TorchSharp.torch.get_num_threads());
            Console.WriteLine($"sweep {typeof(VersionCommand).Assembly.GetName().Version?.ToString(3)}");
            Console.WriteLine($"TorchSharp {environment.TorchSharpVersion}, libtorch {environment.LibTorchVersion}");
            Console.WriteLine($"device {environment.Device}, {environment.Threads} threads");
            return 0;
        });
        return command;
    }
}
