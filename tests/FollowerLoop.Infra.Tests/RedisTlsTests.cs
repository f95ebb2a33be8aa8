namespace FollowerLoop.Infra.Tests;

public sealed class RedisTlsTests(InfraBuild build)
{
    [Fact]
    public void Redis_AcceptsTls12OrLaterOnly()
    {
        var redis = build.Main.Single("Microsoft.Cache/redis");

        Assert.Equal("false", redis.Property("enableNonSslPort"));
        Assert.Equal("1.2", redis.Property("minimumTlsVersion"));
    }

    [Fact]
    public void RedisConfigurationSecret_ConnectsWithTlsOnTheTlsPort()
    {
        var secret = Assert.Single(
            build.Main.OfType("Microsoft.KeyVault/vaults/secrets"),
            secret => secret.LeafName == "redis-configuration");
        var redis = build.Main.Single("Microsoft.Cache/redis");

        Assert.Same(redis.Scope, secret.Scope);
        Assert.Equal(
            $"[format('{{0}}:{{1}},password={{2}},ssl=true,abortConnect=false', reference('{redis.SymbolicName}').hostName, reference('{redis.SymbolicName}').sslPort, listKeys('{redis.SymbolicName}', '{redis.Node["apiVersion"]}').primaryKey)]",
            secret.Property("value"));
    }
}
