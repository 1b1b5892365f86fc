using System;
using System.Collections.Generic;

namespace HubDsl.Core.Charts.Reads;

// The abstract values the read analysis tracks for dot, $ and every variable: what a template expression may hold
// at run time, as far as reading .Values is concerned. A set of them (ValueSet) is joined at branches.

internal abstract class AbstractValue
{
}

/// <summary>Anything the analysis does not model (cluster data, numbers, booleans, function results).</summary>
internal sealed class UnknownValue : AbstractValue
{
    public static readonly UnknownValue Instance = new();
    private UnknownValue() { }
}

/// <summary>Text read from the chart's files (<c>.Files.Get</c>): a template string the analysis has not seen.</summary>
internal sealed class FileTextValue : AbstractValue
{
    public static readonly FileTextValue Instance = new();
    private FileTextValue() { }
}

/// <summary>A constant string (folded from literals, <c>print</c>, <c>splitList</c>, include output).</summary>
internal sealed class StringValue : AbstractValue, IEquatable<StringValue>
{
    public StringValue(string text) => Text = text;
    public string Text { get; }
    public bool Equals(StringValue? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is StringValue s && Equals(s);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}

/// <summary>A constant integer (list indexes for <c>index $tuple 0</c>).</summary>
internal sealed class NumberValue : AbstractValue, IEquatable<NumberValue>
{
    public NumberValue(long value) => Value = value;
    public long Value { get; }
    public bool Equals(NumberValue? other) => other is not null && other.Value == Value;
    public override bool Equals(object? obj) => obj is NumberValue n && Equals(n);
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>The top-level context of a chart's templates (<c>.Values</c>, <c>.Files</c>, <c>.Template</c>, <c>.Subcharts</c>...).</summary>
internal sealed class RootValue : AbstractValue
{
    public RootValue(ChartScope scope) => Scope = scope;
    public ChartScope Scope { get; }
}

/// <summary>A reference into the values at an absolute path (a subchart's <c>.Values</c> is its prefix); segments may be the wildcard.</summary>
internal sealed class PathValue : AbstractValue, IEquatable<PathValue>
{
    public const string Wildcard = "\u0000*";

    public PathValue(string[] path, ChartScope scope)
    {
        Path = path;
        Scope = scope;
        Key = string.Join("\u001f", path);
    }

    public string[] Path { get; }
    public ChartScope Scope { get; }
    public string Key { get; }
    public bool HasWildcard => Array.IndexOf(Path, Wildcard) >= 0;
    public bool Equals(PathValue? other) => other is not null && ReferenceEquals(Scope, other.Scope) && other.Path.Length == Path.Length && string.Equals(Key, other.Key, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is PathValue p && Equals(p);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}

/// <summary>A map built by the templates (<c>dict</c>, <c>deepCopy</c>, <c>merge</c>, <c>pick</c>): mutable, as Go's.</summary>
internal sealed class DictValue : AbstractValue
{
    public DictValue(int id) => Id = id;
    public int Id { get; }
    public Dictionary<string, ValueSet> Fields { get; } = new(StringComparer.Ordinal);
    /// <summary>Maps whose entries this one also holds (merge, deepCopy sources).</summary>
    public ValueSet Sources { get; set; } = ValueSet.Empty;
    /// <summary>Values stored under keys the analysis could not fold.</summary>
    public ValueSet UnknownFields { get; set; } = ValueSet.Empty;
}

/// <summary>A list built by the templates; <see cref="Ordered"/> when every element is exactly known (tuple unpacking, unrolled ranges).</summary>
internal sealed class ListValue : AbstractValue
{
    public ListValue(int id) => Id = id;
    public int Id { get; }
    public ValueSet Elements { get; set; } = ValueSet.Empty;
    public List<AbstractValue>? Ordered { get; set; }
}

/// <summary><c>.Files</c>: its methods return <see cref="FileTextValue"/>.</summary>
internal sealed class FilesValue : AbstractValue
{
    public static readonly FilesValue Instance = new();
    private FilesValue() { }
}

/// <summary><c>.Subcharts</c> of a chart: <c>.Subcharts.name</c> is that subchart's root.</summary>
internal sealed class SubchartsValue : AbstractValue
{
    public SubchartsValue(ChartScope scope) => Scope = scope;
    public ChartScope Scope { get; }
}

/// <summary><c>.Template</c>: <c>.Template.BasePath</c> folds to the chart's template directory.</summary>
internal sealed class TemplateInfoValue : AbstractValue
{
    public TemplateInfoValue(ChartScope scope) => Scope = scope;
    public ChartScope Scope { get; }
}
