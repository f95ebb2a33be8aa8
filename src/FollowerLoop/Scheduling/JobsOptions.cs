namespace FollowerLoop.Scheduling;

/// <summary>Section <c>Jobs</c>: when each timer job runs.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    public JobSchedules Schedules { get; set; } = new();
}
