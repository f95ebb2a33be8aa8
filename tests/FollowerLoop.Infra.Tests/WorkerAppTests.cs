namespace FollowerLoop.Infra.Tests;

public sealed class WorkerAppTests(InfraBuild build)
{
    private WorkerApp Worker => new(build.Main.Single("Microsoft.App/containerApps"));

    private WorkerApp MigrateJob => new(build.Main.Single("Microsoft.App/jobs"));

    [Fact]
    public void Worker_SetsEveryWorkerSetting()
    {
        string[] expected =
        [
            "ASPNETCORE_URLS", "Account__Handle", "Browser__ExecutablePath", "Dashboard__Password", "Dashboard__Username",
            "Database__ConnectionString", "Llm__ApiKey", "Llm__Endpoint", "Llm__Model", "Redis__Configuration",
            "Redis__KeyPrefix", "XClient__BaseUrl", "XClient__Handle", "XClient__SessionStateJson",
        ];

        Assert.Equal(expected, Worker.Environment.Select(variable => (string)variable["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Worker_PointsAtXAndTheAccountFromTheDeploymentParameters()
    {
        var worker = Worker;

        Assert.Equal("[parameters('accountHandle')]", worker.Expand(worker.Variable("Account__Handle")["value"]!));
        Assert.Equal("[parameters('accountHandle')]", worker.Expand(worker.Variable("XClient__Handle")["value"]!));
        Assert.Equal("[parameters('xBaseUrl')]", worker.Expand(worker.Variable("XClient__BaseUrl")["value"]!));
        Assert.Equal("https://x.com", build.Main.Root.Parameters["xBaseUrl"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void Worker_RunsFollowerloopRunOnPort8080WithHealthProbes()
    {
        var worker = Worker;
        var ingress = worker.Configuration["ingress"]!;
        var probes = worker.Container["probes"]!.AsArray();

        Assert.Equal(["run"], worker.Container["args"]!.AsArray().Select(arg => (string)arg!));
        Assert.Null(worker.Container["command"]);
        Assert.Equal("http://+:8080", worker.Expand(worker.Variable("ASPNETCORE_URLS")["value"]!));
        Assert.Equal("8080", worker.Expand(ingress["targetPort"]!));
        Assert.Equal("false", worker.Expand(ingress["allowInsecure"]!));
        Assert.Equal(["Liveness", "Readiness", "Startup"], probes.Select(probe => (string)probe!["type"]!).Order(StringComparer.Ordinal));
        Assert.All(probes, probe =>
        {
            var httpGet = worker.Resource.Scope.ResolveVariableNode(probe!["httpGet"])!;
            Assert.Equal("/healthz", worker.Expand(httpGet["path"]!));
            Assert.Equal("8080", worker.Expand(httpGet["port"]!));
        });
    }

    [Fact]
    public void Worker_KeepsAtLeastOneReplica()
    {
        var worker = Worker;
        var minReplicas = build.Main.Root.Parameters["workerMinReplicas"]!;

        Assert.Equal("[parameters('workerMinReplicas')]", worker.Expand(worker.Resource.Properties["template"]!["scale"]!["minReplicas"]!));
        Assert.Equal(1, minReplicas["minValue"]!.GetValue<int>());
        Assert.Equal(1, minReplicas["defaultValue"]!.GetValue<int>());
    }

    [Fact]
    public void WorkerAndJob_PullTheImageFromTheRegistryWithTheWorkerIdentity()
    {
        var identityId = WorkerApp.IdentityIdOf(build.Main);

        foreach (var app in new[] { Worker, MigrateJob })
        {
            var registry = app.Configuration["registries"]!.AsArray().Single()!;
            Assert.Equal("[reference('registry').outputs.loginServer.value]", app.Expand(registry["server"]!));
            Assert.Equal(identityId, app.Expand(registry["identity"]!));
            Assert.Null(registry["passwordSecretRef"]);
            Assert.Equal(
                "[format('{0}/{1}', reference('registry').outputs.loginServer.value, format('followerloop:{0}', parameters('workerImageTag')))]",
                app.Expand(app.Container["image"]!));
        }
    }

    [Fact]
    public void MigrateJob_RunsFollowerloopMigrateOnDemandWithTheDatabaseSecretOnly()
    {
        var job = MigrateJob;

        Assert.Equal("Manual", job.Expand(job.Configuration["triggerType"]!));
        Assert.Equal(["migrate"], job.Container["args"]!.AsArray().Select(arg => (string)arg!));
        var variable = Assert.Single(job.Environment);
        Assert.Equal("Database__ConnectionString", (string?)variable["name"]);
        Assert.Equal("database-connection-string", job.Expand(Assert.Single(job.Secrets)["name"]!));
    }
}
