using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FollowerLoop.Infra.Tests.Arm;

/// <summary>One resource of a compiled template, with the template (scope) it is declared in.</summary>
internal sealed partial record ArmResource(ArmScope Scope, string SymbolicName, JsonObject Node)
{
    public string Type => (string)Node["type"]!;

    public bool IsExisting => Node["existing"]?.GetValue<bool>() == true;

    /// <summary>The resource name, with parameters and variables expanded as far as the template allows.</summary>
    public string Name => Scope.Expand((string)Node["name"]!);

    /// <summary>A child resource's own name: "secret" of "vault/secret" or of format('{0}/{1}', vault, 'secret').</summary>
    public string LeafName =>
        LeafOfFormat().Match(Name) is { Success: true } match ? match.Groups["leaf"].Value : Name.Split('/')[^1];

    public JsonObject Properties => Node["properties"]?.AsObject() ?? [];

    /// <summary>A string property under <c>properties</c>, e.g. "network.publicNetworkAccess", expanded.</summary>
    public string? Property(string path)
    {
        JsonNode? node = Properties;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node is null ? null : Scope.ExpandValue(node);
    }

    public override string ToString() => $"{Scope.Path}/{SymbolicName} ({Type})";

    [GeneratedRegex(@"'(?<leaf>[^'/]+)'\)\]$")]
    private static partial Regex LeafOfFormat();
}
