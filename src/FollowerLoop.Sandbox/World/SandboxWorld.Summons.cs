using System.Globalization;
using System.Text.RegularExpressions;
using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The posts that summon the account (replies to its posts, mentions, quotes): the drawn ones, a closed form of
/// (seed, post, k) or (seed, hour), and the ones planted through <see cref="Summon"/>. Each has its own random
/// stream, so none of them changes a post's outcome.
/// </summary>
public sealed partial class SandboxWorld
{
    /// <summary>Every summoning post made by <paramref name="at"/>, newest first (by id, as X orders timelines).</summary>
    public IReadOnlyList<SummoningPost> GetSummons(DateTimeOffset at)
    {
        List<SummoningPost> found;
        lock (_lock)
        {
            found = [.. _planted.Where(post => post.PostedAt <= at)];
            foreach (var post in _posts.Where(post => post.PostedAt <= at))
            {
                found.AddRange(FanRepliesAt(post, at, int.MaxValue));
                found.AddRange(Quotes.Visible(_seed, post, at, Audience.Profile.Engagement.TimeConstantHours.Reposts));
            }
        }

        found.AddRange(_mentions.UpTo(at));
        return [.. found.OrderByDescending(post => long.Parse(post.Id, CultureInfo.InvariantCulture))];
    }

    /// <summary>A summoning post by id (whenever it is dated: compare <see cref="SummoningPost.PostedAt"/> with the clock).</summary>
    public SummoningPost? FindSummons(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            return FindSummonsLocked(id);
        }
    }

    /// <summary>The audience's replies under an own post visible at <paramref name="at"/>, at most <paramref name="max"/>, oldest first.</summary>
    public IReadOnlyList<SummoningPost> GetFanReplies(SandboxPost post, DateTimeOffset at, int max)
    {
        ArgumentNullException.ThrowIfNull(post);
        return FanRepliesAt(post, at, max);
    }

    /// <summary>How many drawn quotes of <paramref name="post"/> exist at <paramref name="at"/> (X's quote_count).</summary>
    public long GetQuoteCount(SandboxPost post, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Quotes.Visible(_seed, post, at, Audience.Profile.Engagement.TimeConstantHours.Reposts).Count;
    }

    /// <summary>
    /// Plants a summoning post by <paramref name="handle"/> at the clock's now, for tests that need an exact case.
    /// A mention's text gets <c>@handle</c> in front when it does not name the account; a reply or quote needs
    /// <paramref name="targetId"/>, one of the account's posts.
    /// </summary>
    /// <exception cref="ArgumentException">A bad handle, an empty or too long text, or a missing target.</exception>
    public SummoningPost Summon(SummonKind kind, string handle, string text, string? targetId = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(text);
        var author = handle.Trim().TrimStart('@');
        if (!AuthorPattern().IsMatch(author) || string.Equals(author, Account.Handle, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{handle}' is not another account's handle (letters, digits, underscores; up to 20).", nameof(handle));
        }

        var words = text.Trim();
        if (kind == SummonKind.Mention && !words.Contains($"@{Account.Handle}", StringComparison.OrdinalIgnoreCase))
        {
            words = $"@{Account.Handle} {words}".TrimEnd();
        }

        if (words.Length == 0 || XComTweetLength.Weighted(words) > XComTweetLength.Limit)
        {
            throw new ArgumentException($"The text must have 1 to {XComTweetLength.Limit} weighted characters.", nameof(text));
        }

        lock (_lock)
        {
            var now = Clock.GetUtcNow();
            string? target = null;
            if (kind != SummonKind.Mention)
            {
                target = targetId is not null && _byId.TryGetValue(targetId, out var own) && own.PostedAt <= now
                    ? own.Id
                    : throw new ArgumentException($"A {kind.ToString().ToLowerInvariant()} needs the id of one of the account's posts; '{targetId}' is not one.", nameof(targetId));
            }

            var id = SnowflakeId.Create(now, SnowflakeId.PlantedWorker, _planted.Count + 1);
            var post = new SummoningPost(id.ToString(CultureInfo.InvariantCulture), kind, author, AudienceMembers.DisplayNameOf(author), words, SnowflakeId.TimeOf(id), target);
            _planted.Add(post);
            Log.SummonsPlanted(_logger, post.Id, kind, author);
            return post;
        }
    }

    private SummoningPost? FindSummonsLocked(string id)
    {
        if (!SnowflakeId.TryParse(id, out var value))
        {
            return null;
        }

        // Drawn replies and quotes come within 48 hours of the post they answer, so only those posts are searched.
        var at = SnowflakeId.TimeOf(value);
        var candidates = _posts.Where(post => post.PostedAt <= at && at - post.PostedAt <= AccrualCurves.Horizon);
        return SnowflakeId.WorkerOf(value) switch
        {
            SnowflakeId.FanWorker => candidates.SelectMany(post => FanRepliesAt(post, post.PostedAt + AccrualCurves.Horizon, int.MaxValue)).FirstOrDefault(reply => reply.Id == id),
            SnowflakeId.QuoteWorker => candidates
                .SelectMany(post => Quotes.Visible(_seed, post, post.PostedAt + AccrualCurves.Horizon, Audience.Profile.Engagement.TimeConstantHours.Reposts))
                .FirstOrDefault(quote => quote.Id == id),
            SnowflakeId.MentionWorker => _mentions.Find(value),
            SnowflakeId.PlantedWorker => _planted.FirstOrDefault(post => post.Id == id),
            _ => null,
        };
    }

    private IReadOnlyList<SummoningPost> FanRepliesAt(SandboxPost post, DateTimeOffset at, int max)
    {
        var visible = Audience.CountsAt(post.Outcome.Totals, at - post.PostedAt).Replies;
        return FanReplies.Visible(_seed, post, Math.Min(visible, max), post.Outcome.Totals.Replies, Audience.Profile.Engagement.TimeConstantHours.Replies);
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,20}$")]
    private static partial Regex AuthorPattern();
}
