namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>
/// Section <c>Dashboard</c>: the dashboard pages (/dashboard). A visit straight from loopback is let in when
/// <see cref="TrustLoopback"/> is on; every other visit needs these basic-auth credentials, and is refused
/// when no password is set.
/// </summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public string Username { get; set; } = "admin";

    public string? Password { get; set; }

    /// <summary>
    /// Whether a request from loopback that carries no forwarding header needs no credentials. The default is the
    /// command's: on for <c>run</c> (a workstation), off for <c>dashboard</c> (deployed behind a proxy, whose
    /// requests all come from nearby).
    /// </summary>
    public bool TrustLoopback { get; set; }
}
