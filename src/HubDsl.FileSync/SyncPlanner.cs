using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace HubDsl.FileSync;

/// <summary>
/// Decides what a project's build may write and delete under its output root, from the files it wants, its own
/// record of what it wrote before, and the other projects' records there. It only reads: never enumerates the
/// tree, never follows a link.
/// </summary>
public static class SyncPlanner
{
    private const string AdoptHint = "set the MSBuild property HubDslAdoptExisting=true to let the build take it over";

    /// <summary>Plans the sync; the result lists problems instead of throwing for anything on disk.</summary>
    public static SyncPlan Plan(SyncRequest request)
    {
        var root = new OutputRoot(request.OutputRoot);
        var plan = new SyncPlan(root, OutputRecord.PathFor(request.ProjectName));
        var projectId = OutputRoot.RelativePath(root.FullPath, request.ProjectFile);

        var previous = ReadOwnRecord(plan, projectId, request.Verified);
        var claims = OtherClaims(plan, projectId, request.Verified);
        var wanted = Wanted(plan, request.Files);

        var realFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in wanted.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            plan.Generated.Add(file.Path);
            PlanWrite(plan, request, file, previous, claims, realFolders);
        }

        if (previous is not null)
        {
            // Compared without case: where the file system ignores case, a path that only changed case is the same
            // file, and deleting the old spelling would delete the new file.
            var generated = new HashSet<string>(wanted.Keys, OutputRoot.PortableComparer);
            foreach (var recorded in previous.Files)
            {
                if (!generated.Contains(recorded.Key)) PlanStale(plan, recorded.Key, recorded.Value);
            }
        }

