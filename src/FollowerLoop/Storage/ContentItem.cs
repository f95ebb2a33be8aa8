namespace FollowerLoop.Storage;

/// <summary>A row of <c>content_metadata</c>: one planned post, reply or thread part.</summary>
public sealed record ContentItem
{
    public required Guid DecisionId { get; init; }

    public required string Account { get; init; }

    public required string Kind { get; init; }

    public required string Text { get; init; }

    public string? Format { get; init; }

    public string? Topic { get; init; }

    public string? Hook { get; init; }

    /// <summary>The candidate's features as JSON (what the model scored).</summary>
    public string Features { get; init; } = "{}";

    /// <summary>Plan's prediction of the followers the post gains by 48h, made before posting.</summary>
    public double? PredictedGain { get; init; }

    /// <summary>The early-velocity model's prediction of the same, made from the post's 2-hour counts.</summary>
    public double? PredictedGain2h { get; init; }

    public string? Policy { get; init; }

    public string Status { get; init; } = ContentStatus.Queued;

    public required DateTimeOffset ScheduledFor { get; init; }

    public required string ContentHash { get; init; }

    public string? ReplyToTweetId { get; init; }

    /// <summary>For a reply: who wrote the post it answers.</summary>
    public string? ReplyToHandle { get; init; }

    /// <summary>For a reply: the text of the post it answers, shown beside a draft and checked against it.</summary>
    public string? ReplyToText { get; init; }

    /// <summary>For a reply: how that post summoned the account (<c>mention</c>, <c>reply</c>, <c>quote</c>).</summary>
    public string? ReplyToKind { get; init; }

    /// <summary>For a reply: the conversation (root post id) where X says it; at most one reply each.</summary>
    public string? ConversationId { get; init; }

    public Guid? ThreadId { get; init; }

    public int? ThreadPosition { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? PostingStartedAt { get; init; }

    /// <summary>The id X answered for the post, once seen; with it an interrupted attempt needs no search.</summary>
    public string? SentTweetId { get; init; }

    public string? LastError { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
