namespace FollowerLoop.Sandbox.Web.Admin;

/// <summary>POST /admin/oracle: candidate texts, and when they would be posted (default now).</summary>
internal sealed record OracleRequest(IReadOnlyList<string>? Candidates, DateTimeOffset? At);

/// <summary>POST /admin/features: a text to classify.</summary>
internal sealed record FeaturesRequest(string? Text);

/// <summary>POST /admin/clock/advance: how far, as a TimeSpan ("01:30:00", "2.00:00:00") or in hours.</summary>
internal sealed record AdvanceRequest(TimeSpan? By, double? Hours);

/// <summary>POST /admin/clock/set: the moment to move to (never backwards).</summary>
internal sealed record SetClockRequest(DateTimeOffset? To);

/// <summary>POST /admin/faults: inject <c>Mode</c> into the next <c>Count</c> requests under <c>PathPrefix</c>.</summary>
internal sealed record FaultRequest(string? Mode, string? PathPrefix, int? Count);

/// <summary>POST /admin/mentions: a summoning post by <c>Handle</c>; <c>Kind</c> "mention" (default), "reply" or "quote"; <c>Target</c> the account's post for a reply or quote.</summary>
internal sealed record SummonsRequest(string? Handle, string? Text, string? Kind, string? Target);
