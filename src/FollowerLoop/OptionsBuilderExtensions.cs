using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowerLoop;

public static class OptionsBuilderExtensions
{
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
