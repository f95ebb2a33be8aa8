using System.Globalization;
using FollowerLoop.Content;
using FollowerLoop.Followers;

namespace FollowerLoop.Worker.Commands;

/// <summary>The report's "followers": arrivals and departures in the window, how many stayed, and the posts that brought followers who stayed.</summary>
internal static class ReportFollowersSection
{
    private const int TopPosts = 5;

    public static async Task WriteAsync(FollowerStore store, CreditedPosts credited, string handle, DateTimeOffset from, DateTimeOffset to, TextWriter output, CancellationToken cancellationToken)
    {
        var window = await store.GetWindowAsync(handle, from, to, cancellationToken);
        await output.WriteLineAsync("followers (the Followers job's passes over X's followers list)");
        if (window.LastPass is not { } last)
        {
            await output.WriteLineAsync("  none yet: the Followers job reads the list every hour");
            await output.WriteLineAsync();
            return;
        }

        await output.WriteLineAsync(Text($"  last pass      {last.At:yyyy-MM-dd HH:mm} UTC ({last.Kind}); {window.Following:N0} known to follow"));
        await output.WriteLineAsync(Text($"  in the window  {window.Arrivals.Count:N0} arrived, {window.Departures:N0} left (departures of older followers show at full passes)"));
        var kept = FollowerRetention.Days.Select(days => window.RetentionAt(days) is { Share: { } share } tally
            ? Text($"{days} d {share:P0} of {tally.Retained + tally.Gone:N0}")
            : Text($"{days} d unknown yet"));
        await output.WriteLineAsync($"  still following {string.Join(", ", kept)} (arrivals whose fate a pass has seen)");
        await output.WriteLineAsync(Text($"  engaged        {window.Engaged:N0} of the arrivals have since replied to, mentioned or quoted the account (as the Reply job read them)"));
        var posts = (await credited.LoadAsync(handle, from, cancellationToken)).Where(p => p.Retained is not null).OrderByDescending(p => p.Retained).Take(TopPosts).ToList();
        await output.WriteLineAsync(posts.Count == 0
            ? "  no post's arrivals are a week old yet: which posts bring followers who stay shows then"
            : "  posts that brought followers who stayed (arrivals credited by when they came; kept after 7 days, gained, mean quality):");
        foreach (var post in posts)
        {
            await output.WriteLineAsync(Text($"    {post.Retained,6:0.0} of {post.Gained,5:0.0}  q{post.MeanQuality,3:0}  {post.PostedAt:MMM dd HH:mm}  {PostExcerpt.Of(post.Text, 60)}"));
        }

        await output.WriteLineAsync();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
