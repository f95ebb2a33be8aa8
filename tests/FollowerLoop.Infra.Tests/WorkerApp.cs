using System.Text.Json.Nodes;
using FollowerLoop.Infra.Tests.Arm;

namespace FollowerLoop.Infra.Tests;

/// <summary>What the tests read off a container app or job: its container, env and secrets.</summary>
internal sealed class WorkerApp(ArmResource resource)
{
    public ArmResource Resource { get; } = resource;

    public JsonObject Configuration => Resource.Properties["configuration"]!.AsObject();

    public JsonObject Container => Resource.Properties["template"]!["containers"]!.AsArray().Single()!.AsObject();

    public IReadOnlyList<JsonObject> Secrets =>
        Configuration["secrets"]?.AsArray().Select(secret => secret!.AsObject()).ToArray() ?? [];

    public IReadOnlyList<JsonObject> Environment =>
        Container["env"]!.AsArray().Select(variable => variable!.AsObject()).ToArray();

    public JsonObject Variable(string name) =>
        Environment.SingleOrDefault(variable => (string?)variable["name"] == name)
        ?? throw new InvalidOperationException($"{Resource} sets no {name}");

    public string Expand(JsonNode node) => Resource.Scope.ExpandValue(node);

    /// <summary>The worker identity's resource id as main.json computes it.</summary>
    public static string IdentityIdOf(ArmTemplate template)
    {
        var identity = template.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        return $"[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', {ArmExpression.Inner(identity.Name)})]";
    }
}
