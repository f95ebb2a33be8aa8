namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>Inject <see cref="Mode"/> into the next <see cref="Remaining"/> requests whose path starts with <see cref="PathPrefix"/>.</summary>
internal sealed record FaultRule(SandboxFaultMode Mode, string PathPrefix, int Remaining);
