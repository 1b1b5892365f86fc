using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Benchmarks;

/// <summary>The <c>HubDslRecordValues</c> build property as MSBuild hands it to generators (a compiler-visible property).</summary>
internal sealed class RecordValuesOptions : AnalyzerConfigOptionsProvider
{
    public static RecordValuesOptions On { get; } = new("true");

    public static RecordValuesOptions Off { get; } = new("false");

    private readonly Options _global;

    private RecordValuesOptions(string value) => _global = new Options(value);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(string? value) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new(null);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? result)
        {
            result = key == "build_property.HubDslRecordValues" ? value : null;
            return result is not null;
        }
    }
}
