using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>
/// OnMissingKey: Go stays silent on most misses (prints &lt;no value&gt; or ""), so the engine reports each miss of a
/// field path to the caller. Outputs here are the oracle's (see Oracle/GoOracleCases.jsonl: the same templates and data).
/// </summary>
public class MissingKeyTests
{
    private static readonly Dictionary<string, object?> InCluster = new() { ["name"] = "in-cluster", ["server"] = "https://kubernetes.default.svc" };

    private static Dictionary<string, object?> Cluster() => new()
    {
        ["name"] = "prod",
        ["metadata"] = new Dictionary<string, object?> { ["labels"] = new Dictionary<string, string> { ["env"] = "prod" } },
    };

    private static (string Output, List<string> Misses) Run(string text, object data, MissingKeyOption mode)
    {
        var misses = new List<string>();
        string output = GoTemplate.Parse(text).Execute(data, new GoTemplateOptions { MissingKey = mode, OnMissingKey = misses.Add });
        return (output, misses);
    }

    [Theory]
    [InlineData(MissingKeyOption.Default)]
    [InlineData(MissingKeyOption.Invalid)]
    public void Absent_metadata_prints_no_value_and_is_reported(MissingKeyOption mode)
    {
        var (output, misses) = Run("{{ .metadata.labels.env }}", InCluster, mode);
        Assert.Equal("<no value>", output);
        Assert.Equal(new[] { "metadata.labels.env" }, misses);
    }

    [Fact]
    public void Zero_mode_reports_the_silent_empty_string_of_a_string_map()
    {
        var (output, misses) = Run("[{{ .metadata.labels.team }}]", Cluster(), MissingKeyOption.Zero);
        Assert.Equal("[]", output);
        Assert.Equal(new[] { "metadata.labels.team" }, misses);
    }

    [Fact]
    public void Error_mode_reports_before_failing()
    {
        var misses = new List<string>();
        var t = GoTemplate.Parse("{{ .metadata.labels.env }}");
        var e = Assert.Throws<TemplateExecutionException>(() => t.Execute(InCluster, new GoTemplateOptions { MissingKey = MissingKeyOption.Error, OnMissingKey = misses.Add }));
        // oracle output; the column is that of ".labels", where Go positions a field chain
        Assert.Equal("template: base:1:12: executing \"base\" at <.metadata.labels.env>: map has no entry for key \"metadata\"", e.Message);
        Assert.Equal(new[] { "metadata.labels.env" }, misses);
    }

    [Fact]
    public void Hits_are_not_reported()
    {
        var (output, misses) = Run("{{ .metadata.labels.env }}-{{ .name }}", Cluster(), MissingKeyOption.Default);
        Assert.Equal("prod-prod", output);
        Assert.Empty(misses);
    }

    [Fact]
    public void Each_miss_is_reported_once_per_evaluation_with_the_path_as_written()
    {
        var (output, misses) = Run("{{ .a.b.c }}{{ $x := .metadata }}{{ $x.nope }}{{ range .l }}{{ end }}", Cluster(), MissingKeyOption.Default);
        Assert.Equal("<no value><no value>", output);
        Assert.Equal(new[] { "a.b.c", "$x.nope", "l" }, misses);
    }

    [Fact]
    public void Index_is_not_a_field_path_and_stays_silent()
    {
        // index bypasses missingkey in Go (returns the zero value); ReferencedFields exposes its key for static checks
        var (output, misses) = Run("[{{ index .metadata.labels \"team\" }}]", Cluster(), MissingKeyOption.Error);
        Assert.Equal("[]", output);
        Assert.Empty(misses);
    }
}
