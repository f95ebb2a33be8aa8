namespace FollowerLoop.Storage;

/// <summary>A row of <c>strategy</c>: the content mix (JSON, format → share) and best hours (JSON) Plan uses.</summary>
public sealed record PostingStrategy
{
    public long Id { get; init; }

    public required string Account { get; init; }

    public required string ContentMix { get; init; }

    public required string BestHours { get; init; }

    public long? ModelId { get; init; }

    public string? Notes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
