namespace FollowerLoop.X.Usage;

/// <summary>
/// Section <c>XApi:Prices</c>: X's pay-per-use prices in USD per resource (a post or user returned or
/// created), as published on <see cref="AsOf"/>. X changes them: check the developer portal and set
/// the new ones here; the spend already recorded keeps the price of its day.
/// </summary>
public sealed class XApiPrices
{
    public const string SectionName = "XApi:Prices";

    public DateOnly AsOf { get; set; } = new(2026, 4, 20);

    public decimal PostCreate { get; set; } = 0.015m;

    /// <summary>A created post whose text holds a URL.</summary>
    public decimal PostCreateWithUrl { get; set; } = 0.20m;

    /// <summary>The account's own posts and followers (priced apart from 20 Apr 2026).</summary>
    public decimal OwnDataRead { get; set; } = 0.001m;

    public decimal PostRead { get; set; } = 0.005m;

    public decimal UserRead { get; set; } = 0.010m;

    public decimal PriceOf(XApiPriceCategory category) => category switch
    {
        XApiPriceCategory.PostCreate => PostCreate,
        XApiPriceCategory.PostCreateWithUrl => PostCreateWithUrl,
        XApiPriceCategory.OwnDataRead => OwnDataRead,
        XApiPriceCategory.PostRead => PostRead,
        XApiPriceCategory.UserRead => UserRead,
        _ => 0m,
    };
}
