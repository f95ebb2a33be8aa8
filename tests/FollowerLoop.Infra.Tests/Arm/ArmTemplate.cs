using System.Text.Json.Nodes;

namespace FollowerLoop.Infra.Tests.Arm;

/// <summary>A compiled main.json and every module template nested in it.</summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(ArmScope root) => Root = root;

    public ArmScope Root { get; }

    public IEnumerable<ArmScope> Scopes => Root.SelfAndDescendants();

    public IEnumerable<ArmResource> Resources => Scopes.SelectMany(scope => scope.Resources);

    public static ArmTemplate Load(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidDataException($"{path} is not a JSON object");
        return new ArmTemplate(new ArmScope("main", json, parent: null, bindings: []));
    }

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(resource => !resource.IsExisting && resource.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>The one deployed (not existing) resource of a type; fails when there is none or several.</summary>
    public ArmResource Single(string type) =>
        OfType(type) switch
        {
            [var only] => only,
            var found => throw new InvalidOperationException($"expected one {type}, found {found.Count}"),
        };
}
