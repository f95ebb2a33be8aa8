using Dapper;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FollowerLoop.Replies;

/// <summary>
/// A person's decisions on drafted replies: approve (optionally with their own words, checked like any reply)
/// and Posting posts it once; reject and it is never posted. Only a draft can be decided, once.
/// </summary>
public sealed class ReplyDrafts(NpgsqlDataSource dataSource, ContentStore content, ContentQueue queue, TimeProvider time, ILogger<ReplyDrafts> logger)
{
    /// <summary>The <c>last_error</c> of a draft a person rejected: a decision, not a refusal by the guards.</summary>
    public const string RejectedByAPerson = "rejected by a person";

    public Task<IReadOnlyList<ContentItem>> ListAsync(string account, int decidedCount, CancellationToken cancellationToken) =>
        content.GetRepliesForReviewAsync(account, decidedCount, cancellationToken);

    public async Task<ReplyDraftDecision> ApproveAsync(Guid decisionId, string? editedText, CancellationToken cancellationToken)
    {
        if (await content.GetAsync(decisionId, cancellationToken) is not { Kind: ContentKind.Reply, Status: ContentStatus.Draft } draft)
        {
            return ReplyDraftDecision.Refused("there is no draft reply with that id waiting for a decision");
        }

        var text = string.IsNullOrWhiteSpace(editedText) ? draft.Text : editedText.Trim();
        var edited = !string.Equals(text, draft.Text, StringComparison.Ordinal);
        if (edited && ReplyGuard.Check(text, draft) is { } problem)
        {
            return ReplyDraftDecision.Refused(problem);
        }

        if (edited && await queue.CheckAsync(draft with { Text = text, ContentHash = ContentHash.Of(draft.Account, text) }, cancellationToken) is { Queued: false } refused)
        {
            return ReplyDraftDecision.Refused(refused.Reason ?? "refused");
        }

        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            update content_metadata
            set status = 'queued', text = @text, content_hash = @hash, policy = @policy, scheduled_for = @now, updated_at = @now
            where decision_id = @decisionId and status = 'draft'
            """,
            new { decisionId, text, hash = ContentHash.Of(draft.Account, text), policy = edited ? "manual" : draft.Policy, now },
            cancellationToken: cancellationToken));
        return Decided(decisionId, changed, edited ? "approved with edits" : "approved");
    }

    public async Task<ReplyDraftDecision> RejectAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            update content_metadata set status = 'rejected', last_error = @reason, updated_at = @now
            where decision_id = @decisionId and kind = 'reply' and status = 'draft'
            """,
            new { decisionId, now, reason = RejectedByAPerson },
            cancellationToken: cancellationToken));
        return Decided(decisionId, changed, "rejected");
    }

    private ReplyDraftDecision Decided(Guid decisionId, int changed, string decision)
    {
        if (changed == 0)
        {
            return ReplyDraftDecision.Refused("the draft was decided meanwhile");
        }

        Log.DraftDecided(logger, decisionId, decision);
        return ReplyDraftDecision.Ok;
    }
}
