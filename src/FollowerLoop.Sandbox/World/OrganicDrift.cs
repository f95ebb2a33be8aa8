using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// Follower changes unrelated to posts: at the end of every hour since the epoch, Poisson gains minus Poisson
/// losses, each hour drawn from its own seeded stream. Running sums are cached so any moment costs O(1) after
/// the first visit.
/// </summary>
internal sealed class OrganicDrift
{
    private readonly Lock _lock = new();
    private readonly List<long> _cumulative = [0];
    private readonly int _seed;
    private readonly OrganicProfile _profile;
    private readonly DateTimeOffset _epoch;

    public OrganicDrift(int seed, OrganicProfile profile, DateTimeOffset epoch)
    {
        _seed = seed;
        _profile = profile;
        _epoch = epoch;
    }

    /// <summary>The net organic change from the epoch up to <paramref name="at"/> (whole hours only).</summary>
    public long NetChange(DateTimeOffset at)
    {
        var hours = (int)Math.Floor((at - _epoch).TotalHours);
        if (hours <= 0)
        {
            return 0;
        }

        lock (_lock)
        {
            for (var hour = _cumulative.Count - 1; hour < hours; hour++)
            {
                var (gains, losses) = Hour(hour);
                _cumulative.Add(_cumulative[hour] + gains - losses);
            }

            return _cumulative[hours];
        }
    }

    /// <summary>The followers gained and lost in hour <paramref name="hour"/> after the epoch; they count from the hour's end.</summary>
    public (long Gains, long Losses) Hour(int hour)
    {
        var random = new DeterministicRandom(_seed, "organic", hour);
        var gains = random.NextPoisson(_profile.GainsPerHour);
        return (gains, random.NextPoisson(_profile.LossesPerHour));
    }

    /// <summary>When hour <paramref name="hour"/>'s change counts: at its end.</summary>
    public DateTimeOffset EndOf(int hour) => _epoch.AddHours(hour + 1);
}
