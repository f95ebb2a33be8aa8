using Cronos;

namespace FollowerLoop.Scheduling;

/// <summary>
/// Section <c>Jobs:Schedules</c>: a cron expression (UTC) per recurring job, as in the job table of the
/// design: five fields, or six with seconds first (NCRONTAB, the Functions timer's form). Checkpoints
/// are not here: they are timers at fixed offsets.
/// </summary>
public sealed class JobSchedules
{
    /// <summary>Parses five fields (minute first) or six (second first), as every engine reads them.</summary>
    public static CronExpression Parse(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    public string Plan { get; set; } = "0 */3 * * *";

    public string Reply { get; set; } = "10 * * * *";

    public string Posting { get; set; } = "*/5 * * * *";

    public string TrackingReconciler { get; set; } = "*/30 * * * *";

    public string Analytics { get; set; } = "5,35 * * * *";

    public string DataCollection { get; set; } = "0 * * * *";

    public string Attribution { get; set; } = "20 */2 * * *";

    public string Outcomes { get; set; } = "25 */2 * * *";

    public string Learn { get; set; } = "40 * * * *";

    public string Strategy { get; set; } = "50 */6 * * *";

    public string ViralThread { get; set; } = "0 14 * * *";

    public string Followers { get; set; } = "15 * * * *";

    /// <summary>Every schedule with its job name, for registration and validation.</summary>
    public IReadOnlyList<(string Job, string Cron)> All() =>
    [
        (nameof(Plan), Plan),
        (nameof(Reply), Reply),
        (nameof(Posting), Posting),
        (nameof(TrackingReconciler), TrackingReconciler),
        (nameof(Analytics), Analytics),
        (nameof(DataCollection), DataCollection),
        (nameof(Attribution), Attribution),
        (nameof(Outcomes), Outcomes),
        (nameof(Learn), Learn),
        (nameof(Strategy), Strategy),
        (nameof(ViralThread), ViralThread),
        (nameof(Followers), Followers),
    ];
}
