using System.Reflection;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Configuration;

/// <summary>
/// Every options type the host binds from configuration (each <c>Bind</c> or <c>Configure(section)</c> registers a
/// change-token source for its type), so that a value the binder cannot convert is found before anything starts,
/// whatever the type: resolved later, it would throw from deep inside the first service that needs it.
/// </summary>
internal sealed class BoundOptions(IServiceCollection services)
{
    private static readonly MethodInfo BindMethod = typeof(BoundOptions).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Lets <see cref="Problems"/> see every registration, also those made after this call.</summary>
    public static void Register(IServiceCollection services) => services.AddSingleton(new BoundOptions(services));

    /// <summary>
    /// Binds each type once without its validators (a type such as <c>Browser</c> is validated only where it is
    /// used; <see cref="IStartupValidator"/> runs those): one line per setting that does not convert.
    /// </summary>
    public IReadOnlyList<string> Problems(IServiceProvider provider)
    {
        var problems = new List<string>();
        var types = services
            .Where(d => d.ServiceType.IsConstructedGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GenericTypeArguments[0])
            .Distinct();
        foreach (var type in types)
        {
            BindMethod.MakeGenericMethod(type).Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [provider, problems], culture: null);
        }

        return problems;
    }

    private static void Bind<TOptions>(IServiceProvider provider, List<string> problems)
        where TOptions : class
    {
        // The factory without the validators: the setups (the binder among them) and post-configurations only.
        var factory = new OptionsFactory<TOptions>(provider.GetServices<IConfigureOptions<TOptions>>(), provider.GetServices<IPostConfigureOptions<TOptions>>());
        foreach (var name in provider.GetServices<IOptionsChangeTokenSource<TOptions>>().Select(source => source.Name ?? Options.DefaultName).Distinct())
        {
            try
            {
                factory.Create(name);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(UnconvertibleSetting.Describe(ex, typeof(TOptions)));
            }
        }
    }
}
