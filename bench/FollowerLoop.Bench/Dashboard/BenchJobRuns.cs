using FollowerLoop.Scheduling;

namespace FollowerLoop.Bench.Dashboard;

/// <summary>
/// What <c>job_runs</c> holds after a long run: each timer job's runs on its default schedule, about 1% failed
/// with the exception kept, a few skipped (the previous run still going) or run by hand, and a run not over by
/// the end still running. Nothing expires the rows, so the page is timed on all of them.
/// </summary>
internal static class BenchJobRuns
{
    private const string Host = "fl-worker";

    // A typical run's real duration per job: the ones that call X or the LLM take seconds.
    private static readonly Dictionary<string, int> RunMilliseconds = new()
    {
        [nameof(JobSchedules.Plan)] = 4_000,
        [nameof(JobSchedules.Reply)] = 6_000,
        [nameof(JobSchedules.Posting)] = 400,
        [nameof(JobSchedules.TrackingReconciler)] = 150,
        [nameof(JobSchedules.Analytics)] = 2_500,
        [nameof(JobSchedules.DataCollection)] = 2_000,
        [nameof(JobSchedules.Attribution)] = 400,
        [nameof(JobSchedules.Outcomes)] = 300,
        [nameof(JobSchedules.Learn)] = 5_000,
        [nameof(JobSchedules.Strategy)] = 800,
        [nameof(JobSchedules.ViralThread)] = 7_000,
        // A partial pass: about one request (a full pass, weekly, takes minutes; the dashboards read only its row).
        [nameof(JobSchedules.Followers)] = 1_500,
    };

    // What a failed run keeps: the exception's ToString, message first, then the stack.
    private static readonly string[] Errors =
    [
        """
        Npgsql.NpgsqlException (0x80004005): Exception while reading from stream
         ---> System.TimeoutException: Timeout during reading attempt
           at Npgsql.Internal.NpgsqlReadBuffer.<Ensure>g__EnsureLong|54_0(NpgsqlReadBuffer buffer, Int32 count, Boolean async, Boolean readingNotifications)
           at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)
           --- End of inner exception stack trace ---
           at FollowerLoop.Storage.PostStore.GetPostedSinceAsync(String account, DateTimeOffset since, CancellationToken cancellationToken)
        """,
        """
        FollowerLoop.X.XClientException: X API rate limit reached for GET /2/users/:id; the window resets in 760 s (code 88).
           at FollowerLoop.X.Api.XApiConnection.SendAsync(XApiRequest call, CancellationToken cancellationToken)
           at FollowerLoop.Tracking.DataCollectionJob.RunAsync(CancellationToken cancellationToken)
        """,
        """
        System.Net.Http.HttpRequestException: Connection refused (api.x.com:443)
         ---> System.Net.Sockets.SocketException (111): Connection refused
           at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)
           --- End of inner exception stack trace ---
           at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)
        """,
    ];

    /// <summary>Every run from <paramref name="from"/> to <paramref name="to"/> (the worker's clock); <see cref="JobRun.Id"/> is left to the table.</summary>
    public static IEnumerable<JobRun> Generate(DateTimeOffset from, DateTimeOffset to, Random random)
    {
        foreach (var (job, cron) in new JobSchedules().All())
        {
            foreach (var occurrence in JobSchedules.Parse(cron).GetOccurrences(from.UtcDateTime, to.UtcDateTime))
            {
                var startedAt = new DateTimeOffset(occurrence, TimeSpan.Zero) + TimeSpan.FromMilliseconds(random.Next(5, 900));
                var roll = random.NextDouble();
                var (result, error, durationMs) = roll switch
                {
                    < 0.01 => ("failed", Errors[random.Next(Errors.Length)], (long)(RunMilliseconds[job] * random.NextDouble())),
                    < 0.012 => ("skipped", "already running", 0L),
                    _ => ("succeeded", (string?)null, (long)(RunMilliseconds[job] * (0.5 + random.NextDouble()))),
                };
                var finishedAt = startedAt + TimeSpan.FromMilliseconds(durationMs);
                var trigger = roll > 0.999 ? "manual" : "schedule";
                yield return finishedAt > to
                    ? new JobRun(0, job, trigger, startedAt, null, null, null, null, Host)
                    : new JobRun(0, job, trigger, startedAt, finishedAt, durationMs, result, error, Host);
            }
        }
    }
}
