using System.Diagnostics;
using FollowerLoop.X.Browser;

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>Chromium's sandbox stays on wherever the process is not root (the non-root container), and only root goes without.</summary>
public sealed class ChromiumSandboxTests
{
    [Fact]
    public void LaunchOptions_KeepTheSandboxUnlessRoot()
    {
        var asUser = BrowserHost.LaunchOptions(new BrowserOptions(), asRoot: false);
        var asRoot = BrowserHost.LaunchOptions(new BrowserOptions(), asRoot: true);

        Assert.True(asUser.ChromiumSandbox);
        Assert.DoesNotContain("--no-sandbox", asUser.Args!);
        Assert.False(asRoot.ChromiumSandbox);
    }

    [Fact]
    public async Task AsAnotherUser_DebiansChromiumStartsWithItsSandbox_WithTheLaunchArguments()
    {
        if (!BrowserHost.RunsAsRoot)
        {
            Assert.Skip("needs root, to start Chromium as the unprivileged user nobody");
        }

        var options = BrowserHost.LaunchOptions(new BrowserOptions(), asRoot: false);
        // A home of its own, made by nobody, for Chromium's profile.
        var home = Path.Combine(Path.GetTempPath(), $"fl-chromium-nobody-{Guid.NewGuid():N}");
        var command = $"mkdir -p {home} && HOME={home} /usr/bin/chromium --headless {string.Join(' ', options.Args!)} --dump-dom 'data:text/html,<p>sandboxed</p>'";
        using var chromium = Process.Start(new ProcessStartInfo("su", ["nobody", "-s", "/bin/sh", "-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = chromium.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = chromium.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await chromium.WaitForExitAsync(TestContext.Current.CancellationToken);
        Directory.Delete(home, recursive: true);

        Assert.True(chromium.ExitCode == 0, await errors);
        Assert.Contains("<p>sandboxed</p>", await output, StringComparison.Ordinal);
        Assert.DoesNotContain("No usable sandbox", await errors, StringComparison.Ordinal);
    }
}
