using System.CommandLine;
using System.CommandLine.Help;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using FollowerLoop.Worker.Commands;
using FollowerLoop.X.Api;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Demo;

/// <summary><c>followerloop-demo</c>: the sandbox and the worker together on an accelerated clock.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var posts = new Option<int>("--posts")
        {
            Description = "How many posts must finish their 48h of tracking (1 to 1000).",
            DefaultValueFactory = _ => 20,
            CustomParser = OptionValues.WholeNumber(1, 1000),
        };
        var factor = new Option<double>("--factor")
        {
            Description = "Virtual seconds per real second (1 to 100000, as Clock:Factor).",
            DefaultValueFactory = _ => 1200,
            CustomParser = OptionValues.Number(ClockOptions.MinFactor, ClockOptions.MaxFactor),
        };
        var seed = new Option<int>("--audience-seed") { Description = "The sandbox audience's seed.", DefaultValueFactory = _ => 1 };
        var keep = new Option<bool>("--keep") { Description = "Leave the dashboards up after the summary." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "Give up after this much wall time (00:00:10 to 1.00:00:00).",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(10),
            CustomParser = OptionValues.Duration(TimeSpan.FromSeconds(10), TimeSpan.FromDays(1)),
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Where the worker's dashboards listen (an http(s) URL).",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
            CustomParser = OptionValues.HttpUrl("http://127.0.0.1:5080"),
        };
        var provider = new Option<XClientProvider>("--provider")
        {
            Description = "How the worker reaches the sandbox: Api (its X API v2, the transport a real account should use) or Browser (Chromium on its pages).",
            DefaultValueFactory = _ => XClientProvider.Api,
        };
        // A plain command, named: a RootCommand takes the assembly's name (FollowerLoop.Demo) for its usage line.
        var command = new Command("followerloop-demo", "FollowerLoop's demo: the whole loop against the local sandbox, accelerated, then a summary.")
        {
            new HelpOption(), new VersionOption(), posts, factor, seed, keep, timeout, urls, provider,
        };
        command.SetAction((parse, cancellationToken) => HostFactory.RunAsync(
            parse,
            builder => builder.AddFollowerLoopCore(),
            (services, token) => DemoRunner.RunAsync(
                new DemoSettings(parse.GetValue(posts), parse.GetValue(factor), parse.GetValue(seed), parse.GetValue(keep), parse.GetValue(timeout), parse.GetValue(urls)!, parse.GetValue(provider)),
                services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
                token),
            cancellationToken));
        return command;
    }
}
