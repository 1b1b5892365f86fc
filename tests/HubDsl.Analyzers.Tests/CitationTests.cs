using System.Text.RegularExpressions;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// The repository stands alone: comments and docs cite Argo CD's own source, docs or tests (file and function, or
/// test name), never the project's private notes on Argo CD's behaviour, which a reader of the repository cannot open.
/// </summary>
public sealed class CitationTests
{
    // Built from parts so this file does not match itself.
    private static readonly Regex PrivateNotes = new("argocd[-_ ]" + "behaviou?r", RegexOptions.IgnoreCase);

    private static readonly string[] Folders = { "src", "generators", "analyzers", "docs", "tests", "bench", "examples" };

    [Fact]
    public void No_source_or_doc_cites_the_private_behaviour_notes()
    {
        var root = RepositoryRoot();
        var hits = Folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"))
            .Where(f => !IsBuildOutput(f) && IsText(f))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => PrivateNotes.IsMatch(l.Text))
            .Select(l => Path.GetRelativePath(root, l.File).Replace('\\', '/') + ":" + l.Line + ": " + l.Text.Trim())
            .ToList();
        Assert.True(hits.Count == 0,
            "Cite Argo CD's own source, docs or tests (file and function, or test name) instead of the behaviour notes:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void The_check_sees_a_citation()
    {
        Assert.Matches(PrivateNotes, "(argocd-" + "behaviour.md section 2.1)");
        Assert.Matches(PrivateNotes, "(Argocd-" + "Behavior 3.1)");
        Assert.DoesNotMatch(PrivateNotes, "(applicationset/generators/cluster.go getSecretsByClusterName)");
    }

    private static bool IsText(string path) =>
        Path.GetExtension(path) is ".cs" or ".md" or ".csproj" or ".props" or ".targets" or ".json" or ".yaml" or ".yml" or ".txt" or ".jsonl" or ".tpl";

    private static bool IsBuildOutput(string path) =>
        path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
