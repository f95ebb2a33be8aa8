namespace FollowerLoop.Sandbox.Web.Faults;

internal static class FaultContext
{
    private const string MissingKey = "sandbox.fault.missing";

    /// <summary>The <see cref="SandboxFaultMode.Missing"/> fault is on: pages leave out the action bar and count links.</summary>
    public static bool IsMissing(this HttpContext context) => context.Items.ContainsKey(MissingKey);

    public static void MarkMissing(this HttpContext context) => context.Items[MissingKey] = true;
}
