namespace FollowerLoop.Learning;

/// <summary>
/// Each new follower's credit to the posts that may have brought them, from the same weighing of the arrivals as the
/// posts' own credits (<see cref="LikeEvidence.Arrivals"/>): the Attribution job hands it over, the followers' side stores
/// it (who the new followers are and whether they stay, per post).
/// </summary>
public interface IArrivalCredits
{
    Task ReplaceAsync(string account, LikeEvidence evidence, DateTimeOffset now, CancellationToken cancellationToken);
}
