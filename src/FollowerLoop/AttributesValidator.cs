using Microsoft.Extensions.Options;

namespace FollowerLoop;

/// <summary>
/// Checks an options type's data annotations as <c>ValidateDataAnnotations()</c> does, but never two at once:
/// .NET shares each <c>RangeAttribute</c> process-wide and converts its bounds in place on first use, so two threads
/// validating for the first time can throw <see cref="InvalidCastException"/> (dotnet/runtime#1143). The options
/// source generator's copy is thread-safe but drops each attribute's <c>ErrorMessage</c>, which names the setting.
/// </summary>
internal sealed class AttributesValidator<TOptions>(string? name) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly DataAnnotationValidateOptions<TOptions> annotations = new(name);

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        // One lock for every options type: validation runs a handful of times at start, so it costs nothing, and
        // which attribute instances .NET shares between types need not be known.
        lock (AttributesValidation.Gate)
        {
            return annotations.Validate(name, options);
        }
    }
}

internal static class AttributesValidation
{
    public static readonly Lock Gate = new();
}
