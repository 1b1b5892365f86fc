using System.Text;

namespace HubDsl.Cli.Render;

/// <summary>
/// The diff as a pull-request comment: the summary table, then one collapsed section per cluster with its
/// Applications' object diffs. The whole comment stays under a size limit (GitHub allows 65,536 characters):
/// diffs that do not fit are left out and counted ("N more").
/// </summary>
internal static class MarkdownDiffReport
{
    /// <summary>The default size limit, under GitHub's 65,536 characters per comment.</summary>
    public const int DefaultLimit = 60_000;

    /// <summary>The comment, at most <paramref name="limit"/> characters.</summary>
    public static string Write(IReadOnlyList<ApplicationDiff> diffs, string baseRef, int limit = DefaultLimit)
    {
        var head = new StringBuilder("### Rendered manifests: changes against `" + Inline(baseRef) + "`\n\n");
        if (diffs.Count == 0) return head.Append("No rendered object changes.\n").ToString();
        head.Append(DiffReport.Summary(diffs, baseRef)).Append("\n\n");
        head.Append("| cluster | application | added | removed | changed |\n|---|---|---:|---:|---:|\n");
        var rows = diffs.Select(d => "| " + Cell(d.Cluster) + " | " + Cell(d.Name) + " | " +
            (d.Error is not null ? "error | | |" : d.Count(ChangeKind.Added) + " | " + d.Count(ChangeKind.Removed) + " | " + d.Count(ChangeKind.Changed) + " |") + "\n").ToList();

        const int reserve = 300; // the closing "N more" note
        var text = new StringBuilder(head.ToString());
        var rowsShown = 0;
        foreach (var row in rows)
        {
            if (text.Length + row.Length > limit / 2) break;
            text.Append(row);
            rowsShown++;
        }

        if (rowsShown < rows.Count) text.Append("| ").Append(rows.Count - rowsShown).Append(" more | | | | |\n");
        text.Append('\n');

        var omitted = 0;
        foreach (var cluster in diffs.GroupBy(d => d.Cluster))
        {
            var section = new StringBuilder();
            var apps = cluster.ToList();
            section.Append("<details><summary>").Append(Html(cluster.Key)).Append(": ").Append(apps.Count).Append(" Application(s), ")
                .Append(apps.Sum(a => a.Changes.Count)).Append(" object(s)").Append(apps.Any(a => a.Error is not null) ? ", errors" : string.Empty).Append("</summary>\n\n");
            var sectionOpen = section.Length;
            foreach (var app in apps)
            {
                if (app.Error is not null)
                {
                    var error = "**" + Html(app.Name) + "**: error: " + Html(app.Error) + "\n\n";
                    if (text.Length + section.Length + error.Length + reserve < limit) section.Append(error);
                    else omitted++;
                }

                foreach (var change in app.Changes)
                {
                    var fence = change.Diff.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
                    var block = "**" + Html(app.Name) + "**: " + change.Kind.ToString().ToLowerInvariant() + " `" + Inline(change.Key.ToString()) + "`\n\n" + fence + "diff\n" + change.Diff + fence + "\n\n";
                    if (text.Length + section.Length + block.Length + "</details>\n\n".Length + reserve < limit) section.Append(block);
                    else omitted++;
                }
            }

            if (section.Length == sectionOpen) continue; // nothing of this cluster fits
            section.Append("</details>\n\n");
            text.Append(section);
        }

        if (omitted > 0) text.Append("… ").Append(omitted).Append(" more object diff(s) not shown (comment size limit); run `hubdsl render --diff-base ").Append(Inline(baseRef)).Append("` to see them all.\n");
        return text.ToString();
    }

    private static string Cell(string text) => Html(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Html(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Inline(string text) => text.Replace("`", "'", StringComparison.Ordinal);
}
