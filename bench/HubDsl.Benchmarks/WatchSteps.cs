using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using HubDsl.FileSync;
using HubDsl.Generators;
using HubDsl.Generators.Diagnostics;
using HubDsl.Generators.Exports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Benchmarks;

/// <summary>
/// Where one <c>hubdsl watch</c> pass spends its time on the synthetic fleet (issue 18), in process and step by step,
/// as WarmSession and ManifestWriter do it: a warm generator driver after an edit of the prod replica count, the
/// compiler's diagnostics, every HubDsl analyzer, the manifests read back from the assembly attributes, and the file
/// sync (plan: read and hash every generated file; apply). Medians of the process's CPU time (the work done, robust to
/// a loaded machine; the analyzer driver runs on pool threads, so a thread's clock would miss it) and wall time.
/// </summary>
public static class WatchSteps
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(FleetRuleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static void Run(int clusters, int rounds)
    {
        var root = Path.Combine(Path.GetTempPath(), "hubdsl-watch-steps-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var compilation = SyntheticCompilation.Create(clusters, applicationSets: 1, assemblyName: "WatchSteps");
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ManifestGenerator().AsSourceGenerator(), new ValuesExportGenerator().AsSourceGenerator() }, parseOptions: SyntheticCompilation.ParseOptions);
            var steps = new Dictionary<string, (List<double> Cpu, List<double> Wall)>();
            var verified = new VerifiedFiles(); // as hubdsl watch keeps it from pass to pass
            var names = new[] { "generator", "compiler diagnostics", "HubDsl's fleet analysis alone", "analyzers", "manifests from attributes", "file sync plan", "file sync apply" };
            foreach (var name in names) steps[name] = (new List<double>(), new List<double>());
            for (var round = 0; round <= rounds; round++)
            {
                var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Fleet.cs");
                var text = tree.GetText().ToString();
                var replicas = "Defaults with { Replicas = " + (round + 3) + ",";
                compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace("Defaults with { Replicas = " + (round == 0 ? 3 : round + 2) + ",", replicas, StringComparison.Ordinal))));

                Compilation output = null!;
                var measured = new List<(string, double, double)>();
                void Time(string name, Action step)
                {
                    var cpu = ProcessCpuMilliseconds();
                    var wall = Stopwatch.StartNew();
                    step();
                    measured.Add((name, ProcessCpuMilliseconds() - cpu, wall.Elapsed.TotalMilliseconds));
                }

                Time("generator", () => driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out _));
                Time("compiler diagnostics", () => Require(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), "compiler"));
                Time("HubDsl's fleet analysis alone", () => Require(FleetAnalysis.For(output, null, CancellationToken.None).Findings.Select(f => f.Id + " " + f.Message), "the fleet analysis"));
                Time("analyzers", () => Require(output.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult(), "analyzers"));
                List<WantedFile> files = null!;
                Time("manifests from attributes", () => files = Manifests(output));
                SyncPlan plan = null!;
                Time("file sync plan", () => plan = SyncPlanner.Plan(new SyncRequest(root, "WatchSteps", Path.Combine(root, "WatchSteps.csproj"), files) { Verified = verified }));
                Time("file sync apply", () => { if (!SyncApplier.Apply(plan).Succeeded) throw new InvalidOperationException("the sync failed"); });
                if (!File.ReadAllText(Path.Combine(root, "helm", "values-prod.yaml")).Contains("replicas: " + (round + 3) + "\n", StringComparison.Ordinal)) throw new InvalidOperationException("values-prod.yaml was not written");
                if (round == 0) continue; // The first round is a cold evaluation and JITs everything.
                foreach (var (name, cpu, wall) in measured)
                {
                    steps[name].Cpu.Add(cpu);
                    steps[name].Wall.Add(wall);
                }
            }

            Console.WriteLine("| step (" + clusters.ToString("N0", CultureInfo.InvariantCulture) + " clusters, median of " + rounds + ") | CPU | wall |");
            Console.WriteLine("|---|---|---|");
            foreach (var name in names) Console.WriteLine("| " + name + " | " + Median(steps[name].Cpu).ToString("0.0", CultureInfo.InvariantCulture) + " ms | " + Median(steps[name].Wall).ToString("0.0", CultureInfo.InvariantCulture) + " ms |");
            // The fleet analysis alone is measured again inside the analyzers (their compilation is a clone), so it is left out of the total.
            var total = Enumerable.Range(0, rounds).Select(i => names.Where(n => !n.EndsWith(" alone", StringComparison.Ordinal)).Sum(n => steps[n].Cpu[i])).ToList();
            Console.WriteLine("| total | " + Median(total).ToString("0.0", CultureInfo.InvariantCulture) + " ms | |");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static void Require<T>(IEnumerable<T> diagnostics, string what)
    {
        var list = diagnostics.ToList();
        if (list.Count > 0) throw new InvalidOperationException(what + " reported " + string.Join("; ", list.Take(3)));
    }

    // What the build task and WarmSession read: [assembly: HubDsl.GeneratedManifest(path, content)].
    private static List<WantedFile> Manifests(Compilation compilation) =>
        compilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass is { Name: "GeneratedManifestAttribute" } && a.ConstructorArguments.Length == 2)
            .Select(a => WantedFile.Generated((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!))
            .ToList();

    private static double ProcessCpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
