using System.Text;

namespace HubDsl.Cli.Render;

/// <summary>
/// The diff as text for a terminal or a log: a summary table (one row per changed Application), then per cluster
/// and Application the objects' unified diffs.
/// </summary>
internal static class DiffReport
{
    /// <summary>The report; <paramref name="baseRef"/> names the base revision.</summary>
    public static string Text(IReadOnlyList<ApplicationDiff> diffs, string baseRef)
    {
        var text = new StringBuilder();
        if (diffs.Count == 0) return "no rendered object changes against " + baseRef + "\n";
        var rows = new List<string[]> { new[] { "CLUSTER", "APPLICATION", "ADDED", "REMOVED", "CHANGED" } };
        rows.AddRange(diffs.Select(d => d.Error is not null
            ? new[] { d.Cluster, d.Name, "error", string.Empty, string.Empty }
            : new[] { d.Cluster, d.Name, d.Count(ChangeKind.Added).ToString(), d.Count(ChangeKind.Removed).ToString(), d.Count(ChangeKind.Changed).ToString() }));
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows) text.Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        text.Append('\n').Append(Summary(diffs, baseRef)).Append("\n");
        foreach (var diff in diffs)
        {
            text.Append("\n=== ").Append(diff.Cluster).Append('/').Append(diff.Name).Append('\n');
            if (diff.Error is not null) text.Append("error: ").Append(diff.Error).Append('\n');
            foreach (var change in diff.Changes) text.Append(change.Diff);
        }

        return text.ToString();
    }

    /// <summary>"N object(s) added, ... in M Application(s) on K cluster(s) against REF".</summary>
    public static string Summary(IReadOnlyList<ApplicationDiff> diffs, string baseRef)
    {
        var changed = diffs.Where(d => d.Error is null).ToList();
        var errors = diffs.Count - changed.Count;
        return changed.Sum(d => d.Count(ChangeKind.Added)) + " object(s) added, " + changed.Sum(d => d.Count(ChangeKind.Removed)) + " removed, " +
            changed.Sum(d => d.Count(ChangeKind.Changed)) + " changed in " + changed.Count + " Application(s) on " + changed.Select(d => d.Cluster).Distinct().Count() +
            " cluster(s) against " + baseRef + (errors > 0 ? "; " + errors + " Application(s) could not be rendered" : string.Empty);
    }
}
