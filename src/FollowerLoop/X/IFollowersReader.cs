namespace FollowerLoop.X;

/// <summary>
/// The account's own followers list, newest first, a page at a time: the API's followers list (own-data reads) or
/// x.com's followers page. The caller decides how far to read, so a pass can stop at the first follower it knows.
/// </summary>
public interface IFollowersReader
{
    /// <summary>
    /// The page starting at <paramref name="cursor"/> (null: the newest followers). <paramref name="pageSize"/> is what the
    /// caller wants (the API takes 1–1000 and bills each follower returned); the browser returns what a scroll loads.
    /// </summary>
    Task<FollowersPage> ReadPageAsync(string? cursor, int pageSize, CancellationToken cancellationToken);
}
