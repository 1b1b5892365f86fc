using CsCheck;
using System.Text.RegularExpressions;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Yaml;

/// <summary>
/// The hand-written plain-scalar rule decides exactly what its specification (the regular expressions it
/// replaced, kept here) decides, on every trap word and on random strings over the characters that matter.
/// </summary>
public sealed class PlainScalarRuleTests
{
    private static readonly Regex SafePlain = new(@"\A[A-Za-z_/][A-Za-z0-9_./:@+=~-]*\z", RegexOptions.CultureInvariant);
    private static readonly Regex SpecialWord = new(@"\A(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)\z", RegexOptions.CultureInvariant);

    private static bool Specification(string value) =>
        value.Length > 0 && SafePlain.IsMatch(value) && !SpecialWord.IsMatch(value) && !value.EndsWith(':') && !value.Contains("::", StringComparison.Ordinal) && value != "_";

    [Fact]
    public void Matches_its_specification()
    {
        var traps = new[] { "", "_", "a", "y", "Yes", "NULL", "nulls", "a:b", "a:", "a::b", ":a", "/a", "-a", "a b", "a\n", "é", "a#b", "a'b", "http://x", "1a", "~", "a~" };
        foreach (var trap in traps) Assert.True(Specification(trap) == YamlQuoting.CanBePlain(trap), "disagree on '" + trap + "'");

        const string alphabet = "aZy_/:.@+=~-0 9#'\"é\nNo";
        Property.Check(Gen.Char[alphabet].Array[0, 5].Select(chars => new string(chars)), value =>
            Assert.True(Specification(value) == YamlQuoting.CanBePlain(value), "disagree on '" + value + "'"), cases: 50_000);
    }
}
