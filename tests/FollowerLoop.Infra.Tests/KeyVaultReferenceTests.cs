using System.Text.Json.Nodes;
using FollowerLoop.Infra.Tests.Arm;

namespace FollowerLoop.Infra.Tests;

public sealed class KeyVaultReferenceTests(InfraBuild build)
{
    private static readonly Dictionary<string, string> SecretSettings = new()
    {
        ["Database__ConnectionString"] = "database-connection-string",
        ["Redis__Configuration"] = "redis-configuration",
        ["XClient__SessionStateJson"] = "x-session-json",
        ["Llm__ApiKey"] = "llm-api-key",
        ["Dashboard__Password"] = "dashboard-password",
    };

    private WorkerApp Worker => new(build.Main.Single("Microsoft.App/containerApps"));

    [Fact]
    public void SecretSettings_AreSecretRefsToTheirKeyVaultSecrets_NeverValues()
    {
        var worker = Worker;
        var secretNames = worker.Secrets.Select(secret => worker.Expand(secret["name"]!)).ToHashSet();

        foreach (var (setting, keyVaultSecret) in SecretSettings)
        {
            var variable = worker.Variable(setting);
            Assert.Null(variable["value"]);
            Assert.Equal(keyVaultSecret, worker.Expand(variable["secretRef"]!));
            Assert.Contains(keyVaultSecret, secretNames);
        }
    }

    [Fact]
    public void WorkerSecrets_AreKeyVaultUrlsOfTheDeployedVault_ReadWithTheWorkerIdentity()
    {
        var worker = Worker;
        var identityId = WorkerApp.IdentityIdOf(build.Main);

        Assert.Equal(SecretSettings.Values.Order(), worker.Secrets.Select(secret => worker.Expand(secret["name"]!)).Order());
        foreach (var secret in worker.Secrets)
        {
            var name = worker.Expand(secret["name"]!);
            Assert.Null(secret["value"]);
            Assert.Equal(
                $"[format('{{0}}secrets/{{1}}', reference('keyVault').outputs.uri.value, '{name}')]",
                worker.Expand(secret["keyVaultUrl"]!));
            Assert.Equal(identityId, worker.Expand(secret["identity"]!));
        }

        var keyVaultModule = build.Main.Root.Child("keyVault");
        var vault = build.Main.Single("Microsoft.KeyVault/vaults");
        Assert.Same(keyVaultModule, vault.Scope);
        Assert.Equal($"[reference('{vault.SymbolicName}').vaultUri]", (string?)keyVaultModule.Outputs["uri"]?["value"]);
    }

    [Fact]
    public void EveryContainerAppAndJobSecret_IsAKeyVaultReferenceWithAnIdentity()
    {
        var apps = build.Main.OfType("Microsoft.App/containerApps").Concat(build.Main.OfType("Microsoft.App/jobs")).ToArray();
        Assert.Equal(2, apps.Length);

        foreach (var app in apps.Select(resource => new WorkerApp(resource)))
        {
            Assert.NotEmpty(app.Secrets);
            Assert.All(app.Secrets, secret =>
            {
                Assert.Null(secret["value"]);
                Assert.NotNull(secret["keyVaultUrl"]);
                Assert.NotNull(secret["identity"]);
            });
            Assert.All(app.Environment, variable => Assert.False(
                variable["value"] is not null && variable["secretRef"] is not null,
                $"{variable["name"]} has both a value and a secretRef"));
        }
    }

    [Fact]
    public void EverySecretTheWorkerReads_IsWrittenToKeyVaultByTheDeployment()
    {
        var written = build.Main.OfType("Microsoft.KeyVault/vaults/secrets")
            .Where(secret => secret.Scope.Path != "main/keyVault")
            .Select(secret => secret.LeafName)
            .Concat(ProvidedSecretNames())
            .ToHashSet();

        Assert.Subset(written, SecretSettings.Values.ToHashSet());
    }

    [Fact]
    public void GeneratedSecrets_AreWrittenByTheModulesThatOwnTheirKeys()
    {
        var byScope = build.Main.OfType("Microsoft.KeyVault/vaults/secrets")
            .Where(secret => secret.Scope.Path != "main/keyVault")
            .ToDictionary(secret => secret.LeafName, secret => secret.Scope.Path);

        Assert.Equal("main/postgres", byScope["database-connection-string"]);
        Assert.Equal("main/redis", byScope["redis-configuration"]);
    }

    // The operator's secrets reach the keyVault module as one secure object keyed by secret name.
    private IEnumerable<string> ProvidedSecretNames()
    {
        var module = build.Main.Root.Resource("keyVault");
        var provided = module.Properties["parameters"]!["providedSecrets"]!["value"]!.AsObject();
        Assert.True(build.Main.Root.Child("keyVault").IsSecureParameter("providedSecrets"));
        return provided.Select(pair => build.Main.Root.Expand(pair.Key));
    }
}
