using System;
using System.IO;
using System.Linq;
using HubDsl.FileSync;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace HubDsl.Build.Tasks;

/// <summary>
/// Writes the manifests embedded in the compiled assembly under <see cref="OutputRoot"/>, through the shared
/// file sync (HubDsl.FileSync): all files or none, only files this project's record says it wrote (or that are
/// identical), deleting recorded files no longer generated while they still have the recorded content, never
/// through a link. With <see cref="Check"/> it writes nothing and reports one error per drifted file and for the
/// record (the CI drift check).
/// </summary>
public sealed class WriteHubManifests : Task
{
    /// <summary>The compiled assembly (obj/.../X.dll).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The folder manifest paths are relative to.</summary>
    [Required]
    public string OutputRoot { get; set; } = string.Empty;

    /// <summary>The project file: its name names the record, its path identifies the owner.</summary>
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>Compare only; fail on any drift.</summary>
    public bool Check { get; set; }

    /// <summary>Take over existing files this build did not write (HubDslAdoptExisting) instead of failing.</summary>
    public bool AdoptExisting { get; set; }

    /// <summary>Every file the declarations generate (written or already up to date) and the record, for the next build's up-to-date check.</summary>
    [Output]
    public ITaskItem[] Generated { get; set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc/>
    public override bool Execute()
    {
        if (File.Exists(OutputRoot))
        {
            Log.LogError(null, "HUBDSL9001", null, AssemblyPath, 0, 0, 0, 0, "HubDsl: HubDslOutputPath '" + OutputRoot + "' is a file, not a folder; set HubDslOutputPath to the folder the manifests go in (or 'none' to write none)");
            return false;
        }

        // hubdsl watch writes the same files: one writer at a time per output root (OutputLock).
        OutputLock? writer;
        try
        {
            writer = OutputLock.TryAcquire(OutputRoot, LockTimeout);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, SyncCodes.IoFailure, null, ProjectFile, 0, 0, 0, 0, "HubDsl could not create its lock file " + OutputLock.PathFor(OutputRoot) + ": " + ex.Message);
            return false;
        }

        if (writer is null)
        {
            Log.LogError(null, SyncCodes.IoFailure, null, ProjectFile, 0, 0, 0, 0, "HubDsl: another writer (hubdsl watch or another build) held " + OutputRoot + " for " + LockTimeout.TotalSeconds + " s; nothing was written. Build again when it has finished.");
            return false;
        }

        using (writer) return ExecuteLocked();
    }

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    private bool ExecuteLocked()
    {
        SyncPlan plan;
        try
        {
            var manifests = ManifestMetadataReader.Read(AssemblyPath);
            var files = manifests.Select(m => WantedFile.Generated(m.Path, m.Content)).ToList();
            var request = new SyncRequest(OutputRoot, Path.GetFileNameWithoutExtension(ProjectFile), Path.GetFullPath(ProjectFile), files) { AdoptExisting = AdoptExisting };
            plan = SyncPlanner.Plan(request);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            Log.LogError(null, SyncCodes.IoFailure, null, AssemblyPath, 0, 0, 0, 0, "HubDsl could not read the generated manifests: " + ex.Message);
            return false;
        }

        foreach (var warning in plan.Warnings) Warn(plan, warning);
        foreach (var problem in plan.Problems) Error(plan, problem);
        if (Check) return ReportDrift(plan);
        if (plan.Problems.Count > 0)
        {
            Log.LogMessage(MessageImportance.High, "HubDsl: nothing was written under " + plan.Root.FullPath + " (" + plan.Problems.Count + " problem(s) above).");
            return false;
        }

        var outcome = SyncApplier.Apply(plan);
        foreach (var warning in outcome.Warnings) Warn(plan, warning);
        if (!outcome.Succeeded)
        {
            Log.LogError(null, SyncCodes.IoFailure, null, ProjectFile, 0, 0, 0, 0, "HubDsl " + outcome.Failure);
            return false;
        }

        foreach (var write in outcome.Written)
        {
            var note = write.Reason switch { WriteReason.New => " (new)", WriteReason.Adopted => " (taken over: it was not in " + plan.RecordPath + ")", _ => string.Empty };
            Log.LogMessage(MessageImportance.High, "HubDsl: wrote " + write.Path + note);
        }

        foreach (var path in outcome.Deleted) Log.LogMessage(MessageImportance.High, "HubDsl: deleted " + path + " (no longer generated)");
        if (outcome.RecordWritten) Log.LogMessage(MessageImportance.Normal, "HubDsl: updated " + plan.RecordPath);
        Log.LogMessage(MessageImportance.Normal, "HubDsl: " + plan.Unchanged.Count + " manifest(s) unchanged under " + plan.Root.FullPath);
        var tracked = plan.RecordText is null ? plan.Generated : plan.Generated.Concat(new[] { plan.RecordPath });
        Generated = tracked.OrderBy(p => p, StringComparer.Ordinal).Select(p => (ITaskItem)new TaskItem(plan.Root.Resolve(p))).ToArray();
        return true;
    }

    private bool ReportDrift(SyncPlan plan)
    {
        var drift = DriftCheck.Problems(plan);
        foreach (var problem in drift) Error(plan, problem);
        if (drift.Count == 0 && plan.Problems.Count == 0)
        {
            Log.LogMessage(MessageImportance.High, "HubDsl: " + plan.Generated.Count + " manifest(s) up to date.");
        }

        return !Log.HasLoggedErrors;
    }

    private void Error(SyncPlan plan, SyncMessage message) =>
        Log.LogError(null, message.Code, null, FileOf(plan, message), 0, 0, 0, 0, "HubDsl: " + message.Text);

    private void Warn(SyncPlan plan, SyncMessage message) =>
        Log.LogWarning(null, message.Code, null, FileOf(plan, message), 0, 0, 0, 0, "HubDsl: " + message.Text);

    // Errors point at the file they are about (not at the assembly), so an IDE opens the right one.
    private string FileOf(SyncPlan plan, SyncMessage message) => message.Path is null ? ProjectFile : plan.Root.Resolve(message.Path);
}
