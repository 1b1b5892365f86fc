using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace HubDsl.FileSync;

/// <summary>
/// Carries out a <see cref="SyncPlan"/> all or none: every new content is first staged in a temporary file next
/// to its target (inside the output root), then each target is moved aside and the staged file moved into place;
/// only when every move succeeded are the moved-aside copies removed. If a move fails, everything already moved
/// is moved back, and the outcome says exactly what state the folder is in.
/// </summary>
public static class SyncApplier
{
    /// <summary>Applies a plan without problems.</summary>
    public static SyncOutcome Apply(SyncPlan plan) => Apply(plan, FileOperations.Real);

    internal static SyncOutcome Apply(SyncPlan plan, IFileOperations files)
    {
        if (plan.Problems.Count > 0) throw new InvalidOperationException("A plan with problems must not be applied.");
        var outcome = new SyncOutcome();
        var writes = plan.Writes.Select(w => (w.Path, w.Content)).ToList();
        var deletes = plan.Deletes.ToList();
        if (!plan.RecordUpToDate)
        {
            if (plan.RecordText is not null) writes.Add((plan.RecordPath, plan.RecordText));
            else deletes.Add(plan.RecordPath);
        }

        var createdFolders = new List<string>();
        var steps = new List<Step>();
        if (!Stage(plan.Root, writes, files, steps, createdFolders, outcome)) return outcome;
        foreach (var path in deletes) steps.Add(new Step(path, plan.Root.Resolve(path), temp: null));

        foreach (var step in steps)
        {
            try
            {
                if (File.Exists(step.Target))
                {
                    var backup = Sibling(step.Target, ".bak");
                    files.Move(step.Target, backup);
                    step.Backup = backup;
                }

                if (step.Temp is not null)
                {
                    files.Move(step.Temp, step.Target);
                    step.Placed = true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcome.Failure = "could not " + (step.Temp is null ? "delete " : "write ") + step.Path + ": " + e.Message + ". " + RollBack(plan.Root, steps, files, createdFolders);
                return outcome;
            }
        }

        // Committed: drop the moved-aside copies and folders emptied by deletions.
        foreach (var step in steps)
        {
            if (step.Backup is not null) TryDelete(files, step.Backup, plan.Root, outcome, "the previous content of " + step.Path);
            if (step.Temp is null) outcome.Deleted.Add(step.Path);
        }

        outcome.Written.AddRange(plan.Writes);
        outcome.RecordWritten = !plan.RecordUpToDate;
        foreach (var path in deletes) RemoveEmptyFolders(plan.Root, path, files);
        outcome.Succeeded = true;
        return outcome;
    }

    private static bool Stage(OutputRoot root, List<(string Path, string Content)> writes, IFileOperations files, List<Step> steps, List<string> createdFolders, SyncOutcome outcome)
    {
        string? current = null;
        try
        {
            if (!Directory.Exists(root.FullPath))
            {
                files.CreateDirectory(root.FullPath);
                createdFolders.Add(root.FullPath);
            }

            foreach (var (path, content) in writes)
            {
                current = path;
                var folder = string.Empty;
                var segments = path.Split('/');
                for (var i = 0; i < segments.Length - 1; i++)
                {
                    folder = folder.Length == 0 ? segments[i] : folder + "/" + segments[i];
                    var full = root.Resolve(folder);
                    if (Directory.Exists(full)) continue;
                    files.CreateDirectory(full);
                    createdFolders.Add(full);
                }

                var target = root.Resolve(path);
                var temp = Sibling(target, ".tmp");
                files.WriteNew(temp, content);
                steps.Add(new Step(path, target, temp));
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var left = new List<string>();
            foreach (var step in steps) TryRemove(files, step.Temp!, root, left);
            RemoveCreated(files, createdFolders, root, left);
            outcome.Failure = "could not write " + current + ": " + e.Message + ". Nothing in the output folder was changed" + Leftovers(left);
            return false;
        }
    }

    // Undoes the moves in reverse order; says what state each file is in if that fails too.
    private static string RollBack(OutputRoot root, List<Step> steps, IFileOperations files, List<string> createdFolders)
    {
        var stuck = new List<string>();
        foreach (var step in Enumerable.Reverse(steps))
        {
            try
            {
                if (step.Placed)
                {
                    files.Delete(step.Target);
                    step.Placed = false;
                }

                if (step.Backup is not null)
                {
                    files.Move(step.Backup, step.Target);
                    step.Backup = null;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stuck.Add(step.Placed
                    ? step.Path + " has the new content" + (step.Backup is null ? string.Empty : "; its previous content is in " + root.Relative(step.Backup))
                    : step.Path + " is missing; its previous content is in " + root.Relative(step.Backup!) + " (" + e.Message + ")");
            }
        }

        var left = new List<string>();
        foreach (var step in steps)
        {
            if (step.Temp is not null && !step.Placed) TryRemove(files, step.Temp, root, left);
        }

        RemoveCreated(files, createdFolders, root, left);
        if (stuck.Count == 0) return "Every change was rolled back: the output folder is as it was before the build" + Leftovers(left);
        return "Rolling back failed too, so the output folder is partly updated: " + string.Join("; ", stuck) + ". Move the previous contents back (or build again once the cause is fixed)" + Leftovers(left);
    }

    private static void RemoveCreated(IFileOperations files, List<string> createdFolders, OutputRoot root, List<string> left)
    {
        foreach (var folder in Enumerable.Reverse(createdFolders))
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) files.DeleteEmptyDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                left.Add((root.Relative(folder) ?? folder) + "/ (an empty folder it created)");
            }
        }
    }

