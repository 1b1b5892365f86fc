using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Cli.Watch;

/// <summary>
/// A loaded project kept warm: its compilation (a saved file replaces one syntax tree, reparsed incrementally from
/// the old one) and one generator driver whose incremental state carries from pass to pass, so a pass re-runs
/// only the generator steps whose inputs changed. Each pass then runs the project's analyzers over the compilation
/// with the generated code, as the build does, and reads the generated manifests from it exactly as the build task
/// reads them from the compiled assembly.
/// </summary>
internal sealed class WarmSession
{
    private readonly LoadedProject _project;
    private readonly Dictionary<string, SyntaxTree> _documents;
    private readonly Dictionary<string, AdditionalText> _additional;
    private CSharpCompilation _compilation;
    private GeneratorDriver _driver;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

    public WarmSession(LoadedProject project)
    {
        _project = project;
        _compilation = project.Compilation;
        _documents = new Dictionary<string, SyntaxTree>(project.Documents, StringComparer.Ordinal);
        _additional = project.AdditionalFiles.ToDictionary(a => a.Path, StringComparer.Ordinal);
        _driver = CSharpGeneratorDriver.Create(project.Generators, project.AdditionalFiles, project.ParseOptions, project.OptionsProvider);
        _analyzers = AnalyzerSelection.ThatMatter(project.Analyzers, project.Compilation, project.OptionsProvider);
    }

    public LoadedProject Project => _project;

    /// <summary>Whether a path is one of the compiled sources.</summary>
    public bool IsDocument(string path) => _documents.ContainsKey(path);

    /// <summary>Whether a path is one of the project's AdditionalFiles.</summary>
    public bool IsAdditionalFile(string path) => _additional.ContainsKey(path);

    /// <summary>Whether a compiled source holds this text.</summary>
    public bool HasText(string path, SourceText text) => _documents[path].GetText().ContentEquals(text);

    /// <summary>Whether an AdditionalFiles item holds this text (null: unreadable).</summary>
    public bool HasAdditionalText(string path, SourceText? text) => _additional[path].GetText() is { } before && text is not null && before.ContentEquals(text);

    /// <summary>Takes a saved source's new text; false when it has not changed (an editor's save of an unchanged buffer).</summary>
    public bool UpdateDocument(string path, SourceText text)
    {
        if (HasText(path, text)) return false;
        var old = _documents[path];
        var updated = old.WithChangedText(text);
        _compilation = _compilation.ReplaceSyntaxTree(old, updated);
        _documents[path] = updated;
        return true;
    }

    /// <summary>Takes an AdditionalFiles item's new text (generators and analyzers see it on the next pass).</summary>
    public bool UpdateAdditionalFile(string path, SourceText? text)
    {
        if (HasAdditionalText(path, text)) return false;
        var old = _additional[path];
        var updated = new AdditionalFileText(path, text);
        _driver = _driver.ReplaceAdditionalText(old, updated);
        _additional[path] = updated;
        return true;
    }

    /// <summary>Runs the generators and analyzers over the current sources.</summary>
    public async Task<PassResult> RunAsync(CancellationToken cancellation)
    {
        var generated = Generate(cancellation);
        var diagnostics = await DiagnosticsAsync(generated, cancellation);
        return generated.With(diagnostics);
    }

    /// <summary>Runs the generators over the current sources (the driver keeps what did not change).</summary>
    public GeneratedPass Generate(CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _driver = _driver.RunGeneratorsAndUpdateCompilation(_compilation, out var output, out var generatorDiagnostics, cancellation);
        return new GeneratedPass(output, generatorDiagnostics, GeneratedManifests, clock.ElapsedMilliseconds);
    }

    /// <summary>Every diagnostic the build would report on the generated compilation: the compiler's and the analyzers'.</summary>
    public async Task<TimedDiagnostics> DiagnosticsAsync(GeneratedPass generated, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics;
        if (_analyzers.IsEmpty)
        {
            diagnostics = generated.Output.GetDiagnostics(cancellation);
        }
        else
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([.. _additional.Values], _project.OptionsProvider), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            diagnostics = await generated.Output.WithAnalyzers(_analyzers, options).GetAllDiagnosticsAsync(cancellation);
        }

        return new TimedDiagnostics(generated.GeneratorDiagnostics.AddRange(diagnostics).Where(d => !d.IsSuppressed).ToList(), clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// Does a pass's work and keeps none of it: the generator after a save (the largest source with a blank line added,
    /// a change that alters no value) and the diagnostics. The runtime compiles and optimises the code a pass runs
    /// (tiered JIT) only after it has run a few times, so without this the first saves after a start each take several
    /// times as long as later ones. Runs while no save is waiting; <paramref name="cancellation"/> stops it at once.
    /// </summary>
    public async Task WarmUpAsync(int rounds, CancellationToken cancellation)
    {
        if (_documents.Count == 0) return;
        var largest = _documents.Values.OrderByDescending(t => t.Length).First();
        var text = largest.GetText(cancellation);
        for (var i = 0; i < rounds; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var edited = largest.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), i % 2 == 0 ? "\n" : "\n\n")));
            _driver.RunGeneratorsAndUpdateCompilation(_compilation.ReplaceSyntaxTree(largest, edited), out var output, out var generatorDiagnostics, cancellation);
            var pass = new GeneratedPass(output, generatorDiagnostics, GeneratedManifests, 0);
            _ = pass.Manifests;
            await DiagnosticsAsync(pass, cancellation);
        }

        // The runtime optimises the methods the rounds made hot on a background thread, after they ran; until it is done,
        // it takes a core from the first saves. Wait until it compiles nothing new for 250 ms (at most 10 s).
        var quietFor = TimeSpan.FromMilliseconds(250);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += quietFor)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await Task.Delay(quietFor, cancellation);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() == compiled) break;
        }
    }

    // The [assembly: HubDsl.GeneratedManifest(path, content)] attributes: what the build task reads from the assembly's metadata.
    // In attribute order, duplicates kept: the file sync refuses one path generated twice with different content.
    private static IReadOnlyList<GeneratedManifest> GeneratedManifests(Compilation compilation)
    {
        var files = new List<GeneratedManifest>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "GeneratedManifestAttribute", ContainingNamespace: { Name: "HubDsl", ContainingNamespace.IsGlobalNamespace: true } }) continue;
            if (attribute.ConstructorArguments is [{ Value: string path }, { Value: string content }]) files.Add(new GeneratedManifest(path, content));
        }

        return files;
    }
}
