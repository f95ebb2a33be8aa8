namespace FollowerLoop.Infra.Tests;

/// <summary>The dashboard app and the migrate job, both from the followerloop image.</summary>
public sealed class DashboardAppTests(InfraBuild build)
{
    private ContainerApp Dashboard => new(Assert.Single(build.Main.OfType("Microsoft.App/containerApps"), app => app.Scope.Path == "main/dashboard"));

    private ContainerApp MigrateJob => new(build.Main.Single("Microsoft.App/jobs"));

    [Fact]
    public void Dashboard_SetsWhatTheDashboardReads_AndNoJobOrXSetting()
    {
        string[] expected =
        [
            "ASPNETCORE_URLS", "AZURE_CLIENT_ID", "Account__Handle", "AllowedHosts", "Dashboard__Password", "Dashboard__Username", "Database__ConnectionString",
            "DurableTask__HubName", "DurableTask__StorageAccountName", "Redis__Configuration", "Redis__KeyPrefix",
        ];

        Assert.Equal(expected, Dashboard.VariableNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dashboard_ReadsTheFunctionsAppsTaskHub_SignedInAsItsOwnIdentity()
    {
        var dashboard = Dashboard;

        Assert.Equal("[reference('taskHubStorage').outputs.name.value]", dashboard.Expand(dashboard.Variable("DurableTask__StorageAccountName")["value"]!));
        Assert.Equal("[parameters('taskHubName')]", dashboard.Expand(dashboard.Variable("DurableTask__HubName")["value"]!));
        Assert.Equal("[reference('dashboardIdentity').clientId]", dashboard.Expand(dashboard.Variable("AZURE_CLIENT_ID")["value"]!));
        var identity = Assert.Single(dashboard.Resource.Node["identity"]!["userAssignedIdentities"]!.AsObject());
        Assert.Equal($"[format('{{0}}', {Arm.ArmExpression.Inner(ContainerApp.IdentityIdOf(build.Main, "dashboardIdentity"))})]", dashboard.Resource.Scope.Expand(identity.Key));
        Assert.Equal("[parameters('accountHandle')]", dashboard.Expand(dashboard.Variable("Account__Handle")["value"]!));
        Assert.Equal("[parameters('dashboardUsername')]", dashboard.Expand(dashboard.Variable("Dashboard__Username")["value"]!));
    }

    [Fact]
    public void Dashboard_RunsFollowerloopDashboard_OnHttpsIngressWithHealthProbes()
    {
        var dashboard = Dashboard;
        var ingress = dashboard.Configuration["ingress"]!;
        var probes = dashboard.Container["probes"]!.AsArray();

        Assert.Equal(["dashboard"], dashboard.Container["args"]!.AsArray().Select(arg => (string)arg!));
        Assert.Null(dashboard.Container["command"]);
        Assert.Equal("http://+:8080", dashboard.Expand(dashboard.Variable("ASPNETCORE_URLS")["value"]!));
        Assert.Equal("true", dashboard.Expand(ingress["external"]!));
        Assert.Equal("8080", dashboard.Expand(ingress["targetPort"]!));
        Assert.Equal("false", dashboard.Expand(ingress["allowInsecure"]!));
        Assert.Equal(["Liveness", "Readiness", "Startup"], probes.Select(probe => (string)probe!["type"]!).Order(StringComparer.Ordinal));
        Assert.All(probes, probe =>
        {
            var httpGet = dashboard.Resource.Scope.ResolveVariableNode(probe!["httpGet"])!;
            Assert.Equal("/healthz", dashboard.Expand(httpGet["path"]!));
            Assert.Equal("8080", dashboard.Expand(httpGet["port"]!));
        });
    }

    [Fact]
    public void Dashboard_AnswersOnlyItsOwnHostNames_AndItsProbesNameIt()
    {
        var dashboard = Dashboard;
        var scope = dashboard.Resource.Scope;
        const string OwnName = "format('{0}.{1}', parameters('name'), parameters('environmentDefaultDomain'))";

        Assert.Equal(
            scope.Expand($"[join(concat(createArray({OwnName}), parameters('hostNames')), ';')]"),
            dashboard.Expand(dashboard.Variable("AllowedHosts")["value"]!));
        Assert.All(dashboard.Container["probes"]!.AsArray(), probe =>
        {
            var header = Assert.Single(scope.ResolveVariableNode(probe!["httpGet"])!["httpHeaders"]!.AsArray())!;
            Assert.Equal("Host", dashboard.Expand(header["name"]!));
            Assert.Equal(scope.Expand($"[{OwnName}]"), dashboard.Expand(header["value"]!));
        });
        Assert.Equal("[reference('environment').outputs.defaultDomain.value]", scope.Expand("[parameters('environmentDefaultDomain')]"));
        Assert.Equal("[parameters('dashboardHostNames')]", scope.Expand("[parameters('hostNames')]"));
    }

    [Fact]
    public void Dashboard_AllowsOnlyTheConfiguredAddresses()
    {
        var ingress = Dashboard.Configuration["ingress"]!;
        var restriction = Arm.ArmModules.CopyInput(ingress, "ipSecurityRestrictions");

        Assert.Equal("parameters('allowedIpRanges')", Arm.ArmModules.CopySource(ingress, "ipSecurityRestrictions"));
        Assert.Equal("Allow", (string?)restriction["action"]);
        Assert.Equal("[parameters('allowedIpRanges')[copyIndex('ipSecurityRestrictions')]]", (string?)restriction["ipAddressRange"]);
        Assert.Equal("[parameters('dashboardAllowedIpRanges')]", Dashboard.Resource.Scope.Expand("[parameters('allowedIpRanges')]"));
    }

    [Fact]
    public void DashboardAndJob_PullTheFollowerloopImage_EachWithItsOwnIdentity()
    {
        foreach (var (app, identity) in new[] { (Dashboard, "dashboardIdentity"), (MigrateJob, "migrateIdentity") })
        {
            var registry = app.Configuration["registries"]!.AsArray().Single()!;
            Assert.Equal("[reference('registry').outputs.loginServer.value]", app.Expand(registry["server"]!));
            Assert.Equal(ContainerApp.IdentityIdOf(build.Main, identity), app.Expand(registry["identity"]!));
            Assert.Null(registry["passwordSecretRef"]);
            Assert.Equal(
                "[format('{0}/{1}', reference('registry').outputs.loginServer.value, format('followerloop:{0}', parameters('imageTag')))]",
                app.Expand(app.Container["image"]!));
        }
    }

    [Fact]
    public void MigrateJob_MigratesAsTheOwner_ThenLetsTheAppRoleLogIn()
    {
        var job = MigrateJob;
        var args = job.Container["args"]!.AsArray().Select(arg => job.Expand(arg!)).ToArray();

        Assert.Equal("Manual", job.Expand(job.Configuration["triggerType"]!));
        Assert.Equal(["migrate", "--app-role-password-from-env", "FOLLOWERLOOP_APP_DB_PASSWORD"], args);
        Assert.Equal(["Database__ConnectionString", "FOLLOWERLOOP_APP_DB_PASSWORD"], job.VariableNames.Order(StringComparer.Ordinal));
        Assert.Equal("database-admin-connection-string", job.Expand(job.Variable("Database__ConnectionString")["secretRef"]!));
        Assert.Equal("app-database-password", job.Expand(job.Variable("FOLLOWERLOOP_APP_DB_PASSWORD")["secretRef"]!));
    }

    [Fact]
    public void Apps_AreDeployedOnceTheImagesAreTagged_TheLongRunningWorkerNoMore()
    {
        var containerApps = build.Main.OfType("Microsoft.App/containerApps");

        Assert.Equal(["main/dashboard", "main/functionsContainerApp"], containerApps.Select(app => app.Scope.Path).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(containerApps, app => new ContainerApp(app).Container["args"]?.AsArray().Any(arg => (string?)arg == "run") == true);
        Assert.Equal("[variables('deployApps')]", (string?)build.Main.Root.Resource("dashboard").Node["condition"]);
        Assert.Equal("[variables('deployApps')]", (string?)build.Main.Root.Resource("migrateJob").Node["condition"]);
        Assert.Equal("[not(empty(parameters('imageTag')))]", build.Main.Root.Expand("[variables('deployApps')]"));
    }
}
