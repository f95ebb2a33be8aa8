namespace FollowerLoop.Scheduling;

/// <summary>Why a timer job ran: its schedule, or a person's "run now" on the jobs page.</summary>
public enum JobTrigger
{
    Schedule,
    Manual,
}
