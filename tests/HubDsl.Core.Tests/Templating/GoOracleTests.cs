using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>
/// Replays every case the Go oracle ran (Oracle/GoOracleCases.jsonl) and demands the same output or the same error message.
/// </summary>
public class GoOracleTests
{
    // Differences from the Go 1.19 oracle that are deliberate (Argo CD is built with a newer Go, or HubDsl reports an
    // unimplemented feature instead of computing a possibly wrong value). Each entry says why.
    internal static readonly Dictionary<string, string> KnownDifferences = new()
    {
        ["{{ with .nope }}a{{ else with .s }}{{ . }}{{ end }}"] = "else-with exists since Go 1.23, which Argo CD uses; Go 1.19 rejects it",
        ["{{ printf \"%#v\" .m }}"] = "%#v is refused with a clear error (see TemplateEngineTests)",
        ["{{ printf \"%#v\" .s }}"] = "%#v is refused with a clear error (see TemplateEngineTests)",
        ["{{ range .n }}x{{ end }}"] = "range over an integer exists since Go 1.24, which Argo CD uses; Go 1.19 rejects it (see TemplateEngineTests)",
        ["{{ 1i }}"] = "complex constants are rejected at parse time with a clear message (see TemplateEngineTests)",
    };

    // Go 1.19 cannot range over an integer; Go 1.24 (Argo CD's) can, and so does HubDsl (TemplateEngineTests covers it).
    internal static bool IsNewerGoRange(OracleData.Row row) =>
        row.ExecError != null && System.Text.RegularExpressions.Regex.IsMatch(row.ExecError, @"range can't iterate over -?[0-9]+$");

    public static IEnumerable<object[]> Cases() =>
        OracleData.Rows.Select((r, i) => new object[] { i, r.Template, r.ModeText });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_go(int index, string template, string mode)
    {
        var row = OracleData.Rows[index];
        Assert.Equal(template, row.Template);
        _ = mode;
        if (KnownDifferences.ContainsKey(template) || IsNewerGoRange(row)) return; // covered by a dedicated test instead

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

        // JSON is YAML: the fromYaml cases only feed JSON documents, so a JSON parser stands in for a YAML one.
        var options = new GoTemplateOptions { MissingKey = row.Mode, YamlParser = OracleData.ParseJsonAsYaml };
        try
        {
            string output = t.Execute(row.Data, options);
            Assert.Null(row.ExecError);
            Assert.Equal(row.Output, output);
        }
        catch (TemplateExecutionException e)
        {
            // rows marked "r" (exotic printf flags) may be refused explicitly, never answered differently
            if (row.MayRefuse && e.Message.Contains("is not supported by HubDsl")) return;
            Assert.Equal(row.ExecError ?? "(no execution error; output " + row.Output + ")", e.Message);
        }
    }
}
