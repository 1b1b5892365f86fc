using HubDsl.Cli.Runtime;

namespace HubDsl.Cli.Render;

/// <summary>
/// Compares two renders of a fleet, Application by Application (cluster and name) and object by object
/// (<see cref="ObjectKey"/>): what a merge would change on each cluster.
/// </summary>
internal static class RenderDiff
{
    /// <summary>Beyond this many line pairs an object is reported as changed without a line diff (the diff is quadratic).</summary>
    public const long MaxDiffCells = 16_000_000;

    /// <summary>Every Application with a change or an error, sorted by cluster and name.</summary>
    public static IReadOnlyList<ApplicationDiff> Compare(FleetRender before, FleetRender after)
    {
        var baseApps = before.Applications.ToDictionary(a => (a.Cluster, a.Name));
        var headApps = after.Applications.ToDictionary(a => (a.Cluster, a.Name));
        var diffs = new List<ApplicationDiff>();
        foreach (var id in baseApps.Keys.Union(headApps.Keys).OrderBy(k => k.Cluster, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            baseApps.TryGetValue(id, out var a);
            headApps.TryGetValue(id, out var b);
            var error = a?.Error is not null ? "base: " + a.Error : b?.Error is not null ? "working tree: " + b.Error : null;
            if (error is not null)
            {
                diffs.Add(new ApplicationDiff(id.Cluster, id.Name, Array.Empty<ObjectChange>()) { Error = error });
                continue;
            }

            var changes = Objects(id.Cluster + "/" + id.Name, a, b);
            if (changes.Count > 0) diffs.Add(new ApplicationDiff(id.Cluster, id.Name, changes));
        }

        return diffs;
    }

    private static List<ObjectChange> Objects(string folder, RenderedApplication? before, RenderedApplication? after)
    {
        var a = (before?.Objects ?? Array.Empty<RenderedObject>()).ToDictionary(o => o.Key);
        var b = (after?.Objects ?? Array.Empty<RenderedObject>()).ToDictionary(o => o.Key);
        var changes = new List<ObjectChange>();
        foreach (var key in a.Keys.Union(b.Keys).OrderBy(k => k))
        {
            a.TryGetValue(key, out var x);
            b.TryGetValue(key, out var y);
            if (x is not null && y is not null && x.Yaml == y.Yaml) continue;
            var kind = x is null ? ChangeKind.Added : y is null ? ChangeKind.Removed : ChangeKind.Changed;
            var (left, right) = SecretMask.MaskPair(x, y);
            var path = folder + "/" + key.FileName;
            changes.Add(new ObjectChange(key, kind, Diff(left, right, x is null ? "/dev/null" : "a/" + path, y is null ? "/dev/null" : "b/" + path)));
        }

        return changes;
    }

    private static string Diff(string before, string after, string beforeLabel, string afterLabel)
    {
        long cells = (long)(before.Count(c => c == '\n') + 1) * (after.Count(c => c == '\n') + 1);
        if (cells > MaxDiffCells)
        {
            return "--- " + beforeLabel + "\n+++ " + afterLabel + "\n(too large for a line diff: " + before.Count(c => c == '\n') + " lines before, " + after.Count(c => c == '\n') + " after)\n";
        }

        var diff = UnifiedDiff.Create(before, after, beforeLabel, afterLabel);
        // Masked Secret values can make a changed object's two sides equal; it still changed.
        return diff.Length > 0 ? diff : "--- " + beforeLabel + "\n+++ " + afterLabel + "\n(changed only in masked Secret values)\n";
    }
}
