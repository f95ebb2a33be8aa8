namespace FollowerLoop.Worker.Dashboard.Problems;

/// <summary>Everything the problems page shows: the latest problems of every kind in one list, and how many of each there are.</summary>
public sealed record ProblemsView
{
    public required string Account { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>Newest first, at most <see cref="ProblemsQuery.Shown"/>.</summary>
    public required IReadOnlyList<ProblemRow> Problems { get; init; }

    /// <summary>Every problem of each kind, listed or not.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }
}
