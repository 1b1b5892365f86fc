using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Cli.Watch;

/// <summary>An AdditionalFiles item as the compiler passes it to generators and analyzers: its path and its text as last read.</summary>
internal sealed class AdditionalFileText(string path, SourceText? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => text;

    /// <summary>Reads the file as the compiler does (encoding from its BOM, UTF-8 otherwise); null when it cannot be read, as the compiler then reports.</summary>
    public static AdditionalFileText Read(string path) => new(path, SourceFiles.TryRead(path));
}
