using System.Globalization;
using Dapper;
using Npgsql;

namespace FollowerLoop.Demo;

/// <summary>
/// How far each reading was from the moment it is named for, in virtual minutes: a baseline within
/// <see cref="BaselineLimit"/> of the post, a checkpoint within <see cref="CheckpointLimit"/> of its due time;
/// those outside are named with why.
/// </summary>
internal static class DemoLateness
{
    private static readonly TimeSpan BaselineLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CheckpointLimit = TimeSpan.FromMinutes(10);

    private sealed record Reading(string PostId, string Phase, string Status, string? Error, int Attempts, double LateSeconds)
    {
        public TimeSpan Late => TimeSpan.FromSeconds(LateSeconds);
    }

    /// <returns>Whether every reading was within its limit.</returns>
    public static async Task<bool> PrintAsync(NpgsqlConnection connection, IReadOnlyList<ReleasedHold> givenUp, TextWriter output, CancellationToken cancellationToken)
    {
        var readings = (await connection.QueryAsync<Reading>(new CommandDefinition(
            """
            select post_id as PostId, collection_phase as Phase, status as Status, error as Error, attempts as Attempts,
                   extract(epoch from checked_at - due_at)::float8 as LateSeconds
            from post_velocity_tracking
            order by due_at
            """,
            cancellationToken: cancellationToken))).ToList();
        var late = readings.Where(r => r.Late.Duration() > (r.Phase == "baseline" ? BaselineLimit : CheckpointLimit)).ToList();
        var worst = readings.GroupBy(r => r.Phase == "baseline").ToDictionary(g => g.Key, g => g.Max(r => r.Late.Duration().TotalMinutes));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"readings on time: {readings.Count - late.Count} of {readings.Count} (worst: baseline {worst.GetValueOrDefault(true):0.0} virtual min after the post, checkpoint {worst.GetValueOrDefault(false):0.0} from its due time; limits {BaselineLimit.TotalMinutes:0} and {CheckpointLimit.TotalMinutes:0})"));
        foreach (var reading in late)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  late: post {reading.PostId} {reading.Phase} {reading.Late.TotalMinutes:+0.0;-0.0} min: {Why(reading, givenUp)}"));
        }

        return late.Count == 0;
    }

    private static string Why(Reading reading, IReadOnlyList<ReleasedHold> givenUp)
    {
        if (givenUp.FirstOrDefault(h => h.PostId == reading.PostId && h.Phase == reading.Phase) is { } hold)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the clock stood {hold.After.TotalSeconds:0} s (real) at its due time without it, then went on");
        }

        var attempts = reading.Attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" after {reading.Attempts} attempts") : "";
        return reading.Status == "failed"
            ? $"failed{attempts}: {reading.Error}"
            : $"measured{attempts}, with the clock running (no hold: a post the sandbox did not see published?)";
    }
}
