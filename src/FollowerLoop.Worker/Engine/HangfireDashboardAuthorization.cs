using Hangfire.Dashboard;

namespace FollowerLoop.Worker.Engine;

internal sealed class HangfireDashboardAuthorization(DashboardOptions options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (DashboardAccess.IsAllowed(http, options))
        {
            return true;
        }

        DashboardAccess.Challenge(http);
        return false;
    }
}
