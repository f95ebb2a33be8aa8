namespace FollowerLoop.Content;

/// <summary>What happened to an item offered to the queue: queued, or refused with a reason a person can act on.</summary>
public sealed record QueueOutcome(bool Queued, string? Reason)
{
    public static QueueOutcome Ok { get; } = new(true, null);

    public static QueueOutcome Refused(string reason) => new(false, reason);
}
