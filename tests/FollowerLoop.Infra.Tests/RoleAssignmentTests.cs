using System.Text.RegularExpressions;
using FollowerLoop.Infra.Tests.Arm;

namespace FollowerLoop.Infra.Tests;

public sealed partial class RoleAssignmentTests(InfraBuild build)
{
    private IReadOnlyList<ArmResource> Assignments => build.Main.OfType("Microsoft.Authorization/roleAssignments");

    [Fact]
    public void WorkerIdentity_GetsKeyVaultSecretsUserOnTheVaultAndAcrPullOnTheRegistry_Only()
    {
        var workerIdentityName = build.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Name;
        var vault = build.Main.Single("Microsoft.KeyVault/vaults");
        var registry = build.Main.Single("Microsoft.ContainerRegistry/registries");

        var granted = Assignments
            .Where(assignment => PrincipalIdentityName(assignment) == workerIdentityName)
            .Select(assignment => (Role: RoleId(assignment), Scope: assignment.Scope.Expand((string)assignment.Node["scope"]!)))
            .ToArray();

        Assert.Equal(
            [
                (BuiltInRoles.KeyVaultSecretsUser, ResourceIdOf(vault)),
                (BuiltInRoles.AcrPull, ResourceIdOf(registry)),
            ],
            granted.OrderBy(grant => grant.Role, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRoleAssignment_IsANarrowRoleScopedToOneResource()
    {
        string[] allowed = [BuiltInRoles.KeyVaultSecretsUser, BuiltInRoles.KeyVaultSecretsOfficer, BuiltInRoles.AcrPull];
        string[] broad = [BuiltInRoles.Owner, BuiltInRoles.Contributor, BuiltInRoles.UserAccessAdministrator, BuiltInRoles.KeyVaultAdministrator];

        Assert.Equal(3, Assignments.Count);
        Assert.All(Assignments, assignment =>
        {
            var role = RoleId(assignment);
            Assert.DoesNotContain(role, broad);
            Assert.Contains(role, allowed);
            var scope = assignment.Node["scope"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(scope), $"{assignment} has no resource scope: it would apply to the whole resource group");
            Assert.StartsWith("[resourceId(", assignment.Scope.Expand(scope), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SecretsOfficer_GoesOnlyToTheOperatorAndOnlyWhenOneIsGiven()
    {
        var officer = Assert.Single(Assignments, assignment => RoleId(assignment) == BuiltInRoles.KeyVaultSecretsOfficer);

        Assert.Equal("[parameters('operatorPrincipalId')]", officer.Property("principalId"));
        Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", officer.Scope.Expand((string)officer.Node["condition"]!));
        Assert.Equal("", build.Main.Root.Parameters["operatorPrincipalId"]!["defaultValue"]!.GetValue<string>());
    }

    private static string RoleId(ArmResource assignment)
    {
        var definition = assignment.Property("roleDefinitionId")!;
        var match = RoleDefinition().Match(definition);
        Assert.True(match.Success, $"{assignment} grants a role that is not a built-in role id: {definition}");
        return match.Groups["id"].Value;
    }

    // "[reference('reader').principalId]": the principal of an identity declared in the same template.
    private static string? PrincipalIdentityName(ArmResource assignment)
    {
        var match = PrincipalOfIdentity().Match(assignment.Property("principalId")!);
        if (!match.Success)
        {
            return null;
        }

        var identity = assignment.Scope.Resource(match.Groups["symbol"].Value);
        return identity.Type == "Microsoft.ManagedIdentity/userAssignedIdentities" ? identity.Name : null;
    }

    private static string ResourceIdOf(ArmResource resource) =>
        $"[resourceId('{resource.Type}', {ArmExpression.Inner(resource.Name)})]";

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '(?<id>[0-9a-f-]{36})'\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"^\[reference\('(?<symbol>\w+)'\)\.principalId\]$")]
    private static partial Regex PrincipalOfIdentity();
}
