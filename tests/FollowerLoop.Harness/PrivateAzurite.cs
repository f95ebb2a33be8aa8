using System.Globalization;
using System.Net.Sockets;

namespace FollowerLoop.Harness;

/// <summary>
/// Azurite of a bench's or a test's own (the npm install scripts/setup made, free loopback ports, data in a
/// temporary directory), so that stopping or restarting the durable store does not touch the shared one.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    // Azurite's published development account: the emulator accepts only this key.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _directory = Directory.CreateTempSubdirectory("fl-azurite-").FullName;
    private readonly List<(int Port, ChildProcess Process)> _services = [];

    public PrivateAzurite(string repositoryRoot)
    {
        var bin = Path.Combine(repositoryRoot, ".local", "azurite", "node_modules", ".bin");
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            var program = Path.Combine(bin, $"azurite-{service}");
            if (!File.Exists(program))
            {
                throw new InvalidOperationException($"{program} is missing: run ./scripts/setup first (it installs Azurite from npm)");
            }

            var port = FreePort.Next();
            _services.Add((port, new ChildProcess(
                program,
                ["--silent", "--skipApiVersionCheck", "--location", _directory, $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture)],
                new Dictionary<string, string>(),
                Path.Combine(_directory, $"azurite-{service}.log"))));
        }
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_services[0].Port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_services[1].Port}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_services[2].Port}/devstoreaccount1;";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, process) in _services)
        {
            process.Start();
        }

        foreach (var (port, _) in _services)
        {
            await WaitOpenAsync(port, cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        foreach (var (_, process) in _services)
        {
            await process.KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in _services)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitOpenAsync(int port, CancellationToken cancellationToken)
    {
        for (var waited = 0; waited < 150; waited++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new InvalidOperationException($"Azurite did not answer on 127.0.0.1:{port}, see {_directory}");
    }
}
