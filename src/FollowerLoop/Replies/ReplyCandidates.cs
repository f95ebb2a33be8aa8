using FollowerLoop.X;

namespace FollowerLoop.Replies;

/// <summary>One run's summoning posts, oldest first, and the rules that may skip each; answers within the run count too.</summary>
internal sealed class ReplyCandidates(
    IReadOnlyList<Mention> oldest,
    DateTimeOffset oldestFresh,
    IReadOnlySet<string> dealtWith,
    IReadOnlySet<string> conversationsAnswered,
    IReadOnlySet<string> peopleAnsweredToday,
    IReadOnlySet<string> optedOut)
{
    private readonly HashSet<string> _conversations = [.. conversationsAnswered];
    private readonly HashSet<string> _people = [.. peopleAnsweredToday];

    public IReadOnlyList<Mention> Oldest => oldest;

    /// <summary>Why <paramref name="summons"/> gets no reply, or null when it may get one.</summary>
    public string? Skip(Mention summons)
    {
        var person = summons.AuthorHandle.ToLowerInvariant();
        return summons switch
        {
            _ when optedOut.Contains(person) => "its author asked the account to stop replying",
            _ when StopRequest.Is(summons.Text) => "it asks the account to stop",
            _ when dealtWith.Contains(summons.TweetId) => "a reply was already written for it",
            { PostedAt: { } at } when at < oldestFresh => "it is older than Reply:Freshness",
            { PostedAt: null } => "its time could not be read",
            { ConversationId: { } conversation } when _conversations.Contains(conversation) => "its conversation already has a reply",
            _ when _people.Contains(person) => "its author already got a reply today",
            _ => null,
        };
    }

    public void Answered(Mention summons)
    {
        _people.Add(summons.AuthorHandle.ToLowerInvariant());
        if (summons.ConversationId is { } conversation)
        {
            _conversations.Add(conversation);
        }
    }
}
