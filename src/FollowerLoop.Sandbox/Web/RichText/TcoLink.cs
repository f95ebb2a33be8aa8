namespace FollowerLoop.Sandbox.Web.RichText;

/// <summary>A link in a post's text and the t.co link x.com puts in its place.</summary>
/// <param name="Index">Where the link starts in the text, in UTF-16 units.</param>
/// <param name="Written">The link as written ("https://example.com/a" or a bare "example.com/a").</param>
/// <param name="Expanded">The link with a scheme: x.com's <c>expanded_url</c>.</param>
/// <param name="Short">The t.co link: x.com's <c>url</c>.</param>
internal sealed record TcoLink(int Index, string Written, string Expanded, string Short)
{
    /// <summary>How many characters of the link x.com shows, scheme left out.</summary>
    public const int VisibleLength = 23;

    public int Length => Written.Length;

    /// <summary>The scheme as written ("https://"), hidden on x.com's pages; empty for a bare domain.</summary>
    public string Scheme => Written[..(Written.Length - WithoutScheme.Length)];

    public string WithoutScheme =>
        Written.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? Written[8..]
        : Written.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Written[7..]
        : Written;

    public string Visible => WithoutScheme.Length > VisibleLength ? WithoutScheme[..VisibleLength] : WithoutScheme;

    /// <summary>What x.com hides after <see cref="Visible"/>; empty when the link is short enough to show whole.</summary>
    public string HiddenTail => WithoutScheme[Visible.Length..];

    /// <summary>x.com's <c>display_url</c>: the visible part, with "…" when cut.</summary>
    public string Display => HiddenTail.Length > 0 ? Visible + "…" : Visible;
}
