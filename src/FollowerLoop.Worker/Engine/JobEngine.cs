namespace FollowerLoop.Worker.Engine;

/// <summary>What runs the jobs and tracks the posts in `followerloop run` and the demo.</summary>
public enum JobEngine
{
    /// <summary>Hangfire on Postgres: recurring jobs, and a delayed job per checkpoint.</summary>
    Hangfire,

    /// <summary>The Functions design without the Functions host: timer jobs, and a Durable orchestration per post on Azurite.</summary>
    Durable,
}
