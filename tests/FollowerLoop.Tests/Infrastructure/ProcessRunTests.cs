using System.Diagnostics;
using FollowerLoop.Harness;

namespace FollowerLoop.Tests.Infrastructure;

public sealed class ProcessRunTests
{
    [Fact]
    public async Task AProgramPastItsTimeout_IsKilledWithItsChildren_AndTheErrorSaysWhatItPrinted()
    {
        var marker = $"fl-sleeper-{Guid.NewGuid():N}";
        var start = new ProcessStartInfo("bash", ["-c", $"echo started; exec -a {marker} sleep 120 & wait"]);

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => ProcessRun.RunAsync(start, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        Assert.Contains("output: started", timedOut.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Process.GetProcesses(), p => CommandLine(p).Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProgramThatEnds_GivesItsExitCodeOutputAndErrorApart()
    {
        var run = await ProcessRun.RunAsync(new ProcessStartInfo("bash", ["-c", "echo out; echo err >&2; exit 3"]), TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(new ProcessRun(3, "out\n", "err\n"), run);
    }

    private static string CommandLine(Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
