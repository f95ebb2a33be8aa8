namespace FollowerLoop.Sandbox.Text;

/// <summary>What a post is about: the topic with the most keyword hits (<see cref="TopicKeywords"/>); ties go to the earlier topic.</summary>
public enum PostTopic
{
    Ai,
    Startups,
    Productivity,
    Marketing,
    Career,
    Coding,
    Finance,
    Health,

    /// <summary>No topic keyword found.</summary>
    General,
}
