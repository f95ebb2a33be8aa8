namespace FollowerLoop.Sandbox.World;

/// <summary>The oracle's pick: the candidate with the highest expected 48-hour follower gain; null when all are refused.</summary>
public sealed record OracleChoice(int? BestIndex, DateTimeOffset At, IReadOnlyList<OracleCandidate> Candidates)
{
    public OracleCandidate? Best => BestIndex is { } index ? Candidates[index] : null;
}
