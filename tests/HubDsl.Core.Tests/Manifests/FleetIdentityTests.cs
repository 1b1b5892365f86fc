using HubDsl.Core.Manifests;
using HubDsl.Core.Validation;

namespace HubDsl.Core.Tests.Manifests;

/// <summary>The fleet id: a valid Kubernetes label name (apimachinery IsQualifiedName's name part), stable, derived or declared.</summary>
public sealed class FleetIdentityTests
{
    [Theory]
    [InlineData("AgentFleet", "agentfleet")]
    [InlineData("Contoso.Platform.Fleet", "contoso.platform.fleet")]
    [InlineData("team_a", "team_a")]
    [InlineData("My Fleet (prod)", "my-fleet--prod")]
    [InlineData("_Fleet.", "fleet")]
    [InlineData("..--..9", "9")]
    [InlineData("Ünïcode-Fleet", "n-code-fleet")] // letters outside a-z are not allowed in a label name
    public void Assembly_names_become_valid_label_names(string assembly, string expected)
    {
        var id = FleetIdentity.FromAssemblyName(assembly);

        Assert.Equal(expected, id);
        Assert.Null(FleetIdentity.Problem(id));
        Assert.Null(LabelRules.KeyProblem(FleetIdentity.LabelKey(id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("___")]
    [InlineData("Приложение")]
    public void A_name_without_a_usable_character_gets_a_stable_fallback(string? assembly)
    {
        var id = FleetIdentity.FromAssemblyName(assembly);

        Assert.StartsWith("fleet", id);
        Assert.Null(FleetIdentity.Problem(id));
        Assert.Equal(id, FleetIdentity.FromAssemblyName(assembly));
        if (!string.IsNullOrEmpty(assembly)) Assert.Matches("^fleet-[0-9a-f]{8}$", id);
    }

    [Fact]
    public void Long_names_keep_63_characters_and_stay_distinct_by_a_hash_of_the_whole_name()
    {
        var prefix = new string('a', 70);
        var first = FleetIdentity.FromAssemblyName(prefix + ".One");
        var second = FleetIdentity.FromAssemblyName(prefix + ".Two");

        Assert.Equal(63, first.Length);
        Assert.Equal(63, second.Length);
        Assert.NotEqual(first, second);
        Assert.Null(FleetIdentity.Problem(first));
        Assert.Null(LabelRules.KeyProblem(FleetIdentity.LabelKey(first)));
        Assert.Equal(first, FleetIdentity.FromAssemblyName(prefix + ".One"));

        // A cut that lands on a separator is trimmed back to a letter or digit before the hash.
        var dotted = FleetIdentity.FromAssemblyName(new string('b', 53) + "--" + new string('c', 20));
        Assert.Null(FleetIdentity.Problem(dotted));
        Assert.DoesNotContain("---", dotted);
    }

    [Fact]
    public void Exactly_63_characters_is_kept_as_is()
    {
        var name = new string('x', 63);
        Assert.Equal(name, FleetIdentity.FromAssemblyName(name));
        Assert.Null(FleetIdentity.Problem(name));
        Assert.NotNull(FleetIdentity.Problem(name + "x"));
    }

    [Theory]
    [InlineData("team-a")]
    [InlineData("a")]
    [InlineData("platform.payments_v2")]
    [InlineData("0")]
    public void Valid_declared_ids(string id)
    {
        Assert.Null(FleetIdentity.Problem(id));
        Assert.Equal(id, FleetIdentity.Resolve(id, "Other.Assembly"));
    }

    [Theory]
    [InlineData("Team-A", "lower-case")]
    [InlineData("team a", "found ' '")]
    [InlineData("-team", "start and end")]
    [InlineData("team.", "start and end")]
    [InlineData("fleet.hubdsl.io/team", "found '/'")]
    public void Invalid_declared_ids_say_why_and_suggest_one(string id, string why)
    {
        var problem = FleetIdentity.Problem(id);

        Assert.NotNull(problem);
        Assert.Contains(why, problem);
        var suggestion = problem!.Substring(problem.LastIndexOf("e.g. '", StringComparison.Ordinal) + 6).TrimEnd('\'');
        Assert.Null(FleetIdentity.Problem(suggestion));
        Assert.Equal(FleetIdentity.FromAssemblyName("My.Assembly"), FleetIdentity.Resolve(id, "My.Assembly"));
    }

    [Fact]
    public void A_too_long_declared_id_is_invalid()
    {
        Assert.Contains("at most 63", FleetIdentity.Problem(new string('a', 64)));
        Assert.Equal("fallback", FleetIdentity.Resolve(new string('a', 64), "Fallback"));
        Assert.Equal("fallback", FleetIdentity.Resolve("  ", "Fallback"));
    }
}
