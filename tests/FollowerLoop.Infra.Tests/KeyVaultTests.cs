using System.Text.Json.Nodes;

namespace FollowerLoop.Infra.Tests;

public sealed class KeyVaultTests(InfraBuild build)
{
    [Fact]
    public void KeyVault_AuthorizesWithRbacOnly()
    {
        var vault = build.Main.Single("Microsoft.KeyVault/vaults");

        Assert.Equal("true", vault.Property("enableRbacAuthorization"));
        Assert.True(vault.Properties["accessPolicies"] is null or JsonArray { Count: 0 });
    }

    [Fact]
    public void KeyVault_KeepsDeletedSecretsRecoverable()
    {
        var vault = build.Main.Single("Microsoft.KeyVault/vaults");

        Assert.Equal("true", vault.Property("enableSoftDelete"));
        Assert.Equal("true", vault.Property("enablePurgeProtection"));
    }

    [Fact]
    public void ProvidedSecrets_AreWrittenOnlyWhenGiven()
    {
        var provided = Assert.Single(
            build.Main.OfType("Microsoft.KeyVault/vaults/secrets"),
            secret => secret.Scope.Path == "main/keyVault");

        Assert.Equal("[not(empty(items(parameters('providedSecrets'))[copyIndex()].value))]", (string?)provided.Node["condition"]);
    }
}
