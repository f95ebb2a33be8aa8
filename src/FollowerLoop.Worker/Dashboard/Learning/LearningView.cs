namespace FollowerLoop.Worker.Dashboard.Learning;

/// <summary>Everything the learning page shows.</summary>
public sealed record LearningView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required IReadOnlyList<PatternRow> Patterns { get; init; }

    public required IReadOnlyList<ModelRow> Models { get; init; }

    /// <summary>Finished posts the gain model can train on.</summary>
    public required int FinishedPosts { get; init; }

    /// <summary><c>Learn:MinRows</c>: the finished posts the first model waits for.</summary>
    public required int MinRows { get; init; }
}
