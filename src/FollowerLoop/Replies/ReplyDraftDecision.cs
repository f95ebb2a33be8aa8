namespace FollowerLoop.Replies;

/// <summary>What became of a person's decision on a draft: done, or why not (shown to them as it is).</summary>
public sealed record ReplyDraftDecision(bool Done, string? Problem)
{
    public static ReplyDraftDecision Ok { get; } = new(true, null);

    public static ReplyDraftDecision Refused(string problem) => new(false, problem);
}
