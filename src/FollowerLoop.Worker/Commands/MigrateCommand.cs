using System.CommandLine;
using FollowerLoop.Storage;
using Npgsql;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop migrate</c>: applies supabase/migrations to the configured database (it needs only <c>Database:*</c>).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        // The name of a variable, not the password: a value on the command line shows in the process list.
        var appRolePasswordVariable = new Option<string?>("--app-role-password-from-env")
        {
            Description = $"Then let the apps' role {AppRole.Name} log in with the password in this environment variable (run as the database owner).",
        };
        // Checked with the command line, before a host is built: a variable not set is a wrong option (exit 2).
        appRolePasswordVariable.Validators.Add(result =>
        {
            var variable = result.GetValueOrDefault<string?>() ?? "";
            var password = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(password))
            {
                result.AddError($"--app-role-password-from-env: the environment variable '{variable}' is not set.");
            }
            else if (AppRole.ProblemWith(password) is { } problem)
            {
                result.AddError($"--app-role-password-from-env: {problem}");
            }
        });
        var command = new Command("migrate", "Apply the Supabase migrations (supabase/migrations) to the configured database.") { appRolePasswordVariable };
        command.SetAction((parse, cancellationToken) =>
        {
            var variable = parse.GetValue(appRolePasswordVariable);
            return HostFactory.RunAsync(parse, Register, (services, token) => RunAsync(services, variable, token), cancellationToken);
        });
        return command;
    }

    private static void Register(IHostApplicationBuilder builder)
    {
        builder.AddStorage();
        // The command prints what it applied: the runner's own lines would say it a second time.
        builder.Logging.AddFilter(typeof(MigrationRunner).FullName, LogLevel.Warning);
    }

    private static async Task<int> RunAsync(IServiceProvider services, string? appRolePasswordVariable, CancellationToken cancellationToken)
    {
        // The option's validator has checked it is set and acceptable.
        var appRolePassword = appRolePasswordVariable is null ? null : Environment.GetEnvironmentVariable(appRolePasswordVariable);
        try
        {
            var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? "Database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        }
        catch (MigrationException ex)
        {
            await Console.Error.WriteLineAsync($"migrate: {ex.Message}");
            return ExitCodes.Failed;
        }

        if (appRolePassword is null)
        {
            return ExitCodes.Ok;
        }

        try
        {
            await new AppRole(services.GetRequiredService<NpgsqlDataSource>()).EnableLoginAsync(appRolePassword, cancellationToken);
        }
        catch (PostgresException ex)
        {
            // The server's message names the role and the missing right, never the statement's text.
            await Console.Error.WriteLineAsync($"migrate: could not let {AppRole.Name} log in: {ex.MessageText}");
            return ExitCodes.Failed;
        }

        Console.WriteLine($"{AppRole.Name} may log in with the password from {appRolePasswordVariable}.");
        return ExitCodes.Ok;
    }
}
