using FollowerLoop.Worker.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Commands;

/// <summary>Builds the host every command runs in, and turns bad configuration into one clear message.</summary>
internal static class HostFactory
{
    /// <summary>A builder with FollowerLoop's configuration sources; <paramref name="register"/> adds what the command needs.</summary>
    public static HostApplicationBuilder CreateBuilder(Action<IHostApplicationBuilder> register, string[]? args = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddFollowerLoopSources(args);
        register(builder);
        return builder;
    }

    /// <summary>
    /// Builds the host with what <paramref name="register"/> adds, validates those options (as a hosted
    /// start would: only what the command uses is required) and runs <paramref name="action"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        Action<IHostApplicationBuilder> register,
        Func<IServiceProvider, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(register);
        using var host = builder.Build();
        if (!TryValidate(host.Services, out var problems))
        {
            await Console.Error.WriteLineAsync(problems);
            return ExitCodes.BadConfiguration;
        }

        try
        {
            return await action(host.Services, cancellationToken);
        }
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            await Console.Error.WriteLineAsync($"The database could not be reached (Database:ConnectionString): {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Runs every options validator registered with ValidateOnStart; the message names each bad setting.</summary>
    public static bool TryValidate(IServiceProvider services, out string problems)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            problems = "";
            return true;
        }
        catch (OptionsValidationException ex)
        {
            problems = Describe([ex]);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            problems = Describe(ex.InnerExceptions.Cast<OptionsValidationException>());
        }

        return false;
    }

    private static string Describe(IEnumerable<OptionsValidationException> errors) =>
        "Configuration error (see README, Configuration):" + Environment.NewLine +
        string.Join(Environment.NewLine, errors.SelectMany(e => e.Failures).Select(f => "  - " + f));
}
