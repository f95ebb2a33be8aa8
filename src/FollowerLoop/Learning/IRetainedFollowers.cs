namespace FollowerLoop.Learning;

/// <summary>
/// Per post, the followers it brought who still followed a week later, where that is known (the Followers job's
/// arrivals credited to posts): what Learn trains on with <c>Learn:Target = Retained7d</c>.
/// </summary>
public interface IRetainedFollowers
{
    Task<IReadOnlyDictionary<string, double>> GetAsync(string account, CancellationToken cancellationToken);
}
