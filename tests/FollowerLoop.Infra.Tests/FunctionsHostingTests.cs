using System.Text.Json.Nodes;
using FollowerLoop.Infra.Tests.Arm;

namespace FollowerLoop.Infra.Tests;

/// <summary>Where the Functions app runs, chosen by XClient:Provider, and what both hostings are given.</summary>
public sealed class FunctionsHostingTests(InfraBuild build)
{
    private ArmResource FunctionsContainerApp => Assert.Single(build.Main.OfType("Microsoft.App/containerApps"), app => app.Scope.Path == "main/functionsContainerApp");

    private ArmResource FlexSite => build.Main.Single("Microsoft.Web/sites");

    [Fact]
    public void XClientProvider_BrowserOrApi_PicksContainerAppsOrFlexConsumption()
    {
        var provider = build.Main.Root.Parameters["xClientProvider"]!;
        var type = build.Main.Root.Definition((string)provider["$ref"]!);

        Assert.Equal(["Api", "Browser"], type["allowedValues"]!.AsArray().Select(value => (string)value!).Order(StringComparer.Ordinal));
        Assert.Equal("Browser", (string?)provider["defaultValue"]);
        Assert.Equal("[equals(parameters('xClientProvider'), 'Browser')]", build.Main.Root.Expand("[variables('onContainerApps')]"));
        Assert.Equal("[and(equals(parameters('xClientProvider'), 'Browser'), not(empty(parameters('imageTag'))))]", Condition("functionsContainerApp"));
        Assert.Equal("[not(equals(parameters('xClientProvider'), 'Browser'))]", Condition("functionsFlex"));
    }

    [Fact]
    public void Browser_RunsOnContainerAppsAsAFunctionApp_FromTheChromiumImage()
    {
        var app = new ContainerApp(FunctionsContainerApp);
        var ingress = app.Configuration["ingress"]!;

        Assert.Equal("functionapp", (string?)FunctionsContainerApp.Node["kind"]);
        Assert.Equal(
            "[format('{0}/{1}', reference('registry').outputs.loginServer.value, format('followerloop-functions:{0}', parameters('imageTag')))]",
            app.Expand(app.Container["image"]!));
        Assert.Equal("Single", app.Expand(app.Configuration["activeRevisionsMode"]!));
        // No HTTP function: the host's endpoints stay inside the environment.
        Assert.Equal("false", app.Expand(ingress["external"]!));
        Assert.Equal("80", app.Expand(ingress["targetPort"]!));
        var registry = app.Configuration["registries"]!.AsArray().Single()!;
        Assert.Equal(ContainerApp.IdentityIdOf(build.Main, "functionsIdentity"), app.Expand(registry["identity"]!));
        Assert.Null(registry["passwordSecretRef"]);
    }

