namespace FollowerLoop.Bench.Learning;

/// <summary>What FollowerLoop's X client reads in the learning bench.</summary>
internal enum BenchReads
{
    /// <summary>What x.com's pages show: public counts, the exact follower count.</summary>
    Page,

    /// <summary>What the self-serve API adds for the account's own posts: quotes, link clicks, profile visits (under 30 days), who liked them.</summary>
    Api,

    /// <summary>Api, and X's own follows and unfollows of each post (<c>GET /2/tweets/analytics</c>, Enterprise access): attribution's truth.</summary>
    Enterprise,
}
