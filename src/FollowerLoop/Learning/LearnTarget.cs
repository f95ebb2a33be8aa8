namespace FollowerLoop.Learning;

/// <summary>What the gain model and the patterns learn (<c>Learn:Target</c>).</summary>
public enum LearnTarget
{
    /// <summary>Followers attributed to the post by its 48 hours (X's count where given, else engagement share).</summary>
    Gained,

    /// <summary>The post's credited arrivals still following 7 days after they came (the Followers job's passes).</summary>
    Retained7d,
}
