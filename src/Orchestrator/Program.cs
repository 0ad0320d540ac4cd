return await Sweep.Orchestrator.Cli.SweepCommandLine.RunAsync(args);