    [Fact]
    public void Browser_GivesTheChromiumOfTheImageAndTheIsolatedWorker()
    {
        var imageEnv = FunctionsContainerApp.Scope.ResolveVariableNode(JsonValue.Create("[variables('imageEnv')]"))!.AsArray()
            .ToDictionary(variable => (string)variable!["name"]!, variable => FunctionsContainerApp.Scope.ExpandValue(variable!["value"]!));

        Assert.Equal("/usr/local/bin/chromium", imageEnv["Browser__ExecutablePath"]);
        Assert.Equal("dotnet-isolated", imageEnv["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Browser_KeepsAtLeastOneReplica_AndNeverFewerMaximumThanMinimum()
    {
        var module = FunctionsContainerApp.Scope;
        var scale = FunctionsContainerApp.Properties["template"]!["scale"]!;
        var mainParameter = build.Main.Root.Parameters["functionsMinReplicas"]!;

        Assert.Equal(1, module.Parameters["minReplicas"]!["minValue"]!.GetValue<int>());
        Assert.Equal(1, mainParameter["minValue"]!.GetValue<int>());
        Assert.Equal(1, mainParameter["defaultValue"]!.GetValue<int>());
        Assert.Equal("[parameters('functionsMinReplicas')]", module.ExpandValue(scale["minReplicas"]!));
        Assert.Equal("[max(parameters('functionsMinReplicas'), parameters('functionsMaxReplicas'))]", module.ExpandValue(scale["maxReplicas"]!));
        Assert.Equal(1, build.MainParameters["functionsMinReplicas"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public void Api_RunsOnAFlexConsumptionPlan_OnDotnetIsolated10()
    {
        var plan = build.Main.Single("Microsoft.Web/serverfarms");
        var site = FlexSite;
        var config = site.Properties["functionAppConfig"]!;

        Assert.Same(plan.Scope, site.Scope);
        Assert.Equal("main/functionsFlex", site.Scope.Path);
        Assert.Equal("FC1", plan.Scope.ExpandValue(plan.Node["sku"]!["name"]!));
        Assert.Equal("FlexConsumption", plan.Scope.ExpandValue(plan.Node["sku"]!["tier"]!));
        Assert.Equal("true", plan.Property("reserved"));
        Assert.Equal("functionapp,linux", (string?)site.Node["kind"]);
        Assert.Equal($"[resourceId('Microsoft.Web/serverfarms', {ArmExpression.Inner(plan.Name)})]", site.Property("serverFarmId"));
        Assert.Equal("dotnet-isolated", site.Scope.ExpandValue(config["runtime"]!["name"]!));
        Assert.Equal("10.0", site.Scope.ExpandValue(config["runtime"]!["version"]!));
        Assert.Equal([512, 2048, 4096], site.Scope.Parameters["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(value => value!.GetValue<int>()).Order());
        Assert.Equal("true", site.Property("httpsOnly"));
    }

    [Fact]
    public void Api_DeploysFromABlobContainerReadWithItsIdentity_AndAllowsNoBasicPublishingCredentials()
    {
        var site = FlexSite;
        var storage = site.Properties["functionAppConfig"]!["deployment"]!["storage"]!;
        var identityId = ContainerApp.IdentityIdOf(build.Main, "functionsIdentity");
        var container = build.Main.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var policies = build.Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal("blobContainer", site.Scope.ExpandValue(storage["type"]!));
        Assert.Equal("UserAssignedIdentity", site.Scope.ExpandValue(storage["authentication"]!["type"]!));
        Assert.Equal(identityId, site.Scope.ExpandValue(storage["authentication"]!["userAssignedIdentityResourceId"]!));
        Assert.Null(storage["authentication"]!["storageAccountConnectionStringName"]);
        Assert.Equal(
            "[format('{0}{1}', reference('taskHubStorage').outputs.blobEndpoint.value, variables('names').deploymentContainer)]",
            (string?)build.Main.Binding("functionsFlex", "deploymentContainerUrl"));
        Assert.Equal("[not(empty(parameters('deploymentContainerName')))]", (string?)container.Node["condition"]);
        Assert.Equal(["ftp", "scm"], policies.Select(policy => policy.LeafName).Order(StringComparer.Ordinal));
        Assert.All(policies, policy => Assert.Equal("false", policy.Property("allow")));
    }

    [Fact]
    public void Api_ReachesPostgresAndRedisThroughItsOwnSubnet_AndResolvesKeyVaultReferencesWithItsIdentity()
    {
        var site = FlexSite;

        Assert.Equal("[reference('network').outputs.functionsSubnetId.value]", site.Property("virtualNetworkSubnetId"));
        Assert.Equal(ContainerApp.IdentityIdOf(build.Main, "functionsIdentity"), site.Property("keyVaultReferenceIdentity"));
    }

    [Fact]
    public void BothHostings_GetTheSameSettings_TheSectionKeyNamesTheAppReads()
    {
        var browser = build.Main.ObjectBinding("functionsContainerApp", "settings");
        var api = build.Main.ObjectBinding("functionsFlex", "settings");
        string[] expected =
        [
            "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Account__Handle", "Account__TimeZone",
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__credential",
            "DurableTask__HubName", "Llm__Endpoint", "Llm__Model", "Redis__KeyPrefix",
            "XClient__BaseUrl", "XClient__Handle", "XClient__Provider",
            .. JobScheduleSettings(),
        ];

        Assert.Equal(browser, api);
        Assert.Equal(expected.Order(StringComparer.Ordinal), browser.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("[parameters('xClientProvider')]", browser["XClient__Provider"]);
        Assert.Equal("[parameters('taskHubName')]", browser["DurableTask__HubName"]);
        Assert.Equal("[parameters('accountHandle')]", browser["Account__Handle"]);
        Assert.Equal("[parameters('accountTimeZone')]", browser["Account__TimeZone"]);
        Assert.Equal("UTC", build.Main.Root.Parameters["accountTimeZone"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("[parameters('accountHandle')]", browser["XClient__Handle"]);
        Assert.Equal("https://x.com", build.Main.Root.Parameters["xBaseUrl"]!["defaultValue"]!.GetValue<string>());
        // Flex Consumption takes the runtime from functionAppConfig and refuses these settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", api.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", api.Keys);
    }

    [Fact]
    public void JobSchedules_AreOneSettingPerTimerFunction_InTheSixFieldFormOfTheTimerTrigger()
    {
        var sample = JsonNode.Parse(build.ReadRepositoryFile("local.settings.sample.json"))!["Values"]!.AsObject();
        var sampleSchedules = sample.Where(pair => pair.Key.StartsWith("Jobs__Schedules__", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => (string)pair.Value!);
        var defaults = build.Main.Root.Parameters["jobSchedules"]!["defaultValue"]!.AsObject();
        var settings = build.Main.ObjectBinding("functionsContainerApp", "settings");

        Assert.Equal(sampleSchedules.Keys.Order(StringComparer.Ordinal), JobScheduleSettings().Order(StringComparer.Ordinal));
        foreach (var (setting, cron) in sampleSchedules)
        {
            var job = setting["Jobs__Schedules__".Length..];
            Assert.Equal($"[parameters('jobSchedules').{job}]", settings[setting]);
            Assert.Equal(cron, (string?)defaults[job]);
            Assert.Equal(6, cron.Split(' ').Length);
        }
    }

    [Fact]
    public void ContainerApp_MakesItsEnvAndKeyVaultSecretsFromTheSettings()
    {
        var module = FunctionsContainerApp.Scope;
        var variables = TemplateVariables(module);
        var plain = ArmModules.CopyInput(variables, "plainEnv");
        var secret = ArmModules.CopyInput(variables, "secretEnv");
        var secrets = ArmModules.CopyInput(FunctionsContainerApp.Properties["configuration"]!, "secrets");

        Assert.Equal("[concat(variables('imageEnv'), variables('plainEnv'), variables('secretEnv'))]", (string?)new ContainerApp(FunctionsContainerApp).Container["env"]);
        Assert.Equal("items(parameters('settings'))", ArmModules.CopySource(variables, "plainEnv"));
        Assert.Equal("[items(parameters('settings'))[copyIndex('plainEnv')].value]", (string?)plain["value"]);
        Assert.Null(plain["secretRef"]);
        Assert.Equal("items(parameters('keyVaultSettings'))", ArmModules.CopySource(variables, "secretEnv"));
        Assert.Equal("[items(parameters('keyVaultSettings'))[copyIndex('secretEnv')].value]", (string?)secret["secretRef"]);
        Assert.Null(secret["value"]);
        Assert.Equal("items(parameters('keyVaultSettings'))", ArmModules.CopySource(FunctionsContainerApp.Properties["configuration"]!, "secrets"));
        Assert.Equal("[format('{0}secrets/{1}', parameters('keyVaultUri'), items(parameters('keyVaultSettings'))[copyIndex('secrets')].value)]", (string?)secrets["keyVaultUrl"]);
        Assert.Equal("[parameters('identityId')]", (string?)secrets["identity"]);
        Assert.Null(secrets["value"]);
    }

    [Fact]
    public void Flex_MakesItsAppSettingsFromTheSettings_SecretsAsKeyVaultReferences()
    {
        var module = FlexSite.Scope;
        var variables = TemplateVariables(module);
        var plain = ArmModules.CopyInput(variables, "plainSettings");
        var references = ArmModules.CopyInput(variables, "keyVaultReferences");

        Assert.Equal("[concat(variables('plainSettings'), variables('keyVaultReferences'))]", (string?)FlexSite.Properties["siteConfig"]!["appSettings"]);
        Assert.Equal("items(parameters('settings'))", ArmModules.CopySource(variables, "plainSettings"));
        Assert.Equal("[items(parameters('settings'))[copyIndex('plainSettings')].value]", (string?)plain["value"]);
        Assert.Equal("items(parameters('keyVaultSettings'))", ArmModules.CopySource(variables, "keyVaultReferences"));
        Assert.Equal(
            "[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('keyVaultUri'), items(parameters('keyVaultSettings'))[copyIndex('keyVaultReferences')].value)]",
            (string?)references["value"]);
    }

    private string? Condition(string module) => build.Main.Root.Expand((string)build.Main.Root.Resource(module).Node["condition"]!);

    private static IEnumerable<string> JobScheduleSettings() =>
        new[] { "Plan", "Reply", "Posting", "TrackingReconciler", "Analytics", "DataCollection", "Attribution", "Outcomes", "Learn", "Strategy", "ViralThread", "Followers" }
            .Select(job => $"Jobs__Schedules__{job}");

    private JsonObject TemplateVariables(ArmScope module) =>
        build.Main.Root.Resource(module.Path["main/".Length..]).Properties["template"]!["variables"]!.AsObject();
}
