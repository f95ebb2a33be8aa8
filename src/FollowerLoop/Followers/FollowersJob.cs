using FollowerLoop.Storage;
using FollowerLoop.Tracking;
using FollowerLoop.X;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Followers;

/// <summary>
/// Hourly: reads X's followers list newest first down to the first follower already known (a partial pass: the
/// arrivals since the last pass, in about one request), or, when the last full pass is older than
/// <see cref="FollowersOptions.FullPassEvery"/>, the whole list (every departure), its cost logged before it runs.
/// The Attribution job's next run credits the arrivals to the posts that brought them (<see cref="ArrivalCredit"/>).
/// </summary>
public sealed class FollowersJob(
    IFollowersReader reader,
    FollowerStore store,
    ProfileReader profiles,
    AccountSnapshotStore snapshots,
    IOptions<FollowersOptions> options,
    IOptions<XApiPrices> prices,
    IOptions<AccountOptions> account,
    TimeProvider time,
    ILogger<FollowersJob> logger)
{
    private const int FullPage = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var startedAt = time.GetUtcNow();
        var state = await store.GetStateAsync(handle, cancellationToken);
        var latest = (await snapshots.GetLatestAsync(handle, cancellationToken))?.Followers;
        var (full, estimate) = await DecideKindAsync(state, startedAt, cancellationToken);
        if (full is null)
        {
            return;
        }

        // A full pass compares everyone; a partial pass asks only about the followers it reads and, once it meets a
        // known one, those listed above it (an hourly pass need not load an account's whole list).
        var following = full.Value ? await store.GetFollowingAsync(handle, among: null, above: null, cancellationToken) : [];
        var read = new List<XFollower>();
        string? cursor = null;
        var requests = 0;
        var pageSize = full.Value ? FullPage : (int)Math.Clamp(Math.Max(0, (latest ?? 0) - state.Following) + options.Value.PageMargin, 1, FullPage);
        bool wholeList;
        while (true)
        {
            var page = await reader.ReadPageAsync(cursor, pageSize, cancellationToken);
            requests++;
            if (!full.Value)
            {
                following = await store.GetFollowingAsync(handle, [.. page.Followers.Select(f => f.UserId)], above: null, cancellationToken);
            }

            var stop = page.Followers.Select((f, i) => following.ContainsKey(f.UserId) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            read.AddRange(full.Value || stop < 0 ? page.Followers : page.Followers.Take(stop + 1));
            cursor = page.NextCursor;
            // The whole list only when nothing of the page was left unread: a partial pass stops at the known follower.
            wholeList = (cursor is null || page.Followers.Count == 0) && (full.Value || stop < 0);
            if (wholeList || (!full.Value && stop >= 0))
            {
                break;
            }

            // The gap was wider than the count said: widen the pages until a known follower shows.
            pageSize = Math.Min(FullPage, pageSize * 4);
        }

        if (!full.Value)
        {
            // What the comparison needs: the known follower the pass stopped at and those above it, or, when it read
            // the whole list without meeting one, everyone (all of them have left).
            var stopAt = wholeList ? (long?)null : following[read[^1].UserId];
            foreach (var (userId, position) in await store.GetFollowingAsync(handle, among: null, above: stopAt, cancellationToken))
            {
                following[userId] = position;
            }
        }

        var pass = FollowerPass.Compare(following, read, wholeList);
        var kind = full.Value ? FollowerPassRecord.Full : FollowerPassRecord.Partial;
        await store.SaveAsync(handle, new FollowerPassRecord(kind, startedAt, time.GetUtcNow(), requests, estimate, state.LastPassAt), pass, cancellationToken);
        Log.PassDone(logger, kind, read.Count, requests, pass.Arrivals.Count, pass.Departures.Count);
    }

    /// <summary>
    /// Full (true) or partial (false), with a full pass's estimated cost from the profile's count read now; null when
    /// not even a first pass may run (a partial pass needs a full one before it).
    /// </summary>
    private async Task<(bool? Full, decimal? EstimateUsd)> DecideKindAsync(FollowerState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = state.LastPassAt is null;
        if (!first && state.LastFullPassAt is { } lastFull && now - lastFull < options.Value.FullPassEvery)
        {
            return (false, null);
        }

        var counted = (await profiles.ReadAsync(cancellationToken)).Followers;
        var followers = Math.Max(counted ?? 0, state.Following);
        var cost = followers * prices.Value.OwnDataRead;
        var requests = Math.Max(1, (followers + FullPage - 1) / FullPage);
        if (cost > options.Value.MaxFullPassUsd)
        {
            Log.FullPassTooDear(logger, cost, options.Value.MaxFullPassUsd);
            return first ? (null, null) : (false, null);
        }

        Log.FullPassEstimate(logger, followers, requests, cost);
        return (true, cost);
    }
}
