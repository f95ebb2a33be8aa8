using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>The fault a request is served under, for the faults that change what an endpoint renders rather than replace it.</summary>
internal static class FaultContext
{
    private const string FaultKey = "sandbox.fault";

    /// <summary>The request's fault; <see cref="SandboxFaultMode.None"/> when it has none.</summary>
    public static SandboxFaultMode Fault(this HttpContext context) =>
        context.Items[FaultKey] is SandboxFaultMode mode ? mode : SandboxFaultMode.None;

    public static void SetFault(this HttpContext context, SandboxFaultMode mode) => context.Items[FaultKey] = mode;

    /// <summary>The <see cref="SandboxFaultMode.Missing"/> fault is on: pages leave out the action bar and count links.</summary>
    public static bool IsMissing(this HttpContext context) => context.Fault() == SandboxFaultMode.Missing;

    /// <summary>How the request's pages render counts and post text.</summary>
    public static PageStyle PageStyle(this HttpContext context) => context.Fault() switch
    {
        SandboxFaultMode.Missing => new PageStyle(null, RichText: false),
        SandboxFaultMode.Spanish => new PageStyle(CountLabels.Spanish, RichText: false),
        SandboxFaultMode.German => new PageStyle(CountLabels.German, RichText: false),
        SandboxFaultMode.Emoji => new PageStyle(CountLabels.English, RichText: true),
        _ => new PageStyle(CountLabels.English, RichText: false),
    };
}
