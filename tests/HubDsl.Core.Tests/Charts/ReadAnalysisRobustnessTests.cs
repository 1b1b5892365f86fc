using System.Linq;
using CsCheck;
using HubDsl.Core.Charts;
using HubDsl.Core.Yaml;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

/// <summary>The analysis never throws and never hangs: any template text, however broken or recursive, yields a result.</summary>
public class ReadAnalysisRobustnessTests
{
    private static readonly string[] Templates = FixtureCharts.Files("include-forms").Concat(FixtureCharts.Files("library-folding")).Concat(FixtureCharts.Files("with-range"))
        .Where(f => f.Path.Contains("templates/")).Select(f => f.Text).ToArray();

    private static ChartReads Analyze(params string[] templates) =>
        ChartReads.Analyze(ChartReader.Read(templates.Select((t, i) => new ChartFile("templates/t" + i + ".yaml", t))
            .Append(new ChartFile("Chart.yaml", "apiVersion: v2\nname: fuzz\nversion: 0.1.0\n")).Append(new ChartFile("values.yaml", "a:\n  b: 1\n"))));

    [Fact]
    public void Cut_and_spliced_templates_never_throw()
    {
        var gen = Gen.Select(Gen.Int[0, Templates.Length - 1], Gen.Int[0, 2000], Gen.Int[0, 40], Gen.String[Gen.Char["{}()$.|\" -:=abcinludeVs"], 0, 12]);
        Property.Check(gen, (which, at, cut, insert) =>
        {
            var text = Templates[which];
            at = System.Math.Min(at, text.Length);
            var mutated = text.Substring(0, at) + insert + text.Substring(System.Math.Min(text.Length, at + cut));
            var reads = Analyze(mutated, Templates[(which + 1) % Templates.Length]);
            ValuesKeyCheck.Check(reads, (YamlMapping)YamlReader.Parse("a:\n  c: 1\nz: 2\n"));
        }, cases: 400);
    }

    [Fact]
    public void Recursive_helpers_are_cut_and_their_arguments_stay_silent()
    {
        var reads = Analyze(
            "{{- define \"walk\" -}}{{ range $k, $v := . }}{{ if kindIs \"map\" $v }}{{ include \"walk\" $v }}{{ else }}{{ $k }}{{ end }}{{ end }}{{- end -}}" +
            "{{ include \"walk\" .Values.tree }}{{ .Values.a.b }}");
        var report = ValuesKeyCheck.Check(reads, (YamlMapping)YamlReader.Parse("tree:\n  x:\n    y:\n      z:\n        w: 1\na:\n  typo: 1\n"));
        Assert.Null(reads.GaveUpEntirely);
        Assert.Equal(["a.typo"], report.Unread.Select(u => u.Path.ToString()));
    }

    [Fact]
    public void Exponential_templates_stop_at_the_budget_and_say_so()
    {
        // Each level calls the next twice: 2^40 calls without memoising; the memo and the budget keep it bounded.
        var defines = string.Concat(Enumerable.Range(0, 40).Select(i => "{{- define \"l" + i + "\" -}}{{ include \"l" + (i + 1) + "\" (dict \"n\" " + i + " \"v\" .) }}{{ include \"l" + (i + 1) + "\" (list . " + i + ") }}{{- end -}}"));
        var reads = Analyze(defines + "{{- define \"l40\" -}}{{ . | toString }}{{- end -}}{{ include \"l0\" .Values.a }}");
        Assert.True(reads.GaveUpEntirely == null || reads.GaveUpEntirely.Contains("budget"), reads.GaveUpEntirely);
    }
}
