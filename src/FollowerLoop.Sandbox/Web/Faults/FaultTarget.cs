namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>Who a faulted request came for, which decides the fault's shape: an HTML page, x.com's GraphQL errors, or X API v2 problem JSON.</summary>
internal enum FaultTarget
{
    Page,
    GraphQl,
    XApi,
}
