using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Core.Tests.Architecture;

/// <summary>
/// Core's namespaces form layers: code may use its own namespace and the layers below it,
/// never a layer above or a namespace beside it, so no two namespaces depend on each other in a circle. Core's sources
/// are compiled here and every name in them is bound: a type, member or constant used from another namespace counts,
/// however it is written (a using, a qualified name, an extension method); documentation comments do not.
/// </summary>
public sealed class CoreLayerTests
{
    /// <summary>Bottom to top; a namespace may use only the namespaces in the rows above its own.</summary>
    internal static readonly string[][] Layers =
    {
        new[] { "Internal" },
        new[] { "Yaml", "Templating", "FileSync" },
        new[] { "Validation", "Schema" },
        new[] { "Rendering" },
        new[] { "Model" },
        new[] { "Declarations", "Manifests" },
        new[] { "Binding", "Analysis" },
        new[] { "Charts" },
    };

    private static readonly Lazy<CoreSources> Sources = new(CoreSources.Load);

    [Fact]
    public void Core_compiles_here_so_every_name_is_bound()
    {
        var errors = Sources.Value.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();
        Assert.True(errors.Count == 0, "Core's sources do not compile in the layer test, so some names are not bound:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Every_namespace_of_Core_has_a_layer()
    {
        var placed = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var unplaced = Sources.Value.Namespaces.Where(n => !placed.Contains(n)).ToList();
        Assert.True(unplaced.Count == 0, "Put each new namespace in a layer (CoreLayerTests.Layers): " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_namespace_uses_a_layer_above_it_or_beside_it()
    {
        var violations = Sources.Value.Uses().Where(u => !Allowed(u.From, u.To)).ToList();
        Assert.True(violations.Count == 0,
            "Core's layers (bottom to top: " + string.Join(" < ", Layers.Select(l => string.Join("|", l))) + ") are broken:\n"
            + string.Join("\n", violations.GroupBy(v => (v.From, v.To)).Select(g => g.Key.From + " -> " + g.Key.To + ": " + string.Join("; ", g.Select(v => v.Where + " " + v.Symbol).Distinct().Take(5)))));
    }

    [Fact]
    public void The_check_sees_a_use_written_in_any_form()
    {
        // The check itself: a use through a using, a qualified or partly qualified name, a constant, nameof or an
        // extension method is found.
        var uses = Sources.Value.UsesIn(
            """
            using HubDsl.Core.Manifests;
            using HubDsl.Core.Model;
            namespace HubDsl.Core.Rendering
            {
                internal static class Probe
                {
                    public const string Label = ManifestLabels.ManagedByKey;
                    public const string Name = nameof(HubDsl.Core.Declarations.DslNames.Cluster);
                    public static string A() => HubDsl.Core.Binding.FleetBinder.ShortName("A.B");
                    public static string B() => Analysis.FleetValidator.Declaration("A.B");
                    public static object C() => new[] { "a" }.ToEquatableArray();
                }
            }
            """).Select(u => u.To).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "Analysis", "Binding", "Declarations", "Manifests", "Model" }, uses);
        Assert.False(Allowed("Rendering", "Manifests"));
        Assert.False(Allowed("Binding", "Analysis"));
        Assert.True(Allowed("Manifests", "Rendering"));
    }

    private static bool Allowed(string from, string to)
    {
        if (from == to) return true;
        var fromLayer = Array.FindIndex(Layers, l => l.Contains(from));
        var toLayer = Array.FindIndex(Layers, l => l.Contains(to));
        return fromLayer >= 0 && toLayer >= 0 && toLayer < fromLayer;
    }

    private sealed record Use(string From, string To, string Where, string Symbol);

    private sealed class CoreSources
    {
        private const string Root = "HubDsl.Core";

        private CoreSources(CSharpCompilation compilation) => Compilation = compilation;

        public CSharpCompilation Compilation { get; private set; }

        /// <summary>Core's namespaces, by layer name.</summary>
        public IReadOnlyList<string> Namespaces =>
            Compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
                .Select(n => LayerOf(n.Name.ToString())).OfType<string>().Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

        public static CoreSources Load()
        {
            var core = Path.Combine(RepositoryRoot(), "src", "HubDsl.Core");
            var files = Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .ToList();
            // Files other projects own and Core compiles too (<Compile Include="..." />).
            foreach (Match linked in Regex.Matches(File.ReadAllText(Path.Combine(core, "HubDsl.Core.csproj")), "<Compile Include=\"([^\"]+)\""))
            {
                files.Add(Path.GetFullPath(Path.Combine(core, linked.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))));
            }

            var options = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, Path.GetRelativePath(core, f))).ToList();
            // The runtime's assemblies, not HubDsl's own (Core is compiled from source here).
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => !Path.GetFileName(p).StartsWith("HubDsl", StringComparison.OrdinalIgnoreCase))
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("HubDsl.Core.LayerCheck", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return new CoreSources(compilation);
        }

        public IEnumerable<Use> Uses() => Compilation.SyntaxTrees.SelectMany(t => UsesIn(Compilation, t));

        /// <summary>The uses in one more source file compiled with Core (to test the check).</summary>
        public IEnumerable<Use> UsesIn(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "Probe.cs");
            var compilation = Compilation.AddSyntaxTrees(tree);
            return UsesIn(compilation, tree).ToList();
        }

        private static IEnumerable<Use> UsesIn(CSharpCompilation compilation, SyntaxTree tree)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var from = name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is { } ns ? LayerOf(ns.Name.ToString()) : null;
                if (from is null) continue;
                var symbol = model.GetSymbolInfo(name).Symbol;
                var type = symbol switch
                {
                    null or INamespaceSymbol => null,
                    IAliasSymbol alias => alias.Target as ITypeSymbol,
                    ITypeSymbol t => t,
                    _ => symbol.ContainingType,
                };
                if (type is null || type.ContainingNamespace is null) continue;
                var to = LayerOf(type.ContainingNamespace.ToDisplayString());
                if (to is null || to == from) continue;
                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                yield return new Use(from, to, tree.FilePath + ":" + line, symbol!.ToDisplayString());
            }
        }

        // HubDsl.Core.X -> X; the root namespace holds Internal/'s polyfills; the linked file sync header is FileSync.
        private static string? LayerOf(string ns)
        {
            if (ns == Root) return "Internal";
            if (ns.StartsWith(Root + ".", StringComparison.Ordinal)) return ns.Substring(Root.Length + 1).Split('.')[0];
            return ns == "HubDsl.FileSync" ? "FileSync" : null;
        }

        private static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HubDsl.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("HubDsl.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
