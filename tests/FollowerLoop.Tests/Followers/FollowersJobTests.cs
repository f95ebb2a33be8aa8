using Dapper;
using FollowerLoop.Followers;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Tests.Followers;

/// <summary>
/// The Followers job against the sandbox's API on a stepped clock: a first full pass, hourly passes that stop at the
/// first known follower, and a later full pass that finds who left, all checked against the sandbox's own roster.
/// </summary>
public sealed class FollowersJobTests : IAsyncLifetime
{
    private const string Audience = """
        {
          "account": { "initialFollowers": 20000 },
          "organic": { "gainsPerHour": 2, "lossesPerHour": 1 },
          "followers": { "leaveChance": { "hotTake": 0.8 }, "meanDaysBeforeLeaving": 0.5 }
        }
        """;

    private readonly PostgresDatabase _db = new();
    private readonly string _audienceFile = Path.Combine(Path.GetTempPath(), $"followers-{Guid.NewGuid():N}.json");
    private InProcessWorker _worker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SteppedTimeProvider Clock => (SteppedTimeProvider)_worker.World.Clock;

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        await File.WriteAllTextAsync(_audienceFile, Audience, Ct);
        _worker = await InProcessWorker.StartAsync(_db, new Dictionary<string, string?> { ["Followers:FullPassEvery"] = "1.00:00:00", ["Followers:MaxFullPassUsd"] = "50" }, api: true, stepped: true, audienceFile: _audienceFile);
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _db.DisposeAsync();
        File.Delete(_audienceFile);
    }

    [Fact]
    public async Task PassesRecordArrivalsAndDepartures_AsTheSandboxHadThem()
    {
        var job = ActivatorUtilities.CreateInstance<FollowersJob>(_worker.Services, (TimeProvider)Clock);

        await job.RunAsync(Ct);
        Assert.Equal(Ids(_worker.World.GetFollowerList()), await CurrentAsync());
        Assert.Equal(("full", 20), await LastPassAsync());
        Assert.Equal(0, await ScalarAsync("select count(*) from followers where arrived_after is not null"));

        var hotTake = await _worker.PostDirectlyAsync(_db, "Unpopular opinion: most productivity advice is procrastination with extra steps.");
        Clock.Advance(TimeSpan.FromMinutes(30));
        await _worker.PostDirectlyAsync(_db, "5 habits that compound:\n\n1. Sleep\n2. Reading\n3. Walking\n4. Writing\n5. Saying no");
        var read = 0L;
        for (var hour = 1; hour <= 20; hour++)
        {
            var before = Ids(_worker.World.GetFollowerList());
            Clock.Advance(TimeSpan.FromHours(1));
            var listed = _worker.World.GetFollowerList();
            var arrivals = Ids(listed.Where(f => !before.Contains(f.UserId)));
            var readBefore = await ScalarAsync("select coalesce(sum(resources), 0) from x_api_usage where endpoint = 'GET /2/users/:id/followers'");

            await job.RunAsync(Ct);

            Assert.Equal("partial", (await LastPassAsync()).Kind);
            Assert.Equal(arrivals, await ScalarSetAsync("select user_id from followers where first_seen_at = @at", new { at = Clock.GetUtcNow() }));
            var readNow = await ScalarAsync("select coalesce(sum(resources), 0) from x_api_usage where endpoint = 'GET /2/users/:id/followers'") - readBefore;
            // It stops at the first known follower: a page sized for the expected arrivals, widened only when they were more.
            Assert.InRange(readNow, arrivals.Count + 1, (4 * arrivals.Count) + 100);
            read += readNow;
        }

        Assert.True(read < 20_000 / 4, $"20 hourly passes read {read} followers, near whole lists");
        Clock.Advance(TimeSpan.FromHours(5));
        var rowVersions = await RowVersionsAsync();
        await job.RunAsync(Ct);

        Assert.Equal("full", (await LastPassAsync()).Kind);
        Assert.Equal(Ids(_worker.World.GetFollowerList()), await CurrentAsync());
        // The full pass wrote no row of those who stayed, and they read as seen by it.
        var stayed = (await RowVersionsAsync()).Where(row => rowVersions.ContainsKey(row.Key)).ToList();
        Assert.True(stayed.Count > 19_000, $"{stayed.Count} stayed");
        Assert.All(stayed, row => Assert.Equal(rowVersions[row.Key], row.Value));
        Assert.Equal(0, await ScalarAsync("select count(*) from followers_seen where left_at is null and last_seen_at <> (select max(started_at) from follower_passes)"));
        var hotTakeFollowers = _worker.World.TrueFollowersBroughtBy(hotTake.TweetId);
        var goneByNow = Ids(hotTakeFollowers.Where(h => h.LeftAt is not null).Select(h => h.Follower));
        Assert.True(goneByNow.Count >= 3, $"{goneByNow.Count} of the hot take's {hotTakeFollowers.Count} followers left");
        Assert.Equal(goneByNow, await ScalarSetAsync("select user_id from followers where left_at is not null and user_id = any(@ids)", new { ids = Ids(hotTakeFollowers.Select(h => h.Follower)).ToArray() }));

        var engagedHandle = await ScalarTextAsync("select handle from followers where arrived_after is not null order by first_seen_at limit 1");
        await using (var connection = await _db.DataSource.OpenConnectionAsync(Ct))
        {
            // A reply the Reply job drafted to an arrival who mentioned the account.
            await connection.ExecuteAsync(
                """
                insert into content_metadata (decision_id, account, kind, text, status, scheduled_for, content_hash, created_at, updated_at, reply_to_handle, reply_to_kind)
                values (gen_random_uuid(), @account, 'reply', 'Thanks!', 'draft', @now, 'engaged-test', @now, @now, upper(@handle), 'mention')
                """,
                new { account = InProcessWorker.Handle, now = Clock.GetUtcNow(), handle = engagedHandle });
        }

        var output = new StringWriter();
        await ReportCommand.RunAsync(_worker.Services, TimeSpan.FromDays(3), output, Ct, Clock.GetUtcNow());
        var arrived = await ScalarAsync("select count(*) from followers where arrived_after is not null");
        var left = await ScalarAsync("select count(*) from followers where left_at is not null");
        Assert.Contains(FormattableString.Invariant($"  in the window  {arrived:N0} arrived, {left:N0} left"), output.ToString(), StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"(full); {_worker.World.GetFollowers():N0} known to follow"), output.ToString(), StringComparison.Ordinal);
        Assert.Contains("still following 1 d ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  engaged        1 of the arrivals have since replied to, mentioned or quoted the account", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHourlyPass_FindsTheNewestFollowersGone_AndOnlyThoseWhoLeft()
    {
        // Only the hot take brings followers, and they soon leave: the newest known ones, listed above where a pass stops.
        await using var own = await OwnWorker.StartAsync(
            """
            {
              "account": { "initialFollowers": 20000 },
              "organic": { "gainsPerHour": 0, "lossesPerHour": 0 },
              "followers": { "leaveChance": { "hotTake": 1 }, "meanDaysBeforeLeaving": 0.2 }
            }
            """,
            new Dictionary<string, string?> { ["Followers:MaxFullPassUsd"] = "50" });
        await own.Job.RunAsync(Ct);
        await own.Worker.PostDirectlyAsync(own.Db, "Unpopular opinion: most productivity advice is procrastination with extra steps.");

        for (var hour = 1; hour <= 24; hour++)
        {
            own.Clock.Advance(TimeSpan.FromHours(1));
            await own.Job.RunAsync(Ct);
        }

        await using var connection = await own.Db.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from follower_passes where kind = 'full' and started_at > (select min(started_at) from follower_passes)"));
        Assert.True(await connection.ExecuteScalarAsync<long>("select sum(departures) from follower_passes where kind = 'partial'") > 0, "no hourly pass found a departure");
        var left = (await connection.QueryAsync<string>("select user_id from followers where left_at is not null")).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(left.Intersect(Ids(own.Worker.World.GetFollowerList())));
    }

    [Fact]
    public async Task AFullPassOverTheSpendLimit_IsNotRun_AndSaysWhatItWouldCost()
    {
        var job = ActivatorUtilities.CreateInstance<FollowersJob>(
            _worker.Services,
            (TimeProvider)Clock,
            Microsoft.Extensions.Options.Options.Create(new FollowersOptions { MaxFullPassUsd = 19.99m }));

        await job.RunAsync(Ct);

        Assert.Equal(0, await ScalarAsync("select count(*) from follower_passes"));
        Assert.Equal(0, await ScalarAsync("select count(*) from x_api_usage where endpoint = 'GET /2/users/:id/followers'"));
    }

    [Fact]
    public async Task ASmallAccountsListOnOnePage_IsNotTakenForTheWholeList_WhenThePassStopsEarly()
    {
        // 12 followers fit on the hourly pass's first page: stopping at the first known one must not make the rest departures.
        await using var own = await OwnWorker.StartAsync(
            """{ "account": { "initialFollowers": 12 }, "organic": { "gainsPerHour": 2, "lossesPerHour": 0 } }""",
            new Dictionary<string, string?>());

        await own.Job.RunAsync(Ct);
        own.Clock.Advance(TimeSpan.FromHours(3));
        await own.Job.RunAsync(Ct);

        await using var connection = await own.Db.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from followers where left_at is not null"));
        Assert.Equal(Ids(own.Worker.World.GetFollowerList()), (await connection.QueryAsync<string>("select user_id from followers where left_at is null")).ToHashSet(StringComparer.Ordinal));
        Assert.True(own.Worker.World.GetFollowers() > 12, "organic gains arrived between the passes");
    }

    /// <summary>A worker of a test's own, on its own database and audience (the class's worker has one audience), all removed at the end.</summary>
    private sealed record OwnWorker(PostgresDatabase Db, InProcessWorker Worker, string AudienceFile, FollowersJob Job) : IAsyncDisposable
    {
        public SteppedTimeProvider Clock => (SteppedTimeProvider)Worker.World.Clock;

        public static async Task<OwnWorker> StartAsync(string audience, Dictionary<string, string?> settings)
        {
            var audienceFile = Path.Combine(Path.GetTempPath(), $"followers-own-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(audienceFile, audience, Ct);
            var db = new PostgresDatabase();
            await db.InitializeAsync();
            var worker = await InProcessWorker.StartAsync(db, settings, api: true, stepped: true, audienceFile: audienceFile);
            return new OwnWorker(db, worker, audienceFile, ActivatorUtilities.CreateInstance<FollowersJob>(worker.Services, worker.World.Clock));
        }

        public async ValueTask DisposeAsync()
        {
            await Worker.DisposeAsync();
            await Db.DisposeAsync();
            File.Delete(AudienceFile);
        }
    }

    private static HashSet<string> Ids(IEnumerable<Sandbox.World.SandboxFollower> followers) => followers.Select(f => f.UserId).ToHashSet(StringComparer.Ordinal);

    private async Task<Dictionary<string, string>> RowVersionsAsync()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync(Ct);
        return (await connection.QueryAsync<(string UserId, string Version)>("select user_id, xmin::text from followers where left_at is null"))
            .ToDictionary(row => row.UserId, row => row.Version, StringComparer.Ordinal);
    }

    private Task<HashSet<string>> CurrentAsync() => ScalarSetAsync("select user_id from followers where left_at is null", null);

    private async Task<HashSet<string>> ScalarSetAsync(string sql, object? parameters)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync(Ct);
        return (await connection.QueryAsync<string>(sql, parameters)).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<string> ScalarTextAsync(string sql)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<string>(sql) ?? throw new InvalidOperationException($"no row: {sql}");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task<(string Kind, int Requests)> LastPassAsync()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync(Ct);
        return await connection.QuerySingleAsync<(string, int)>("select kind, requests from follower_passes order by id desc limit 1");
    }
}
