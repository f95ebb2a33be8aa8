using System.CommandLine;
using FollowerLoop.Storage;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop migrate</c>: applies supabase/migrations to the configured database (it needs only <c>Database:*</c>).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the Supabase migrations (supabase/migrations) to the configured database.");
        command.SetAction((_, cancellationToken) => HostFactory.RunAsync(builder => builder.AddStorage(), RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? "Database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Ok;
        }
        catch (MigrationException ex)
        {
            await Console.Error.WriteLineAsync($"migrate: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
