using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FollowerLoop.Infra.Tests;

public sealed partial class DockerfileTests(InfraBuild build)
{
    private IReadOnlyList<(string Keyword, string Arguments)> Instructions => ParseInstructions(build.ReadRepositoryFile("Dockerfile"));

    [Fact]
    public void RuntimeStage_IsThePlaywrightDotnetImageOfThePinnedPlaywrightVersion()
    {
        var packages = XDocument.Parse(build.ReadRepositoryFile("Directory.Packages.props"));
        var playwright = packages.Descendants("PackageVersion")
            .Single(package => (string?)package.Attribute("Include") == "Microsoft.Playwright")
            .Attribute("Version")!.Value;
        var versionArgument = Assert.Single(Instructions, instruction => instruction.Keyword == "ARG" && instruction.Arguments.StartsWith("PLAYWRIGHT_VERSION=", StringComparison.Ordinal));
        var stages = Stages();

        Assert.Equal($"PLAYWRIGHT_VERSION={playwright}", versionArgument.Arguments);
        Assert.Equal("mcr.microsoft.com/playwright/dotnet:v${PLAYWRIGHT_VERSION}-noble", stages[^1].Image);
    }

    [Fact]
    public void BuildStage_PublishesTheWorkerSelfContainedWithAPlaywrightDriverTheAppUserCanRun()
    {
        var stages = Stages();
        var publish = Assert.Single(Instructions, instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", stages[0].Image);
        Assert.Contains("src/FollowerLoop.Worker/FollowerLoop.Worker.csproj", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("--self-contained", publish.Arguments, StringComparison.Ordinal);
        // Explicit, so that the image never depends on the repository default to ship the Linux driver.
        Assert.Contains("-p:PlaywrightPlatform=linux-x64", publish.Arguments, StringComparison.Ordinal);
        // The driver's node binary comes out executable by root only; pwuser must run it too.
        Assert.EndsWith("&& chmod -R a+rX /app", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /app/ ./", Instructions.Select(instruction => $"{instruction.Keyword} {instruction.Arguments}"));
    }

    [Fact]
    public void Container_RunsAsTheNonRootPlaywrightUser()
    {
        var user = Instructions.Last(instruction => instruction.Keyword == "USER").Arguments;

        Assert.Equal("pwuser", user);
        Assert.Equal("USER", Instructions.Where(instruction => instruction.Keyword is "USER" or "ENTRYPOINT" or "CMD").First().Keyword);
    }

    [Fact]
    public void Container_StartsFollowerloopRun()
    {
        Assert.Equal("[\"/app/followerloop\"]", Instructions.Last(instruction => instruction.Keyword == "ENTRYPOINT").Arguments);
        Assert.Equal("[\"run\"]", Instructions.Last(instruction => instruction.Keyword == "CMD").Arguments);
    }

    [Fact]
    public void ChromiumLink_IsTheBrowserPathTheWorkerIsGiven()
    {
        var worker = new WorkerApp(build.Main.Single("Microsoft.App/containerApps"));
        var browserPath = worker.Expand(worker.Variable("Browser__ExecutablePath")["value"]!);
        var runtime = RuntimeInstructions();
        var environment = string.Join('\n', runtime.Where(instruction => instruction.Keyword == "ENV").Select(instruction => instruction.Arguments));

        Assert.Equal("/usr/local/bin/chromium", browserPath);
        Assert.Contains(runtime, instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains($"ln -s \"$chrome\" {browserPath}", StringComparison.Ordinal));
        Assert.Contains($"Browser__ExecutablePath={browserPath}", environment, StringComparison.Ordinal);
        Assert.Contains("PLAYWRIGHT_BROWSERS_PATH=/ms-playwright", environment, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_BakesInNoSecret()
    {
        var declared = Instructions.Where(instruction => instruction.Keyword is "ENV" or "ARG").Select(instruction => instruction.Arguments);
        var ignore = build.ReadRepositoryFile(".dockerignore").Split('\n').Select(line => line.Trim()).ToArray();

        Assert.All(declared, arguments => Assert.DoesNotMatch(SecretSetting(), arguments));
        Assert.DoesNotContain(Instructions, instruction => instruction.Arguments.Contains("appsettings.Local.json", StringComparison.Ordinal));
        Assert.Equal("*", ignore.First(line => line.Length > 0 && !line.StartsWith('#')));
        Assert.Contains("**/appsettings.Local.json", ignore);
        Assert.DoesNotContain(ignore, line => line is "!.local" or "!.local/" or "!.git" or "!.git/");
    }

    private List<(string Image, string? Name)> Stages() =>
        Instructions.Where(instruction => instruction.Keyword == "FROM")
            .Select(instruction => instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (parts[0], parts.Length == 3 ? parts[2] : null))
            .ToList();

    private List<(string Keyword, string Arguments)> RuntimeInstructions() =>
        Instructions.SkipWhile(instruction => !(instruction.Keyword == "FROM" && instruction.Arguments.EndsWith(" AS runtime", StringComparison.Ordinal))).ToList();

    // Joins continuation lines and drops comments, then splits each instruction into keyword and arguments.
    private static List<(string Keyword, string Arguments)> ParseInstructions(string dockerfile)
    {
        var logical = ContinuationLine().Replace(CommentLine().Replace(dockerfile, ""), " ");
        return logical.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' ', 2))
            .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? MultipleSpaces().Replace(parts[1].Trim(), " ") : ""))
            .ToList();
    }

    [GeneratedRegex(@"(?m)^\s*#.*\n")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"\\\n")]
    private static partial Regex ContinuationLine();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex("(?i)password|secret|api_?key|token|connectionstring|sessionstate")]
    private static partial Regex SecretSetting();
}
