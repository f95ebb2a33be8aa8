using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Replies;

/// <summary>Section <c>Reply</c>: answering the people who addressed the account (and no one else).</summary>
public sealed class ReplyOptions
{
    public const string SectionName = "Reply";

    /// <summary>Draft by default: a person approves every reply before it is posted.</summary>
    public ReplyMode Mode { get; set; } = ReplyMode.Draft;

    /// <summary>Replies written per run at most (the daily cap, <c>Posting:DailyReplyCap</c>, counts drafts too).</summary>
    [Range(0, 20, ErrorMessage = "Reply:PerRun must be between 0 and 20.")]
    public int PerRun { get; set; } = 5;

    /// <summary>Posts older than this get no reply: the conversation has moved on.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Reply:Freshness must be between 5 minutes and 7 days.")]
    public TimeSpan Freshness { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many of the newest summoning posts one run reads (only those newer than the last run's, where X allows).</summary>
    [Range(5, 100, ErrorMessage = "Reply:MentionsRead must be between 5 and 100.")]
    public int MentionsRead { get; set; } = 20;
}
