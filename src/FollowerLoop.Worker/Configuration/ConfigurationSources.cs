namespace FollowerLoop.Worker.Configuration;

internal static class ConfigurationSources
{
    /// <summary>
    /// appsettings.json, then the git-ignored appsettings.Local.json (see appsettings.Local.sample.json),
    /// then environment variables (<c>Database__ConnectionString</c>), then the command line: later wins.
    /// </summary>
    public static IConfigurationBuilder AddFollowerLoopSources(this IConfigurationManager configuration, string[]? args)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Local.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        if (args is { Length: > 0 })
        {
            configuration.AddCommandLine(args);
        }

        return configuration;
    }
}
