using System.Diagnostics;
using FollowerLoop.Bench.Scrape;
using FollowerLoop.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FollowerLoop.Bench.Dashboard;

/// <summary>Fills a scratch database, starts the dashboard alone and loads every page, warm, several times.</summary>
internal static class DashboardBench
{
    private const int WarmUps = 2;

    public static async Task<DashboardResult> RunAsync(string connectionString, string redis, int posts, int runs, TextWriter progress, CancellationToken cancellationToken)
    {
        var database = await ScratchDatabase.RecreateAsync(connectionString, "bench_dashboard", cancellationToken);
        DateTimeOffsetHandler.Register();
        var fill = Stopwatch.StartNew();
        var dataset = new BenchDataset(posts, TimeProvider.System.GetUtcNow());
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await dataset.WriteAsync(connection, cancellationToken);
        }

        fill.Stop();
        await progress.WriteLineAsync($"filled {posts:#,0} posts in {fill.Elapsed.TotalSeconds:0.0} s");

        await using var host = await DashboardHost.StartAsync(database, redis, BenchDataset.Account, cancellationToken);
        using var http = new HttpClient { BaseAddress = host.Address };
        var pages = new List<PageTiming>();
        foreach (var (name, path) in Pages(dataset))
        {
            pages.Add(await MeasureAsync(http, name, path, runs, cancellationToken));
        }

        return new DashboardResult(posts, runs, fill.Elapsed, pages);
    }

    private static IEnumerable<(string Name, string Path)> Pages(BenchDataset dataset) =>
    [
        ("growth (all time)", "/dashboard"),
        ("growth (30 days)", "/dashboard?range=30d"),
        ("posts", "/dashboard/posts"),
        ("posts by 48h likes", "/dashboard/posts?sort=likes_48h"),
        ("posts by attribution", "/dashboard/posts?sort=engagement_share&dir=asc"),
        ("posts by best attribution", "/dashboard/posts?sort=gain"),
        ("posts, failed phases", "/dashboard/posts?status=failed"),
        ("posts, text search", "/dashboard/posts?q=shipping&format=story&topic=ai"),
        ("posts, page 150", "/dashboard/posts?page=150"),
        ("timeline (newest post)", $"/dashboard/posts/{dataset.NewestPostId}"),
        ("timeline (older post)", $"/dashboard/posts/{dataset.OlderPostId}"),
        ("queue", "/dashboard/queue"),
        ("strategy", "/dashboard/strategy"),
        ("learning", "/dashboard/learning"),
        ("problems", "/dashboard/problems"),
        ("jobs", "/dashboard/jobs"),
    ];

    private static async Task<PageTiming> MeasureAsync(HttpClient http, string name, string path, int runs, CancellationToken cancellationToken)
    {
        var timings = new Timings();
        var bytes = 0;
        for (var i = 0; i < WarmUps + runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            }

            bytes = body.Length;
            if (i >= WarmUps)
            {
                timings.Add(elapsed);
            }
        }

        return new PageTiming(name, path, timings, bytes);
    }
}
