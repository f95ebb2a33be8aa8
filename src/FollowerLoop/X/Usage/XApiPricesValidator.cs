using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Usage;

/// <summary>Every price is a non-negative USD amount.</summary>
internal sealed class XApiPricesValidator : IValidateOptions<XApiPrices>
{
    public ValidateOptionsResult Validate(string? name, XApiPrices options)
    {
        var failures = new (string Setting, decimal Price)[]
            {
                (nameof(XApiPrices.PostCreate), options.PostCreate),
                (nameof(XApiPrices.PostCreateWithUrl), options.PostCreateWithUrl),
                (nameof(XApiPrices.OwnDataRead), options.OwnDataRead),
                (nameof(XApiPrices.PostRead), options.PostRead),
                (nameof(XApiPrices.UserRead), options.UserRead),
            }
            .Where(p => p.Price < 0)
            .Select(p => $"{XApiPrices.SectionName}:{p.Setting} must be a non-negative USD amount per resource (it is {p.Price}).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
