using System.CommandLine;
using FollowerLoop.Sandbox.Web.Faults;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Sandbox;

/// <summary>The <c>FollowerLoop.Sandbox</c> command line: options map one-to-one onto <see cref="SandboxOptions"/>.</summary>
internal static class SandboxCommandLine
{
    public static RootCommand Create()
    {
        var defaults = new SandboxOptions();
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback only); port 0 picks a free port.", DefaultValueFactory = _ => defaults.Urls };
        var handle = new Option<string>("--handle") { Description = "The account's handle.", DefaultValueFactory = _ => defaults.Handle };
        var displayName = new Option<string>("--display-name") { Description = "The account's display name.", DefaultValueFactory = _ => defaults.DisplayName };
        var password = new Option<string>("--password") { Description = "The account's password.", DefaultValueFactory = _ => defaults.Password };
        var challengeCode = new Option<string>("--challenge-code") { Description = "The confirmation code the challenge fault asks for after the password.", DefaultValueFactory = _ => defaults.ChallengeCode };
        var adminToken = new Option<string>("--admin-token") { Description = "Bearer token of the /admin API.", DefaultValueFactory = _ => defaults.AdminToken };
        var apiToken = new Option<string>("--api-token") { Description = "Bearer token of the X API v2 subset under /2.", DefaultValueFactory = _ => defaults.ApiToken };
        var seed = new Option<int>("--audience-seed") { Description = "Seeds the hidden audience and every random draw.", DefaultValueFactory = _ => defaults.AudienceSeed };
        var audienceFile = new Option<string?>("--audience-file") { Description = "JSON audience profile merged over the built-in one." };
        var clock = new Option<SandboxClockMode>("--clock") { Description = "real, accelerated or stepped.", DefaultValueFactory = _ => defaults.Clock };
        var factor = new Option<double>("--factor") { Description = "Simulated seconds per real second (accelerated clock).", DefaultValueFactory = _ => defaults.Factor };
        var epoch = new Option<DateTimeOffset>("--epoch") { Description = "The simulated start (ISO 8601).", DefaultValueFactory = _ => defaults.Epoch };
        var realStart = new Option<DateTimeOffset?>("--real-start") { Description = "The real moment the epoch corresponds to (accelerated clock); default now." };
        var fault = new Option<string>("--fault") { Description = $"Fault applied to every request: {FaultNames.Known}.", DefaultValueFactory = _ => "none" };
        var postAnalytics = new Option<bool>("--post-analytics") { Description = "Answer GET /2/tweets/analytics (per-post follows, Enterprise access) instead of 403." };
        var slowMs = new Option<int>("--slow-ms") { Description = "Delay of the slow fault, in real milliseconds.", DefaultValueFactory = _ => defaults.SlowMs };
        var apiLatencyMs = new Option<int>("--api-latency-ms") { Description = "Real milliseconds every X API request (/2/*) waits before its answer: a simulated round trip.", DefaultValueFactory = _ => defaults.ApiLatencyMs };
        fault.Validators.Add(result =>
        {
            if (!FaultNames.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--fault must be one of {FaultNames.Known}.");
            }
        });

        var root = new RootCommand("FollowerLoop.Sandbox: a local x.com look-alike with a hidden audience model.")
        {
            urls, handle, displayName, password, challengeCode, adminToken, apiToken, seed, audienceFile, clock, factor, epoch, realStart, fault, slowMs, apiLatencyMs, postAnalytics,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            FaultNames.TryParse(parse.GetValue(fault), out var defaultFault);
            var options = new SandboxOptions
            {
                Urls = parse.GetValue(urls)!,
                Handle = parse.GetValue(handle)!,
                DisplayName = parse.GetValue(displayName)!,
                Password = parse.GetValue(password)!,
                ChallengeCode = parse.GetValue(challengeCode)!,
                AdminToken = parse.GetValue(adminToken)!,
                ApiToken = parse.GetValue(apiToken)!,
                AudienceSeed = parse.GetValue(seed),
                AudienceFile = parse.GetValue(audienceFile),
                Clock = parse.GetValue(clock),
                Factor = parse.GetValue(factor),
                Epoch = parse.GetValue(epoch),
                RealStart = parse.GetValue(realStart),
                DefaultFault = defaultFault,
                SlowMs = parse.GetValue(slowMs),
                ApiLatencyMs = parse.GetValue(apiLatencyMs),
                PostAnalytics = parse.GetValue(postAnalytics),
            };
            return await RunAsync(options, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return root;
    }

    private static async Task<int> RunAsync(SandboxOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = SandboxApp.Build(options);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync(failure);
            }

            return 2;
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        await using (app)
        {
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }
}
