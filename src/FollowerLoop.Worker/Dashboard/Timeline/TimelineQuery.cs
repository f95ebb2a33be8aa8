using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tracking.Durable;
using FollowerLoop.Worker.Dashboard.Orchestrations;
using FollowerLoop.Worker.Dashboard.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary>A post, its six checkpoints and its tracking orchestration, read from the task hub.</summary>
internal sealed class TimelineQuery(NpgsqlDataSource dataSource, TaskHubReader taskHub, IOptions<AccountOptions> account, TimeProvider time)
{
    private const string Sql =
        """
        select p.tweet_id as PostId, p.posted_at as PostedAt, p.tracking_scheduled_at as TrackingScheduledAt, c.kind as Kind,
               c.text as Text, c.format as Format, c.topic as Topic, c.hook as Hook, c.policy as Policy, c.predicted_gain as PredictedGain,
               c.predicted_gain_2h as PredictedGain2h
        from posted_decisions p
        join content_metadata c on c.decision_id = p.decision_id
        where p.tweet_id = @postId and p.account = @account;

        select coalesce(v.collection_phase, f.collection_phase) as Phase,
               v.status as MetricsStatus, f.status as FollowersStatus,
               v.likes as Likes, v.retweets as Retweets, v.replies as Replies, v.views as Views, f.followers as Followers,
               coalesce(v.hours_after_post, f.hours_after_post) as HoursAfterPost,
               coalesce(v.due_at, f.due_at) as DueAt,
               greatest(v.checked_at, f.checked_at) as CheckedAt,
               greatest(v.attempts, f.attempts) as Attempts,
               v.error as MetricsError, f.error as FollowersError
        from (select * from post_velocity_tracking where post_id = @postId) v
        full join (select * from post_follower_tracking where post_id = @postId) f on f.collection_phase = v.collection_phase;

        select method as Method, attributed_followers as Followers, window_start as WindowStart, window_end as WindowEnd
        from post_attribution where post_id = @postId order by method;
        """;

    /// <summary>The post's timeline, or null when the account has no such post.</summary>
    public async Task<TimelineView?> LoadAsync(string postId, AntiforgeryTokenSet form, FormOutcome? notice, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handle = account.Value.Handle;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { postId, account = handle }, cancellationToken: cancellationToken));
        var post = await results.ReadSingleOrDefaultAsync<TimelinePost>();
        var records = (await results.ReadAsync<CheckpointRecord>()).ToDictionary(r => CheckpointPhases.Parse(r.Phase));
        var attribution = (await results.ReadAsync<TimelineAttribution>()).AsList();
        if (post is null)
        {
            return null;
        }

        OrchestrationView? orchestration = null;
        string? orchestrationProblem = null;
        try
        {
            orchestration = await taskHub.ReadAsync(DurableCheckpointScheduler.InstanceId(postId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The page still shows what Postgres has: the orchestration is unknown, not absent.
            orchestrationProblem = ex.Message;
        }

        return new TimelineView
        {
            Account = handle,
            Now = now,
            Post = post,
            Phases = CheckpointPhases.All.Select(phase =>
            {
                var record = records.GetValueOrDefault(phase);
                var dueAt = record?.DueAt ?? post.PostedAt + phase.Offset();
                return new TimelinePhase(
                    phase,
                    dueAt,
                    PhaseStates.Of(record?.MetricsStatus, record?.FollowersStatus, dueAt, now),
                    record);
            }).ToList(),
            Attribution = attribution,
            Orchestration = orchestration,
            OrchestrationProblem = orchestrationProblem,
            AntiforgeryField = form.FormFieldName,
            AntiforgeryToken = form.RequestToken!,
            Notice = notice,
        };
    }
}
