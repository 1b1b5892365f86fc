using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Tests.Shared;

/// <summary>MSBuild properties as the compiler hands compiler-visible ones to generators (<c>build_property.NAME</c>).</summary>
internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public BuildProperties(params (string Name, string Value)[] properties) =>
        _global = new Options(properties.ToImmutableDictionary(p => "build_property." + p.Name, p => p.Value));

    /// <summary>HubDslRecordValues set to <paramref name="value"/>, or unset when null.</summary>
    public static BuildProperties RecordValues(bool? value) =>
        value is { } set ? new BuildProperties(("HubDslRecordValues", set ? "true" : "false")) : new BuildProperties();

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
