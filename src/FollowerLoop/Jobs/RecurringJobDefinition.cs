using Hangfire.Common;

namespace FollowerLoop.Jobs;

/// <summary>A timer job: its stable id (as shown in the dashboard), cron schedule (UTC) and what it runs.</summary>
public sealed record RecurringJobDefinition(string Id, string Cron, Job Job);
