namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>
/// The dashboards' stylesheet, served at /dashboard/assets/dashboard.css and cached by browsers for an
/// hour. Kept in code so the worker needs no static files, build step or CDN.
/// </summary>
internal static class DashboardAssets
{
    private const string Css =
        """
        /* FollowerLoop dashboards: plain CSS, no framework. */
        :root {
            --ink: #1d2330; --muted: #5d6676; --line: #dde2ea; --bg: #f6f7f9; --card: #fff;
            --blue: #2563eb; --green: #15803d; --red: #b91c1c; --amber: #b45309; --violet: #7c3aed;
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--blue); text-decoration: none; }
        a:hover { text-decoration: underline; }
        header.top { display: flex; align-items: center; gap: 24px; padding: 10px 24px; background: #111827; color: #e5e7eb; }
        header.top .brand { font-weight: 700; letter-spacing: .02em; }
        header.top nav { display: flex; gap: 4px; flex: 1; }
        header.top nav a { color: #cbd5e1; padding: 4px 10px; border-radius: 6px; }
        header.top nav a.active, header.top nav a:hover { background: #374151; color: #fff; text-decoration: none; }
        header.top .account { color: #9ca3af; font-size: 13px; }
        main { padding: 16px 24px 40px; max-width: 1680px; }
        h1 { font-size: 20px; margin: 4px 0 12px; }
        h2 { font-size: 16px; margin: 24px 0 8px; }
        .filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 12px; }
        .filters label { color: var(--muted); font-size: 13px; }
        .filters input, .filters select { font: inherit; padding: 3px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        .filters button { font: inherit; padding: 3px 12px; border: 1px solid var(--blue); border-radius: 6px; background: var(--blue); color: #fff; cursor: pointer; }
        .chip { padding: 3px 10px; border: 1px solid var(--line); border-radius: 999px; background: #fff; color: var(--ink); }
        .chip.active { background: var(--ink); color: #fff; border-color: var(--ink); }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 14px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 150px; display: flex; flex-direction: column; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card .value { font-size: 20px; font-weight: 600; }
        .card .note { color: var(--muted); font-size: 12px; }
        .card.headline { border-color: var(--ink); } .card.headline .value { font-size: 28px; }
        .card.naive { max-width: 300px; }
        figure.chart { margin: 0 0 16px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
        figure.chart svg { width: 100%; height: auto; display: block; }
        .charts-row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
        svg .grid { stroke: #eef1f5; }
        svg .baseline, svg .tick-mark { stroke: #9aa3b2; }
        svg .zero { stroke: #6b7280; stroke-dasharray: 3 3; }
        svg .tick, svg .row-label { fill: var(--muted); font-size: 11px; }
        svg .row-label { fill: var(--ink); font-size: 12px; }
        svg .line { fill: none; stroke-width: 2; }
        svg .line.s1 { stroke: var(--blue); }
        svg .line.s2 { stroke: var(--violet); }
        svg circle.point { stroke: #fff; stroke-width: 1; }
        svg circle.s1 { fill: var(--blue); }
        svg circle.s2 { fill: var(--violet); }
        svg .marker line { stroke: var(--amber); stroke-opacity: .35; }
        svg .marker path { fill: var(--amber); }
        svg .bar.naive { fill: #94a3b8; }
        svg .bar.share { fill: var(--green); } svg .bar.overlap { fill: var(--blue); } svg .bar.reported { fill: var(--violet); }
        svg .bar.arrivals { fill: var(--green); } svg .bar.departures { fill: var(--red); }
        svg .whisker { stroke: var(--ink); stroke-width: 2; }
        svg circle.estimate.up { fill: var(--green); }
        svg circle.estimate.down { fill: var(--red); }
        svg circle.estimate.unclear { fill: #fff; stroke: #9aa3b2; stroke-width: 2; }
        svg .interval[data-significant=false] .whisker { stroke: #9aa3b2; }
        .legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); }
        .legend .key::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; background: currentColor; }
        .legend .naive::before { background: #94a3b8; } .legend .share::before { background: var(--green); }
        .legend .overlap::before { background: var(--blue); } .legend .reported::before { background: var(--violet); }
        .legend .arrivals::before { background: var(--green); } .legend .departures::before { background: var(--red); }
        .legend .s1::before { background: var(--blue); } .legend .s2::before { background: var(--violet); }
        .empty { color: var(--muted); font-style: italic; margin: 8px 0; }
        table.data { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line); font-size: 13px; }
        table.data th, table.data td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        table.data th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
        table.data th a { color: var(--ink); }
        table.data th a.sorted::after { content: " ▾"; } table.data th a.sorted.asc::after { content: " ▴"; }
        table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.data tr:hover td { background: #f9fafb; }
        table.data td.text { max-width: 420px; }
        table.posts td.text { max-width: 640px; } table.posts td.counts { width: 1%; }
        table.data .group { text-align: center; border-left: 2px solid var(--line); }
        table.data .first { border-left: 2px solid var(--line); }
        .unknown { color: #9ca3af; }
        .status { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
        .status.measured { background: #dcfce7; color: var(--green); }
        .status.failed { background: #fee2e2; color: var(--red); }
        .status.pending { background: #e0e7ff; color: #3730a3; }
        .status.overdue { background: #fef3c7; color: var(--amber); }
        .counts .done { color: var(--green); } .counts .failed { color: var(--red); } .counts .pending { color: #3730a3; } .counts .overdue { color: var(--amber); }
        .pager { display: flex; gap: 10px; align-items: center; margin: 10px 0; color: var(--muted); }
        .error-text { color: var(--red); font-size: 12px; }
        .jobs a { margin-right: 6px; white-space: nowrap; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 0 0 14px; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
        article.draft { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 0 0 14px; }
        article.draft blockquote { margin: 6px 0 10px; padding: 6px 12px; border-left: 4px solid var(--line); white-space: pre-wrap; }
        article.draft form { display: inline-flex; gap: 8px; align-items: flex-end; margin-right: 8px; }
        .notice { padding: 8px 12px; border-radius: 6px; } .notice.done { background: #dcfce7; } .notice.problem { background: #fee2e2; }
        .note { color: var(--muted); font-size: 12px; }
        /* An orchestration step's result is JSON without spaces: broken anywhere rather than pushing the page sideways. */
        table.steps code { overflow-wrap: anywhere; }
        .clip { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; overflow-wrap: anywhere; }
        table.data td.actions { white-space: nowrap; }
        table.data td.actions form.cancel { display: inline; }
        table.data td.actions details { display: inline-block; vertical-align: top; margin-right: 6px; }
        table.data td.actions details[open] { display: block; }
        table.data td.actions textarea { display: block; width: 320px; max-width: 100%; font: inherit; }
        ol.hours { display: grid; grid-template-columns: repeat(24, 1fr); gap: 2px; list-style: none; padding: 0; margin: 0 0 14px; max-width: 960px; }
        ol.hours li { text-align: center; padding: 6px 0; border-radius: 4px; background: #eef1f5; color: var(--muted); font-variant-numeric: tabular-nums; }
        ol.hours li.chosen { background: var(--green); color: #fff; font-weight: 600; }
        svg.share { width: 240px; height: 10px; } svg.share rect { fill: var(--blue); }
        blockquote.post { margin: 0 0 14px; padding: 10px 14px; background: var(--card); border-left: 4px solid var(--blue); border-radius: 4px; white-space: pre-wrap; }
        """;

    public static IResult Stylesheet { get; } = new CachedText(Css, "text/css; charset=utf-8", TimeSpan.FromHours(1));

    private sealed class CachedText(string content, string contentType, TimeSpan maxAge) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
            return Results.Content(content, contentType).ExecuteAsync(httpContext);
        }
    }
}
