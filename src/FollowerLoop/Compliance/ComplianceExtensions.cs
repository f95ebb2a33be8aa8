using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Compliance;

public static class ComplianceExtensions
{
    /// <summary>The <c>Compliance</c> section, validated on start against every other setting: settings that break X's rules stop start-up.</summary>
    public static IHostApplicationBuilder AddCompliance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<ComplianceOptions>().BindStrictly(builder.Configuration.GetSection(ComplianceOptions.SectionName));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceOptions>, ComplianceGate>());
        return builder;
    }
}
