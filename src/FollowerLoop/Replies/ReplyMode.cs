namespace FollowerLoop.Replies;

/// <summary>Setting <c>Reply:Mode</c>: what happens to a reply the Reply job writes.</summary>
public enum ReplyMode
{
    /// <summary>The Reply job does not run.</summary>
    Off,

    /// <summary>Replies wait on <c>/dashboard/replies</c> until a person approves (optionally edits) or rejects each.</summary>
    Draft,

    /// <summary>Replies are queued for posting at once. With an LLM writing them, X's approval of the bot must be stated (<c>Compliance:AiRepliesApproved</c>).</summary>
    Auto,
}
