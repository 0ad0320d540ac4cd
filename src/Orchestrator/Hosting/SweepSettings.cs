using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Sweep.Orchestrator.Contracts;

namespace Sweep.Orchestrator.Hosting;

/// <summary>Settings read beside the command line, as a generic host reads them: <c>appsettings.json</c> in the
/// working directory, then environment variables starting with <c>SWEEP_</c> (<c>SWEEP_Cluster__LeaseSeconds=8</c>
/// sets <c>Cluster:LeaseSeconds</c>). The command line wins over both.</summary>
public sealed class SweepSettings(IConfigurationRoot configuration)
{
    public const string FileName = "appsettings.json";
    public const string EnvironmentPrefix = "SWEEP_";

    public IConfiguration Configuration => configuration;

    public string? this[string key] => configuration[key];

    public static SweepSettings Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return new SweepSettings(new ConfigurationBuilder()
                .AddJsonFile(source =>
                {
                    source.Path = FileName;
                    source.Optional = true;
                    source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(directory);
                })
                .AddEnvironmentVariables(EnvironmentPrefix)
                .Build());
        }
        catch (InvalidDataException error)
        {
            var detail = (error.InnerException as JsonException)?.Message ?? error.Message;
            throw new UserErrorException($"{path}: expected a JSON object of settings ({detail.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>Where a setting came from, for an error about its value: the environment variable that set it,
    /// or the settings file.</summary>
    public string SourceOf(string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
                continue;
            return provider switch
            {
                EnvironmentVariablesConfigurationProvider => EnvironmentPrefix + key.Replace(":", "__"),
                JsonConfigurationProvider json => $"{Path.Combine(Directory(json), FileName)} ({key})",
                _ => key,
            };
        }
        return key;
    }

    private static string Directory(JsonConfigurationProvider json) =>
        (json.Source.FileProvider as Microsoft.Extensions.FileProviders.PhysicalFileProvider)?.Root.TrimEnd('/') ?? ".";
}
