using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Compliance;

/// <summary>
/// Start-up refuses settings that break X's rules, with the same words <c>followerloop check</c> prints.
/// Validates the <c>Compliance</c> section, reading the other sections the rules bear on.
/// </summary>
internal sealed class ComplianceGate(IServiceProvider services, IConfiguration configuration) : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        var breaking = ComplianceReview.Breaking(ComplianceSettings.From(services, configuration, options), configuration).Select(f => $"{f.Area}: {f.Detail}").ToList();
        return breaking.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(breaking);
    }
}
