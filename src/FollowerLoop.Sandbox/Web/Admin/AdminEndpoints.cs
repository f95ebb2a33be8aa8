using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.Text;
using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Sessions;
using FollowerLoop.Sandbox.World;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Admin;

/// <summary>
/// The ground-truth and control API under /admin (Bearer token; never used by the worker): posts with their true
/// follower gain, the follower series, the oracle, the audience's drawn weights, the clock, faults and sessions.
/// </summary>
internal static class AdminEndpoints
{
    private const int MaxSeriesPoints = 20_000;

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter<AdminTokenFilter>();
        admin.MapGet("/posts", (SandboxWorld world) =>
        {
            var now = world.Clock.GetUtcNow();
            return world.GetPosts().Select(post => AdminPostView.Of(world, post, now)).ToList();
        });
        admin.MapGet("/posts/{id}", (string id, SandboxWorld world) =>
            world.FindPost(id) is { } post ? Results.Ok(AdminPostView.Of(world, post, world.Clock.GetUtcNow())) : Results.NotFound());
        admin.MapGet("/account", (SandboxWorld world) =>
        {
            var now = world.Clock.GetUtcNow();
            return new { world.Account.Handle, Now = now, Followers = world.GetFollowers(now), world.Account.Following, Statuses = world.GetStatusesCount(now) };
        });
        admin.MapGet("/followers", FollowerSeries);
        admin.MapPost("/oracle", (OracleRequest request, SandboxWorld world) =>
            request.Candidates is { Count: > 0 } candidates
                ? Results.Ok(world.ChooseBest(candidates, request.At))
                : Results.BadRequest("Send {\"candidates\": [\"text\", …], \"at\": optional ISO time}."));
        admin.MapGet("/audience", (SandboxWorld world) => new { Seed = world.Audience.Seed, world.Audience.Parameters, world.Audience.Profile });
        admin.MapPost("/features", (FeaturesRequest request) =>
            request.Text is { } text ? Results.Ok(TextFeatureExtractor.Extract(text)) : Results.BadRequest("Send {\"text\": \"…\"}."));
        admin.MapGet("/mentions", (SandboxWorld world) => world.GetSummons(world.Clock.GetUtcNow()));
        admin.MapPost("/mentions", Summon);
        MapClock(admin);
        MapFaults(admin);
        admin.MapPost("/sessions/expire", (SessionStore sessions, ILogger<SessionStore> logger) =>
        {
            var count = sessions.ExpireAll();
            Log.SessionsExpired(logger, count);
            return new { Expired = count };
        });
        return app;
    }

    private static IResult Summon(SummonsRequest request, SandboxWorld world)
    {
        if (!Enum.TryParse<SummonKind>(request.Kind ?? nameof(SummonKind.Mention), ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
            || request.Handle is null || request.Text is null)
        {
            return Results.BadRequest("Send {\"handle\": \"…\", \"text\": \"…\", \"kind\": \"mention\"|\"reply\"|\"quote\", \"target\": \"<own post id, for reply/quote>\"}.");
        }

        try
        {
            var post = world.Summon(kind, request.Handle, request.Text, request.Target);
            return Results.Created($"/{post.Handle}/status/{post.Id}", post);
        }
        catch (ArgumentException e)
        {
            return Results.BadRequest(e.Message);
        }
    }

    private static IResult FollowerSeries(SandboxWorld world, DateTimeOffset? from, DateTimeOffset? to, TimeSpan? step)
    {
        var end = to ?? world.Clock.GetUtcNow();
        var start = from ?? world.Epoch;
        var interval = step ?? TimeSpan.FromHours(1);
        if (interval <= TimeSpan.Zero || end < start)
        {
            return Results.BadRequest("Need step > 0 and from <= to (ISO times, step like 01:00:00).");
        }

        return (end - start) / interval > MaxSeriesPoints
            ? Results.BadRequest($"That is more than {MaxSeriesPoints} points; use a larger step or a shorter range.")
            : Results.Ok(world.GetFollowerSeries(start, end, interval));
    }

    private static void MapClock(RouteGroupBuilder admin)
    {
        admin.MapGet("/clock", (SandboxWorld world, SandboxOptions options) => ClockView(world, options));
        admin.MapPost("/clock/advance", (AdvanceRequest request, SandboxWorld world, SandboxOptions options, ILogger<SteppedTimeProvider> logger) =>
        {
            var by = request.By ?? (request.Hours is { } hours ? TimeSpan.FromHours(hours) : null);
            if (by is not { } amount || amount < TimeSpan.Zero)
            {
                return Results.BadRequest("Send {\"by\": \"01:00:00\"} or {\"hours\": 1}; time only moves forward.");
            }

            return MoveClock(world, options, logger, clock => clock.Advance(amount));
        });
        admin.MapPost("/clock/set", (SetClockRequest request, SandboxWorld world, SandboxOptions options, ILogger<SteppedTimeProvider> logger) =>
        {
            if (request.To is not { } to || to < world.Clock.GetUtcNow())
            {
                return Results.BadRequest("Send {\"to\": \"<ISO time>\"} no earlier than the clock's current time.");
            }

            return MoveClock(world, options, logger, clock => clock.SetUtcNow(to));
        });
    }

    private static IResult MoveClock(SandboxWorld world, SandboxOptions options, ILogger logger, Action<SteppedTimeProvider> move)
    {
        if (world.Clock is not SteppedTimeProvider stepped)
        {
            return Results.Conflict($"The clock is {options.Clock}; only a stepped clock (--clock stepped) can be moved.");
        }

        move(stepped);
        Log.ClockMoved(logger, stepped.GetUtcNow());
        return Results.Ok(ClockView(world, options));
    }

    private static object ClockView(SandboxWorld world, SandboxOptions options) => new
    {
        Mode = options.Clock,
        Now = world.Clock.GetUtcNow(),
        options.Epoch,
        RealStart = (world.Clock as FollowerLoop.Time.AcceleratedTimeProvider)?.RealStart,
        Factor = options.Clock == SandboxClockMode.Accelerated ? options.Factor : (double?)null,
    };

    private static void MapFaults(RouteGroupBuilder admin)
    {
        admin.MapGet("/faults", (FaultQueue queue) => queue.Snapshot());
        admin.MapPost("/faults", (FaultRequest request, FaultQueue queue, ILogger<FaultQueue> logger) =>
        {
            if (!FaultNames.TryParse(request.Mode, out var mode))
            {
                return Results.BadRequest($"Unknown fault mode '{request.Mode}'; use one of {FaultNames.Known}.");
            }

            var count = request.Count ?? 1;
            var prefix = string.IsNullOrWhiteSpace(request.PathPrefix) ? "/" : request.PathPrefix.Trim();
            if (count < 1 || !prefix.StartsWith('/'))
            {
                return Results.BadRequest("Count must be at least 1 and pathPrefix must start with '/'.");
            }

            var rule = new FaultRule(mode, prefix, count);
            queue.Add(rule);
            Log.FaultQueued(logger, mode, count, prefix);
            return Results.Ok(rule);
        });
        admin.MapDelete("/faults", (FaultQueue queue) =>
        {
            queue.Clear();
            return Results.NoContent();
        });
    }
}
