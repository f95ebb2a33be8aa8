using FollowerLoop.Posting;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Replies;

/// <summary>
/// Answers the people who addressed the account — replies to its posts, mentions, quotes — and no one else
/// (X: no replies found by keyword; API replies only where summoned). At most one reply per summoning post,
/// per conversation and per person a day, never to someone who asked it to stop, within the day's cap.
/// In <see cref="ReplyMode.Draft"/> (the default) a reply waits for a person's approval; in
/// <see cref="ReplyMode.Auto"/> it is queued for Posting at once.
/// </summary>
public sealed class ReplyJob(
    IXClient x,
    ReplyWriter writer,
    ReplyHistory history,
    IOptions<AccountOptions> account,
    IOptions<ReplyOptions> options,
    IOptions<PostingOptions> posting,
    TimeProvider time,
    ILogger<ReplyJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Mode == ReplyMode.Off)
        {
            Log.ReplyOff(logger);
            return;
        }

        var handle = account.Value.Handle;
        var room = Math.Min(settings.PerRun, await history.RoomTodayAsync(handle, posting.Value.DailyReplyCap, time.GetUtcNow(), cancellationToken));
        if (room == 0)
        {
            Log.NoRoom(logger, posting.Value.DailyReplyCap);
            return;
        }

        IReadOnlyList<Mention> mentions;
        try
        {
            mentions = await x.GetMentionsAsync(settings.MentionsRead, await history.GetCursorAsync(handle, cancellationToken), cancellationToken);
        }
        catch (XClientException ex)
        {
            Log.MentionsFailed(logger, ex.Message);
            return;
        }

        var written = 0;
        var candidates = await CandidatesAsync(handle, mentions, cancellationToken);
        foreach (var summons in candidates.Oldest)
        {
            if (written == room)
            {
                break;
            }

            if (candidates.Skip(summons) is { } reason)
            {
                Log.Skipped(logger, summons.TweetId, summons.AuthorHandle, reason);
            }
            else if (await writer.WriteAsync(handle, summons, settings.Mode, cancellationToken))
            {
                written++;
                candidates.Answered(summons);
            }

            // Dealt with for good (answered, refused or skipped by rule): the next read starts after it.
            await history.AdvanceCursorAsync(handle, summons.TweetId, time.GetUtcNow(), cancellationToken);
        }

        Log.RepliesWritten(logger, written, settings.Mode, room);
    }

    private async Task<ReplyCandidates> CandidatesAsync(string handle, IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var oldestFresh = now - options.Value.Freshness;
        var others = mentions.Where(m => !m.AuthorHandle.Equals(handle, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var stop in others.Where(m => StopRequest.Is(m.Text)))
        {
            await history.RecordOptOutAsync(handle, stop.AuthorHandle, stop.TweetId, now, cancellationToken);
            Log.StopRequested(logger, stop.AuthorHandle, stop.TweetId);
        }

        var handles = others.Select(m => m.AuthorHandle).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new ReplyCandidates(
            [.. others.OrderBy(m => m.TweetId.Length).ThenBy(m => m.TweetId, StringComparer.Ordinal)],
            oldestFresh,
            await history.DealtWithAsync(handle, [.. others.Select(m => m.TweetId)], cancellationToken),
            await history.ConversationsAnsweredAsync(handle, [.. others.Select(m => m.ConversationId).OfType<string>()], cancellationToken),
            await history.PeopleAnsweredSinceAsync(handle, handles, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), cancellationToken),
            await history.OptedOutAsync(handle, handles, cancellationToken));
    }
}
