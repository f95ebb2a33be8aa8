using System.CommandLine;
using FollowerLoop.Storage;
using FollowerLoop.Worker.Commands;
using FollowerLoop.X.Api;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Demo;

/// <summary><c>followerloop-demo</c>: the sandbox and the worker together on an accelerated clock.</summary>
internal static class DemoCommand
{
    public static RootCommand Create()
    {
        var posts = new Option<int>("--posts") { Description = "How many posts must finish their 48h of tracking.", DefaultValueFactory = _ => 20 };
        var factor = new Option<double>("--factor") { Description = "Virtual seconds per real second.", DefaultValueFactory = _ => 1200 };
        var seed = new Option<int>("--audience-seed") { Description = "The sandbox audience's seed.", DefaultValueFactory = _ => 1 };
        var keep = new Option<bool>("--keep") { Description = "Leave the dashboards up after the summary." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "Give up after this much wall time.", DefaultValueFactory = _ => TimeSpan.FromMinutes(10) };
        var urls = new Option<string>("--urls") { Description = "Where the worker's dashboards listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var provider = new Option<XClientProvider>("--provider")
        {
            Description = "How the worker reaches the sandbox: Api (its X API v2, the transport a real account should use) or Browser (Chromium on its pages).",
            DefaultValueFactory = _ => XClientProvider.Api,
        };
        var command = new RootCommand("FollowerLoop's demo: the whole loop against the local sandbox, accelerated, then a summary.")
        {
            posts, factor, seed, keep, timeout, urls, provider,
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
