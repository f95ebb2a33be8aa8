namespace FollowerLoop.X.Usage;

/// <summary>The price categories as stored in <c>x_api_usage.category</c>.</summary>
public static class XApiPriceCategories
{
    public static string ToColumn(this XApiPriceCategory category) => category switch
    {
        XApiPriceCategory.PostCreate => "post_create",
        XApiPriceCategory.PostCreateWithUrl => "post_create_with_url",
        XApiPriceCategory.OwnDataRead => "own_data_read",
        XApiPriceCategory.PostRead => "post_read",
        XApiPriceCategory.UserRead => "user_read",
        _ => "unpriced",
    };
}
