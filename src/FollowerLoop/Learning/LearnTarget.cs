namespace FollowerLoop.Learning;

/// <summary>What the gain model and the patterns learn (<c>Learn:Target</c>).</summary>
public enum LearnTarget
{
    /// <summary>Followers the post gained by its 48 hours: X's count where given, else what engagement share says it was due by its reach.</summary>
    Gained,

    /// <summary>The post's credited arrivals still following 7 days after they came (the Followers job's passes).</summary>
    Retained7d,
}
