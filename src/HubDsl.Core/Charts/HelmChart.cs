using System;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>
/// A Helm chart as HubDsl reads it (<see cref="ChartReader"/>): Chart.yaml's name and dependencies, the parsed
/// values.yaml with its text (for doc comments), values.schema.json's text, the template files and the vendored
/// subcharts. Equality is by content, cheap to compare (a fingerprint first), so a generator step that takes a chart
/// caches until one of its files changes.
/// </summary>
public sealed class HelmChart : IEquatable<HelmChart>
{
    private readonly long _fingerprint;

    internal HelmChart(string directory, string name, bool isLibrary, EquatableArray<ChartDependency> dependencies, YamlMapping values, string valuesText,
        string? schemaText, EquatableArray<ChartFile> templates, EquatableArray<HelmChart> subcharts, EquatableArray<ChartProblem> problems, bool valuesUnreadable)
    {
        Directory = directory;
        Name = name;
        IsLibrary = isLibrary;
        Dependencies = dependencies;
        Values = values;
        ValuesText = valuesText;
        SchemaText = schemaText;
        Templates = templates;
        Subcharts = subcharts;
        Problems = problems;
        ValuesUnreadable = valuesUnreadable;
        _fingerprint = Fingerprint();
    }

    /// <summary>The chart's directory relative to the top chart (empty for the top chart, <c>charts/redis-ha</c> for a subchart).</summary>
    public string Directory { get; }

    /// <summary>Chart.yaml <c>name</c> (a subchart's templates are named <c>&lt;parent&gt;/charts/&lt;dir&gt;/templates/...</c>).</summary>
    public string Name { get; }

    /// <summary><c>type: library</c>: only its <c>_</c> files count, as defines for the charts that use it.</summary>
    public bool IsLibrary { get; }

    /// <summary>Chart.yaml's <c>dependencies</c>.</summary>
    public EquatableArray<ChartDependency> Dependencies { get; }

    /// <summary>values.yaml (an empty mapping when the chart has none).</summary>
    public YamlMapping Values { get; }

    /// <summary>values.yaml's text, for its doc comments (empty when none).</summary>
    public string ValuesText { get; }

    /// <summary>values.schema.json's text, or null.</summary>
    public string? SchemaText { get; }

    /// <summary>Every file under <c>templates/</c>, path relative to this chart's directory.</summary>
    public EquatableArray<ChartFile> Templates { get; }

    /// <summary>The subcharts vendored as directories under <c>charts/</c>, each as Chart.yaml names it.</summary>
    public EquatableArray<HelmChart> Subcharts { get; }

    /// <summary>What could not be read (packaged <c>.tgz</c> dependencies, YAML errors, limits), this chart's and its subcharts'.</summary>
    public EquatableArray<ChartProblem> Problems { get; }

    /// <summary>values.yaml (or Chart.yaml) did not parse: Helm itself would fail, so the checks stay silent.</summary>
    public bool ValuesUnreadable { get; }

    /// <inheritdoc/>
    public bool Equals(HelmChart? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._fingerprint != _fingerprint) return false;
        return string.Equals(Directory, other.Directory, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && IsLibrary == other.IsLibrary && ValuesUnreadable == other.ValuesUnreadable
            && string.Equals(ValuesText, other.ValuesText, StringComparison.Ordinal) && string.Equals(SchemaText, other.SchemaText, StringComparison.Ordinal)
            && Dependencies.Equals(other.Dependencies) && Templates.Equals(other.Templates) && Subcharts.Equals(other.Subcharts) && Problems.Equals(other.Problems);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HelmChart chart && Equals(chart);

    /// <inheritdoc/>
    public override int GetHashCode() => _fingerprint.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Directory.Length == 0 ? Name : Directory + " (" + Name + ")";

    // FNV-1a over everything equality compares: different charts almost never share it, so Equals rarely compares texts.
    private long Fingerprint()
    {
        unchecked
        {
            var hash = (long)14695981039346656037UL;
            void Add(string? text)
            {
                if (text is null) { hash = (hash ^ 0x1F) * 1099511628211L; return; }
                foreach (var c in text) hash = (hash ^ c) * 1099511628211L;
                hash = (hash ^ 0x1E) * 1099511628211L;
            }

            Add(Directory);
            Add(Name);
            Add(IsLibrary ? "lib" : "app");
            Add(ValuesText);
            Add(SchemaText);
            foreach (var d in Dependencies) Add(d.Name + "\u001f" + d.Alias + "\u001f" + d.Condition + "\u001f" + string.Join(",", d.Tags));
            foreach (var t in Templates) { Add(t.Path); Add(t.Text); }
            foreach (var s in Subcharts) hash = (hash ^ s._fingerprint) * 1099511628211L;
            foreach (var p in Problems) Add(p.ToString());
            return hash;
        }
    }
}
