using System.Text.Json;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>
/// Replays the Sprig v3.3.0 oracle rows (SprigV33OracleCases.cs: abbrev, abbrevboth, initials, wrap, wrapWith, swapcase,
/// camelcase, kebabcase, snakecase, sha512sum, urlParse, urlJoin, decryptAES, derivePassword, duration, durationRound,
/// semver, and functions refused only when called) and demands Go's output or Go's error message.
/// </summary>
public class SprigV33OracleTests
{
    // Deliberate differences, each with its reason (and a test of its own where the behaviour matters).
    internal static readonly Dictionary<string, string> KnownDifferences = new()
    {
        ["{{ \"plaintext\" | encryptAES \"secretkey\" | decryptAES \"secretkey\" }}"] = "encryptAES draws a random IV, so HubDsl refuses it when called (offline output could not match Argo CD); decryptAES of fixed ciphertexts is checked by the other rows",
    };

    private static readonly Lazy<List<OracleData.Row>> AllRows = new(Load);

    public static IEnumerable<object[]> Cases() => AllRows.Value.Select((r, i) => new object[] { i, r.Template });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_go_with_sprig_3_3_0(int index, string template)
    {
        var row = AllRows.Value[index];
        Assert.Equal(template, row.Template);
        if (KnownDifferences.ContainsKey(template))
        {
            var e = Assert.Throws<TemplateExecutionException>(() => GoTemplate.Parse(template).Execute(row.Data, new GoTemplateOptions()));
            Assert.Contains("error calling encryptAES: function \"encryptAES\" is not supported by HubDsl's template engine", e.Message);
            return;
        }

        GoTemplate t;
        try
        {
            t = GoTemplate.Parse(row.Template);
        }
        catch (TemplateParseException e)
        {
            Assert.Equal(row.ParseError ?? "(no parse error; output " + row.Output + ")", e.Message);
            return;
        }

        Assert.Null(row.ParseError);
        var options = new GoTemplateOptions { MissingKey = row.Mode, YamlParser = OracleData.ParseJsonAsYaml };
        try
        {
            var output = t.Execute(row.Data, options);
            Assert.Null(row.ExecError);
            Assert.Equal(row.Output, output);
        }
        catch (TemplateExecutionException e)
        {
            Assert.Equal(row.ExecError ?? "(no execution error; output " + row.Output + ")", e.Message);
        }
    }

    [Fact]
    public void The_rows_cover_every_function_the_issue_lists()
    {
        var templates = string.Join("\n", AllRows.Value.Select(r => r.Template));
        foreach (var fn in new[] { "abbrev ", "abbrevboth", "camelcase", "kebabcase", "snakecase", "swapcase", "initials", "wrap ", "wrapWith", "semver ", "sha512sum", "urlParse", "urlJoin", "decryptAES", "derivePassword", "duration ", "durationRound" })
        {
            Assert.Contains("{{ " + fn, templates);
        }

        Assert.True(AllRows.Value.Count >= 500, "rows: " + AllRows.Value.Count);
    }

    private static List<OracleData.Row> Load()
    {
        using var doc = JsonDocument.Parse(SprigV33OracleCases.Json);
        var data = doc.RootElement.GetProperty("data").EnumerateArray().ToList();
        var rows = new List<OracleData.Row>();
        foreach (var e in doc.RootElement.GetProperty("rows").EnumerateArray())
        {
            var m = e.GetProperty("m").GetString()!;
            rows.Add(new OracleData.Row(
                e.GetProperty("t").GetString()!,
                data[e.GetProperty("d").GetInt32()].GetRawText(),
                OracleData.ParseMode(m),
                m,
                e.GetProperty("out").GetString()!,
                e.TryGetProperty("perr", out var p) ? p.GetString() : null,
                e.TryGetProperty("eerr", out var x) ? x.GetString() : null,
                MayRefuse: false));
        }

        return rows;
    }
}
