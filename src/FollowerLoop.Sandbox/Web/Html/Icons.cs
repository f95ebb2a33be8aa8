namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>Plain stand-in icons for the action bar (x.com's own artwork is not copied).</summary>
internal static class Icons
{
    public const string Reply = Svg + """<path d="M4 5h16v11H9l-5 4z" fill="none" stroke="currentColor" stroke-width="2"/></g></svg>""";
    public const string Repost = Svg + """<path d="M5 9l3-3 3 3M8 6v10h6M19 15l-3 3-3-3M16 18V8h-6" fill="none" stroke="currentColor" stroke-width="2"/></g></svg>""";
    public const string Like = Svg + """<path d="M12 20s-7-4.5-7-10a4 4 0 017-2.6A4 4 0 0119 10c0 5.5-7 10-7 10z" fill="none" stroke="currentColor" stroke-width="2"/></g></svg>""";
    public const string Views = Svg + """<path d="M5 20V12M10 20V6M15 20v-9M20 20V9" fill="none" stroke="currentColor" stroke-width="2"/></g></svg>""";
    public const string Bookmark = Svg + """<path d="M6 3h12v18l-6-4-6 4z" fill="none" stroke="currentColor" stroke-width="2"/></g></svg>""";
    public const string Share = Svg + """<path d="M12 3v12M7 8l5-5 5 5M4 14v6h16v-6" fill="none" stroke="currentColor" stroke-width="2"/></g></svg>""";
    public const string Logo = Svg + """<path d="M4 4l16 16M20 4L4 20" fill="none" stroke="currentColor" stroke-width="3"/></g></svg>""";

    private const string Svg = """<svg viewBox="0 0 24 24" aria-hidden="true" class="icon"><g>""";
}
