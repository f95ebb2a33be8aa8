using System.CommandLine;
using System.Text.RegularExpressions;
using FollowerLoop.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Commands;

/// <summary>Builds the host every command runs in, and turns bad configuration into one clear message.</summary>
internal static partial class HostFactory
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
        BoundOptions.Register(builder.Services);
        register(builder);
        return builder;
    }

    /// <summary>
    /// Validates the options <paramref name="register"/> adds (as a hosted start would: only what the command uses
    /// is required), then builds the host and runs <paramref name="action"/>; problems go to the command's error output.
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult parse,
        Action<IHostApplicationBuilder> register,
        Func<IServiceProvider, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(register);
        if (!TryValidate(builder, out var problems))
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(problems);
            return ExitCodes.BadConfiguration;
        }

        using var host = builder.Build();
        try
        {
            return await action(host.Services, cancellationToken);
        }
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"The database could not be reached (Database:ConnectionString): {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Validates before the host is built: building one already resolves services (a web host's server reads the
    /// clock, the dashboards' endpoints the database), so a bad setting would throw from there with a stack trace.
    /// </summary>
    public static bool TryValidate(IHostApplicationBuilder builder, out string problems)
    {
        // A container of its own, disposed after. The configuration is lent as an instance: the host registers it
        // through a factory, which makes it the container's to dispose.
        var services = new ServiceCollection();
        services.Add(builder.Services);
        services.Replace(ServiceDescriptor.Singleton<IConfiguration>(builder.Configuration));
        using var probe = services.BuildServiceProvider();
        return TryValidate(probe, out problems);
    }

    /// <summary>
    /// Every setting bound (a value of the wrong type names its setting and what it takes), then, once all convert,
    /// every options validator registered with ValidateOnStart; the message names each bad setting.
    /// </summary>
    public static bool TryValidate(IServiceProvider services, out string problems)
    {
        var found = services.GetService<BoundOptions>()?.Problems(services) ?? [];
        if (found.Count == 0)
        {
            found = ValidationFailures(services);
        }

        problems = found.Count == 0
            ? ""
            : "Configuration error (see README, Configuration):" + Environment.NewLine + string.Join(Environment.NewLine, found.Select(f => "  - " + f));
        return found.Count == 0;
    }

    private static IReadOnlyList<string> ValidationFailures(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures.Select(Unwrap)];
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return [.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Select(Unwrap)];
        }
    }

    /// <summary>A data annotation's own message names the setting; the wrapper around it names a class and a property.</summary>
    private static string Unwrap(string failure) => DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["error"].Value : failure;

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
