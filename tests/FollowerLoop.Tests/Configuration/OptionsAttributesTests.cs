using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FollowerLoop.Worker.Commands;
using FollowerLoop.Worker.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tests.Configuration;

/// <summary>
/// Sections' attributes are checked one validation at a time: .NET's <c>RangeAttribute</c> is shared process-wide and
/// its first use is not thread-safe (dotnet/runtime#1143), which once failed this suite when two hosts started at once.
/// </summary>
public sealed class OptionsAttributesTests
{
    public static TheoryData<string> Hosts => ["worker", "dashboard", "check"];

    [Theory]
    [MemberData(nameof(Hosts))]
    public void EveryBoundSectionWithAttributes_IsCheckedOneAtATime(string host)
    {
        var services = Services(host);
        var withAttributes = services
            .Where(d => d.ServiceType.IsConstructedGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GenericTypeArguments[0])
            .Where(t => t.GetProperties().Any(p => p.GetCustomAttributes<ValidationAttribute>().Any()))
            .Distinct()
            .ToList();
        Assert.NotEmpty(withAttributes);

        foreach (var type in withAttributes)
        {
            var validators = services
                .Where(d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(type))
                .Select(d => d.ImplementationInstance?.GetType() ?? d.ImplementationType)
                .ToList();
            Assert.Contains(typeof(AttributesValidator<>).MakeGenericType(type), validators);
            Assert.DoesNotContain(typeof(DataAnnotationValidateOptions<>).MakeGenericType(type), validators);
        }
    }

    [Fact]
    public void AttributesMessages_AreTheFailures_AsDataAnnotationsGivesThem()
    {
        var options = new RangeOptions { Window = TimeSpan.FromHours(2), Other = TimeSpan.FromDays(2) };

        var result = new AttributesValidator<RangeOptions>(Options.DefaultName).Validate(Options.DefaultName, options);

        Assert.Equal(new DataAnnotationValidateOptions<RangeOptions>(Options.DefaultName).Validate(Options.DefaultName, options).Failures, result.Failures);
        Assert.Contains("Race:Window must be between 1 second and 1 hour.", result.FailureMessage);
        Assert.Contains("Race:Other must be at most a day.", result.FailureMessage);
    }

    private static IServiceCollection Services(string host) => host switch
    {
        "worker" => WorkerApp.CreateWorker([]).Services,
        "dashboard" => WorkerApp.CreateDashboard([]).Services,
        _ => HostFactory.CreateBuilder(CheckCommand.Register).Services,
    };

    public sealed class RangeOptions
    {
        [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Race:Window must be between 1 second and 1 hour.")]
        public TimeSpan Window { get; set; }

        [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Race:Other must be at most a day.")]
        public TimeSpan Other { get; set; }
    }
}
