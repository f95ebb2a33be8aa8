using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>The user name must fit basic auth, which splits "user:password" at its first colon.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options) =>
        string.IsNullOrWhiteSpace(options.Username) || options.Username.Contains(':', StringComparison.Ordinal)
            ? ValidateOptionsResult.Fail("Dashboard:Username must be a non-empty name without a colon (basic auth sends user:password).")
            : ValidateOptionsResult.Success;
}
