using FollowerLoop.Storage;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking;

/// <summary>The account's follower and following counts into account_snapshots: the series attribution works on.</summary>
public sealed class DataCollectionJob(ProfileReader profiles, AccountSnapshotStore snapshots, IOptions<AccountOptions> account, TimeProvider time)
{
    // A failed read is retried by Hangfire; a snapshot of unknowns would add nothing to the series.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 20, 60])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var profile = await profiles.ReadAsync(cancellationToken);
        await snapshots.UpsertAsync(
            new AccountSnapshot(account.Value.Handle, time.GetUtcNow(), profile.Followers, profile.Followers is null ? null : profile.FollowersExact, profile.Following, PostCount: null),
            cancellationToken);
    }
}
