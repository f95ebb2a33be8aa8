using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowerLoop;

public static class OptionsBuilderExtensions
{
    /// <summary>
    /// Binds <paramref name="section"/>, refusing a key the options do not have: a misspelt setting (<c>Learn:MinRow</c>)
    /// fails at start, named, instead of leaving its default quietly in force.
    /// </summary>
    public static OptionsBuilder<TOptions> BindStrictly<TOptions>(this OptionsBuilder<TOptions> builder, IConfigurationSection section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
    }

    /// <summary>
    /// <c>ValidateDataAnnotations()</c>, one validation at a time (<see cref="AttributesValidator{TOptions}"/>).
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateAttributes<TOptions>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new AttributesValidator<TOptions>(builder.Name));
        return builder;
    }
}