        PlanRecord(plan, request, projectId, wanted);
        return plan;
    }

    // This project's record: null when there is none yet (a first build, or one by a version without records).
    private static OutputRecord? ReadOwnRecord(SyncPlan plan, string projectId, VerifiedFiles? verified)
    {
        var path = plan.RecordPath;
        if (plan.Root.ObstacleOnPath(path) is { } obstacle)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.Obstacle, path, Obstacle(obstacle, path)));
            return null;
        }

        var full = plan.Root.Resolve(path);
        if (!File.Exists(full)) return null;
        plan.RecordExists = true;
        var record = ReadRecord(plan, path, verified);
        if (record is null) return null;
        if (!SameProject(record.Project, projectId))
        {
            var movedHint = File.Exists(record.ProjectFileIn(plan.Root)) ? string.Empty
                : " If this project was moved or renamed from it, delete the record and rebuild: the build takes over the files whose headers name this project's declarations.";
            plan.Problems.Add(new SyncMessage(SyncCodes.OtherProject, path,
                path + " records the files of project '" + record.Project + "', not of this project ('" + projectId + "'): two projects named the same write into one output folder. Give one of them another HubDslOutputPath." + movedHint));
            return null;
        }

        return record;
    }

    private static OutputRecord? ReadRecord(SyncPlan plan, string path, VerifiedFiles? verified)
    {
        try
        {
            var text = ReadText(plan, path, verified);
            if (text is null)
            {
                plan.Problems.Add(new SyncMessage(SyncCodes.BadRecord, path, path + " is larger than " + ContentHash.MaxFileBytes / (1024 * 1024) + " MiB; it is not a HubDsl output record."));
                return null;
            }

            return verified is null ? OutputRecord.Parse(text, path) : verified.RecordOf(path, text, () => OutputRecord.Parse(text, path));
        }
        catch (OutputRecordException e)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.BadRecord, path, e.Message + (path == plan.RecordPath
                ? " Resolve it (a merge conflict?) or delete it and rebuild: the build then takes over only files whose headers name this project's declarations."
                : " It is another project's record: resolve it (a merge conflict?) or build that project again.")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.IoFailure, path, "cannot read " + path + ": " + e.Message));
        }

        return null;
    }

    // Paths other projects' records claim in this root: path to the claiming project and what to do.
    private static Dictionary<string, string> OtherClaims(SyncPlan plan, string projectId, VerifiedFiles? verified)
    {
        var claims = new Dictionary<string, string>(OutputRoot.PortableComparer);
        var folder = plan.Root.Resolve(OutputRecord.Folder);
        if (OutputRoot.IsLink(folder) || !Directory.Exists(folder)) return claims;
        IEnumerable<string> files;
        try
        {
            files = Directory.GetFiles(folder, "*" + OutputRecord.Extension, SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.IoFailure, OutputRecord.Folder, "cannot list " + OutputRecord.Folder + ": " + e.Message));
            return claims;
        }

        foreach (var file in files)
        {
            var path = OutputRecord.Folder + "/" + Path.GetFileName(file);
            if (OutputRoot.PortableComparer.Equals(path, plan.RecordPath)) continue;
            if (OutputRoot.IsLink(file))
            {
                plan.Warnings.Add(new SyncMessage(SyncCodes.Left, path, path + " is a symbolic link; HubDsl does not follow links, so it ignores that record."));
                continue;
            }

            var record = ReadRecord(plan, path, verified);
            if (record is null || SameProject(record.Project, projectId)) continue;
            var owner = record.Project + "' (record " + path + ").";
            owner += File.Exists(record.ProjectFileIn(plan.Root))
                ? " Two projects cannot share a generated file: change one of the declarations, or give the projects different HubDslOutputPath folders."
                : " That project no longer exists: if this project replaces it (moved or renamed), delete " + path + " and build again.";
            foreach (var claimed in record.Files.Keys)
            {
                if (!claims.ContainsKey(claimed)) claims[claimed] = owner;
            }
        }

        return claims;
    }

    // The wanted files by path; unsafe paths and one path wanted with two contents are problems.
    private static Dictionary<string, WantedFile> Wanted(SyncPlan plan, IReadOnlyList<WantedFile> files)
    {
        var wanted = new Dictionary<string, WantedFile>(StringComparer.Ordinal);
        var portable = new Dictionary<string, WantedFile>(OutputRoot.PortableComparer);
        foreach (var file in files)
        {
            if (OutputRoot.PathProblem(file.Path) is { } problem)
            {
                plan.Problems.Add(new SyncMessage(SyncCodes.BadPath, file.Path, file.Declaration + " generates '" + file.Path + "', which is not a safe path inside the output folder: " + problem + ". Nothing was written."));
                continue;
            }

            if (file.Path.StartsWith(OutputRecord.Folder + "/", StringComparison.OrdinalIgnoreCase))
            {
                plan.Problems.Add(new SyncMessage(SyncCodes.BadPath, file.Path, file.Declaration + " generates '" + file.Path + "', inside the folder HubDsl keeps its records in (" + OutputRecord.Folder + "/). Nothing was written."));
                continue;
            }

            if (portable.TryGetValue(file.Path, out var first))
            {
                if (first.Content == file.Content && first.Path == file.Path) continue;
                plan.Problems.Add(new SyncMessage(SyncCodes.BadPath, file.Path, first.Declaration + " and " + file.Declaration + " both generate '" + file.Path + "'"
                    + (first.Path == file.Path ? string.Empty : " (as '" + first.Path + "'; one file where case is ignored)") + " with different content (HUB019). Nothing was written."));
                continue;
            }

            portable[file.Path] = file;
            wanted[file.Path] = file;
        }

        return wanted;
    }

    private static void PlanWrite(SyncPlan plan, SyncRequest request, WantedFile file, OutputRecord? previous, Dictionary<string, string> claims, HashSet<string> realFolders)
    {
        var path = file.Path;
        if (claims.TryGetValue(path, out var other))
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.OtherProject, path,
                path + " is generated by " + file.Declaration + " of project '" + RelativeProject(plan, request) + "', but it belongs to project '" + other));
            return;
        }

        var verified = request.Verified;
        if (plan.Root.ObstacleOnPath(path, realFolders, out var target) is { } obstacle)
        {
            verified?.Forget(path);
            plan.Problems.Add(new SyncMessage(SyncCodes.Obstacle, path, Obstacle(obstacle, path) + " (" + file.Declaration + " generates " + path + ")"));
            return;
        }

        var full = plan.Root.Resolve(path);
        var stamp = target is null ? null : FileStamp.Of(target);
        if (stamp is null)
        {
            verified?.Forget(path);
            plan.Writes.Add(new PlannedWrite(path, file.Content, WriteReason.New));
            return;
        }

        string? current;
        try
        {
            current = verified is null ? ContentHash.ReadText(full) : verified.TextOf(path, stamp.Value, () => ContentHash.ReadText(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.IoFailure, path, "cannot read " + path + ": " + e.Message));
            return;
        }

        if (current == ContentHash.Normalize(file.Content))
        {
            plan.Unchanged.Add(path); // identical content is ours whether or not it was recorded
            return;
        }

        var attributes = target!.Attributes;
        var recorded = previous is not null && previous.Files.ContainsKey(path);
        var legacy = previous is null && !plan.RecordExists && current is not null && LegacyHeader.DeclarationOf(current) == file.Declaration;
        if (!recorded && !legacy && !request.AdoptExisting)
        {
            var header = LegacyHeader.DeclarationOf(current);
            var says = header is null ? string.Empty : " (its header says it was generated from " + header + ")";
            plan.Problems.Add(new SyncMessage(SyncCodes.NotOwned, path,
                path + " exists and this build did not write it" + says + ": it is not in " + plan.RecordPath + ". " + file.Declaration + " generates this path and would overwrite it. Move or rename the file, change " + file.Declaration + " so it generates another path, or " + AdoptHint + "."));
            return;
        }

        if ((attributes & FileAttributes.ReadOnly) != 0)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.ReadOnly, path, path + " is read-only, and " + file.Declaration + " now generates other content. HubDsl does not overwrite read-only files: make it writable and build again."));
            return;
        }

        if (recorded && current is not null && ContentHash.Of(current) != previous!.Files[path])
        {
            plan.Warnings.Add(new SyncMessage(SyncCodes.Left, path, path + " was edited by hand since the build wrote it; it is overwritten with what " + file.Declaration + " generates (change the C# declaration instead)."));
        }

        plan.Writes.Add(new PlannedWrite(path, file.Content, recorded ? WriteReason.Changed : WriteReason.Adopted));
    }

    // A recorded file that is no longer generated: deleted only while it still has the content the build wrote.
    private static void PlanStale(SyncPlan plan, string path, string hash)
    {
        if (plan.Root.ObstacleOnPath(path) is { } obstacle)
        {
            if (obstacle.Kind == PathObstacleKind.Link) Leave(plan, path, "it is reached through a symbolic link or junction ('" + obstacle.Path + "'), which HubDsl never follows");
            else Leave(plan, path, "something else now stands at '" + obstacle.Path + "'");
            return;
        }

        var full = plan.Root.Resolve(path);
        if (!File.Exists(full)) return; // already gone
        try
        {
            if (ContentHash.OfFile(full) != hash)
            {
                Leave(plan, path, "it changed since the build wrote it");
                return;
            }

            if ((File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
            {
                plan.Problems.Add(new SyncMessage(SyncCodes.ReadOnly, path, path + " is no longer generated and is read-only. HubDsl does not delete read-only files: make it writable (or delete it) and build again."));
                return;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.IoFailure, path, "cannot read " + path + ": " + e.Message));
            return;
        }

        plan.Deletes.Add(path);
    }

    private static void Leave(SyncPlan plan, string path, string why)
    {
        plan.StaleLeft.Add(path);
        plan.Warnings.Add(new SyncMessage(SyncCodes.Left, path, path + " is no longer generated but was left in place: " + why + ". Delete it yourself if it is not needed; the build no longer tracks it."));
    }

    private static void PlanRecord(SyncPlan plan, SyncRequest request, string projectId, Dictionary<string, WantedFile> wanted)
    {
        if (wanted.Count == 0 && plan.Problems.Count == 0)
        {
            plan.RecordText = null;
            plan.RecordUpToDate = !plan.RecordExists;
            return;
        }

        var record = new OutputRecord(projectId, wanted.Values.Select(f => new KeyValuePair<string, string>(f.Path, request.Verified is { } verified ? verified.HashOf(f.Path, f.Content) : ContentHash.Of(f.Content))));
        plan.RecordText = record.Format();
        if (!plan.RecordExists) return;
        try
        {
            plan.RecordUpToDate = ReadText(plan, plan.RecordPath, request.Verified) == plan.RecordText;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            plan.Problems.Add(new SyncMessage(SyncCodes.IoFailure, plan.RecordPath, "cannot read " + plan.RecordPath + ": " + e.Message));
        }
    }

    // A file's normalised text (null: too large), from what an earlier plan read when its size and time vouch for it.
    private static string? ReadText(SyncPlan plan, string path, VerifiedFiles? verified)
    {
        var full = plan.Root.Resolve(path);
        if (verified is null) return ContentHash.ReadText(full);
        var stamp = FileStamp.Of(full);
        if (stamp is null) throw new FileNotFoundException("the file is gone", full);
        return verified.TextOf(path, stamp.Value, () => ContentHash.ReadText(full));
    }

    private static string Obstacle(PathObstacle obstacle, string path) => obstacle.Kind switch
    {
        PathObstacleKind.Link => "'" + obstacle.Path + "' is a symbolic link or junction. HubDsl never writes, reads or deletes through links, so nothing leaves the output folder: replace it with a real folder or file",
        PathObstacleKind.FileInsteadOfFolder => "'" + obstacle.Path + "' is a file, but " + path + " needs it to be a folder: move it away",
        _ => "'" + obstacle.Path + "' is a folder, but a file is generated there: move it away",
    };

    private static string RelativeProject(SyncPlan plan, SyncRequest request) => OutputRoot.RelativePath(plan.Root.FullPath, request.ProjectFile);

    private static bool SameProject(string a, string b) =>
        (Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal).Equals(a, b);
}
