using StackExchange.Redis;

namespace Sweep.Orchestrator.Storage.Redis;

/// <summary>A Redis connection string fit for messages and logs: endpoints and options stay, so a reader can tell
/// which server was tried, and the password goes, because connection strings carry <c>password=...</c> and error
/// messages end up in terminals, logs and issues.</summary>
public static class RedactedConnectionString
{
    public static string Of(string connectionString)
    {
        try
        {
            return Of(ConfigurationOptions.Parse(connectionString));
        }
        catch (ArgumentException)
        {
            return "(a Redis connection string that does not parse)";
        }
    }

    public static string Of(ConfigurationOptions options) => options.ToString(includePassword: false);

    /// <summary>Removes the password from text that a client library produced from the options, in case it quoted
    /// them.</summary>
    public static string Scrub(string text, ConfigurationOptions options) =>
        string.IsNullOrEmpty(options.Password) ? text : text.Replace(options.Password, "***", StringComparison.Ordinal);
}