    private static void TryRemove(IFileOperations files, string path, OutputRoot root, List<string> left)
    {
        try
        {
            if (File.Exists(path)) files.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            left.Add(root.Relative(path) ?? path);
        }
    }

    private static void TryDelete(IFileOperations files, string path, OutputRoot root, SyncOutcome outcome, string what)
    {
        try
        {
            files.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var relative = root.Relative(path) ?? path;
            outcome.Warnings.Add(new SyncMessage(SyncCodes.IoFailure, relative, "could not remove " + relative + " (" + what + "): " + e.Message + "; delete it."));
        }
    }

    private static string Leftovers(List<string> left) =>
        left.Count == 0 ? "." : ", except these temporary files it could not remove: " + string.Join(", ", left) + ".";

    // A folder emptied by deleting a stale file (a removed cluster's spokes/<name>/) goes too; the root stays.
    private static void RemoveEmptyFolders(OutputRoot root, string path, IFileOperations files)
    {
        var segments = path.Split('/').ToList();
        for (var count = segments.Count - 1; count > 0; count--)
        {
            var full = root.Resolve(string.Join("/", segments.Take(count)));
            try
            {
                if (OutputRoot.IsLink(full) || !Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).Any()) return;
                files.DeleteEmptyDirectory(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    // Short names: the target's own name may already be at the length limit.
    private static string Sibling(string target, string extension) =>
        Path.Combine(Path.GetDirectoryName(target)!, ".hubdsl-" + Guid.NewGuid().ToString("N").Substring(0, 12) + extension);

    private sealed class Step
    {
        public Step(string path, string target, string? temp)
        {
            Path = path;
            Target = target;
            Temp = temp;
        }

        public string Path { get; }

        public string Target { get; }

        public string? Temp { get; }

        public string? Backup { get; set; }

        public bool Placed { get; set; }
    }
}

/// <summary>What a sync did.</summary>
public sealed class SyncOutcome
{
    /// <summary>Whether every change is in place.</summary>
    public bool Succeeded { get; internal set; }

    /// <summary>When it did not succeed: what failed, and the state the output folder is in.</summary>
    public string? Failure { get; internal set; }

    /// <summary>The files written (the record not included).</summary>
    public List<PlannedWrite> Written { get; } = new();

    /// <summary>The files deleted (the record included, when the project no longer generates anything).</summary>
    public List<string> Deleted { get; } = new();

    /// <summary>Whether the record was written or removed.</summary>
    public bool RecordWritten { get; internal set; }

    /// <summary>Clean-up that did not work out; the sync itself succeeded.</summary>
    public List<SyncMessage> Warnings { get; } = new();
}
