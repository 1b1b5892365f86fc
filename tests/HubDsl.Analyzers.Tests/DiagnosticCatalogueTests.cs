using System.Reflection;
using System.Text.RegularExpressions;
using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// Ties every <see cref="DiagnosticIds"/> constant to the rest of what a HUB rule needs: one descriptor, one shipped
/// analyzer whose <c>SupportedDiagnostics</c> holds it (the one the release-tracking line names) and a place that
/// raises it, its docs page, its rows in docs/diagnostics/README.md and README.md, and its release-tracking line.
/// Adding an id without the rest fails here, naming each missing piece.
/// </summary>
public sealed class DiagnosticCatalogueTests
{
    [Fact]
    public void Every_diagnostic_id_has_a_descriptor_an_analyzer_a_page_table_rows_and_a_release_line()
    {
        var problems = Catalogue.Load().Problems(DeclaredIds());
        Assert.True(problems.Count == 0, "The HUB diagnostic catalogue is incomplete:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void An_id_with_nothing_else_is_reported_missing_everywhere()
    {
        // The check itself: an id declared in DiagnosticIds and nowhere else is named once per missing piece.
        var problems = Catalogue.Load().Problems(DeclaredIds().Append(("UnitTestOnly", "HUB999")).ToList())
            .Where(p => p.StartsWith("HUB999", StringComparison.Ordinal)).ToList();
        string[] expected =
        {
            "no DiagnosticDescriptor",
            "no shipped analyzer lists it in SupportedDiagnostics",
            "nothing raises it",
            "docs/diagnostics/HUB999.md is missing",
            "no row in docs/diagnostics/README.md",
            "no row in README.md's diagnostics table",
            "AnalyzerReleases.Shipped.md or AnalyzerReleases.Unshipped.md",
        };
        foreach (var piece in expected) Assert.Contains(problems, p => p.Contains(piece, StringComparison.Ordinal));
        Assert.Equal(expected.Length, problems.Count);
    }

    [Fact]
    public void A_descriptor_whose_id_is_not_a_constant_is_reported()
    {
        var declared = DeclaredIds().Where(d => d.Id != DiagnosticIds.InvalidQuantity).ToList();
        var problems = Catalogue.Load().Problems(declared);
        Assert.Contains(problems, p => p.StartsWith(DiagnosticIds.InvalidQuantity + ": descriptor", StringComparison.Ordinal) && p.Contains("not a DiagnosticIds constant", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ids_are_declared_in_id_order()
    {
        // A reader finds an id where its number says; the compiler keeps the fields in declaration order.
        var ids = DeclaredIds().Select(d => d.Id).ToList();
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
    }

    private static List<(string Name, string Id)> DeclaredIds() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
            .ToList();

    private sealed class Catalogue
    {
        private static readonly Regex TrackingLine = new(@"^(HUB\d{3})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*(.*)$", RegexOptions.Multiline);
        private static readonly Regex DocsRow = new(@"^\|\s*\[(HUB\d{3})\]\(\1\.md\)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|", RegexOptions.Multiline);
        private static readonly Regex ReadmeRow = new(@"^\|\s*(HUB\d{3}(?:\s*/\s*HUB\d{3})*)\s*\|", RegexOptions.Multiline);

        private readonly string _root;
        private readonly List<(string Field, DiagnosticDescriptor Descriptor)> _descriptors;
        private readonly List<(string Analyzer, IReadOnlyCollection<string> Supported)> _analyzers;
        private readonly Dictionary<string, List<(string Category, string Severity, string Notes)>> _tracking;
        private readonly Dictionary<string, List<(string Severity, string Category)>> _docsRows;
        private readonly HashSet<string> _readmeRows;
        private readonly List<(string Path, string Text)> _sources;

        private Catalogue(string root)
        {
            _root = root;

            // The shipped assembly holding the analyzers and their descriptors (test-only analyzers live elsewhere).
            var assembly = typeof(FleetRuleAnalyzer).Assembly;
            var types = assembly.GetTypes();
            _descriptors = types
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor) && !f.Name.Contains('<', StringComparison.Ordinal))
                .Select(f => (f.DeclaringType!.Name + "." + f.Name, (DiagnosticDescriptor)f.GetValue(null)!))
                .ToList();
            _analyzers = types
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .Select(t => (t.Name, (IReadOnlyCollection<string>)((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Select(d => d.Id).ToHashSet()))
                .ToList();

            var analyzersDirectory = Path.GetDirectoryName(AnalyzerReleasesPath("Shipped"))!;
            _tracking = new[] { "Shipped", "Unshipped" }
                .SelectMany(kind => TrackingLine.Matches(File.ReadAllText(AnalyzerReleasesPath(kind))))
                .GroupBy(m => m.Groups[1].Value)
                .ToDictionary(g => g.Key, g => g.Select(m => (m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value)).ToList());
            _docsRows = DocsRow.Matches(File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md")))
                .GroupBy(m => m.Groups[1].Value)
                .ToDictionary(g => g.Key, g => g.Select(m => (m.Groups[2].Value, m.Groups[3].Value)).ToList());
            _readmeRows = ReadmeRow.Matches(File.ReadAllText(Path.Combine(root, "README.md")))
                .SelectMany(m => m.Groups[1].Value.Split('/', StringSplitOptions.TrimEntries))
                .ToHashSet(StringComparer.Ordinal);

            // Where a rule can be raised: Core's rules, the generator's evaluator and the analyzers; the catalogue
            // files and the code fixes (which only read ids) do not count.
            _sources = new[] { Path.Combine(root, "src", "HubDsl.Core"), Path.Combine(root, "generators"), analyzersDirectory }
                .Where(Directory.Exists)
                .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
                .Where(f => !IsBuildOutput(f) && Path.GetFileName(f) is not ("DiagnosticIds.cs" or "Descriptors.cs"))
                .Distinct(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
                .ToList();
        }

        public static Catalogue Load([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
            new(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..")));

        public List<string> Problems(IReadOnlyList<(string Name, string Id)> declared)
        {
            var problems = new List<string>();
            foreach (var group in declared.GroupBy(d => d.Id).Where(g => g.Count() > 1))
                problems.Add(group.Key + ": declared by more than one DiagnosticIds constant (" + string.Join(", ", group.Select(d => d.Name)) + ")");

            var ids = declared.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (field, descriptor) in _descriptors.Where(d => !ids.Contains(d.Descriptor.Id)))
                problems.Add(descriptor.Id + ": descriptor " + field + " has an id that is not a DiagnosticIds constant; add it to src/HubDsl.Core/Validation/DiagnosticIds.cs");

            foreach (var (name, id) in declared)
            {
                var descriptors = _descriptors.Where(d => d.Descriptor.Id == id).ToList();
                if (descriptors.Count == 0)
                    problems.Add(id + " (DiagnosticIds." + name + "): no DiagnosticDescriptor; add one in Descriptors");
                else if (descriptors.Count > 1)
                    problems.Add(id + " (DiagnosticIds." + name + "): " + descriptors.Count + " descriptors (" + string.Join(", ", descriptors.Select(d => d.Field)) + "); keep exactly one");

                var supporting = _analyzers.Where(a => a.Supported.Contains(id)).Select(a => a.Analyzer).ToList();
                if (supporting.Count == 0)
                    problems.Add(id + " (DiagnosticIds." + name + "): no shipped analyzer lists it in SupportedDiagnostics, so its findings are dropped; add its descriptor to the analyzer of its family");
                else if (supporting.Count > 1)
                    problems.Add(id + " (DiagnosticIds." + name + "): listed by several analyzers (" + string.Join(", ", supporting) + "), so it would be reported more than once; keep it in one");

                if (!IsRaised(name, descriptors.Select(d => d.Field)))
                    problems.Add(id + " (DiagnosticIds." + name + "): nothing raises it (no DiagnosticIds." + name + " in Core, the generator or the analyzers, and no Diagnostic.Create with its descriptor)");

                if (!File.Exists(Path.Combine(_root, "docs", "diagnostics", id + ".md")))
                    problems.Add(id + ": docs/diagnostics/" + id + ".md is missing");

                if (!_docsRows.TryGetValue(id, out var rows))
                    problems.Add(id + ": no row in docs/diagnostics/README.md's table ('| [" + id + "](" + id + ".md) | severity | category | summary |')");
                else if (rows.Count > 1)
                    problems.Add(id + ": " + rows.Count + " rows in docs/diagnostics/README.md's table; keep one");
                else if (descriptors.Count == 1 && !Matches(rows[0].Severity, rows[0].Category, descriptors[0].Descriptor))
                    problems.Add(id + ": docs/diagnostics/README.md says " + rows[0].Severity + " / " + rows[0].Category + " but the descriptor is " + descriptors[0].Descriptor.DefaultSeverity + " / " + descriptors[0].Descriptor.Category);

                if (!_readmeRows.Contains(id))
                    problems.Add(id + ": no row in README.md's diagnostics table");

                if (!_tracking.TryGetValue(id, out var lines))
                {
                    problems.Add(id + ": no line in " + Path.GetRelativePath(_root, AnalyzerReleasesPath("Shipped")).Replace('\\', '/') + " or AnalyzerReleases.Unshipped.md");
                }
                else
                {
                    var (category, severity, notes) = lines[^1];
                    if (descriptors.Count == 1 && !Matches(severity, category, descriptors[0].Descriptor))
                        problems.Add(id + ": the release-tracking line says " + severity + " / " + category + " but the descriptor is " + descriptors[0].Descriptor.DefaultSeverity + " / " + descriptors[0].Descriptor.Category);
                    var named = notes.Split(':')[0].Trim();
                    if (supporting.Count == 1 && named != supporting[0])
                        problems.Add(id + ": the release-tracking line names '" + named + "' but " + supporting[0] + " reports it; start its notes with '" + supporting[0] + ": '");
                }
            }

            return problems;
        }

        private bool IsRaised(string constant, IEnumerable<string> descriptorFields)
        {
            var byConstant = new Regex(@"\bDiagnosticIds\." + constant + @"\b");
            var fields = descriptorFields.Select(f => f.Split('.')[^1]).ToList();
            return _sources.Any(s => byConstant.IsMatch(s.Text)
                || fields.Any(f => Regex.IsMatch(s.Text, @"Diagnostic\.Create\(\s*\w*\.?" + f + @"\b")));
        }

        private static bool Matches(string severity, string category, DiagnosticDescriptor descriptor) =>
            string.Equals(severity, descriptor.DefaultSeverity.ToString(), StringComparison.OrdinalIgnoreCase)
            && category == descriptor.Category;

        private string AnalyzerReleasesPath(string kind)
        {
            // The release-tracking files sit beside the project that builds the analyzers.
            var candidates = new[] { Path.Combine(_root, "generators", "HubDsl.Generators"), Path.Combine(_root, "analyzers", "HubDsl.Analyzers") };
            var directory = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "AnalyzerReleases.Shipped.md"))) ?? candidates[^1];
            return Path.Combine(directory, "AnalyzerReleases." + kind + ".md");
        }

        private static bool IsBuildOutput(string path) =>
            path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
