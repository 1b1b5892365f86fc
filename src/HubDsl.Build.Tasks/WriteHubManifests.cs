using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace HubDsl.Build.Tasks;

/// <summary>
/// Writes the manifests embedded in the compiled assembly under <see cref="OutputRoot"/>: only files whose
/// content changed, deleting generated files no longer produced. With <see cref="Check"/> it writes
/// nothing and reports one error per missing, different or stale file (the CI drift check).
/// </summary>
public sealed class WriteHubManifests : Task
{
    /// <summary>The compiled assembly (obj/.../X.dll).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The folder manifest paths are relative to.</summary>
    [Required]
    public string OutputRoot { get; set; } = string.Empty;

    /// <summary>Compare only; fail on any drift.</summary>
    public bool Check { get; set; }

    /// <summary>Every file the declarations generate (written or already up to date), for the next build's up-to-date check.</summary>
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

        try
        {
            var manifests = ManifestMetadataReader.Read(AssemblyPath);
            var plan = ManifestSync.Plan(manifests, OutputRoot);
            foreach (var problem in plan.Problems) Log.LogError(null, "HUBDSL9004", null, AssemblyPath, 0, 0, 0, 0, "HubDsl: " + problem);
            if (Check) return ReportDrift(plan) && !Log.HasLoggedErrors;

            ManifestSync.Apply(plan);
            Generated = plan.Missing.Concat(plan.Different).Concat(plan.Unchanged).OrderBy(f => f, StringComparer.Ordinal).Select(f => (ITaskItem)new TaskItem(f)).ToArray();
            foreach (var file in plan.Missing) Log.LogMessage(MessageImportance.High, "HubDsl: wrote " + Relative(file) + " (new)");
            foreach (var file in plan.Different) Log.LogMessage(MessageImportance.High, "HubDsl: wrote " + Relative(file));
            foreach (var file in plan.Stale) Log.LogMessage(MessageImportance.High, "HubDsl: deleted " + Relative(file) + " (no longer generated)");
            Log.LogMessage(MessageImportance.Normal, "HubDsl: " + plan.Unchanged.Count + " manifest(s) unchanged under " + OutputRoot);
            return !Log.HasLoggedErrors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            Log.LogError(null, "HUBDSL9001", null, AssemblyPath, 0, 0, 0, 0, "HubDsl could not write manifests: " + ex.Message);
            return false;
        }
    }

    private bool ReportDrift(SyncPlan plan)
    {
        const string fix = " Run 'dotnet build' to regenerate and commit the result.";
        foreach (var file in plan.Missing) Log.LogError(null, "HUBDSL9002", null, file, 0, 0, 0, 0, "HubDsl: " + Relative(file) + " is missing: the C# declarations generate it." + fix);
        foreach (var file in plan.Different) Log.LogError(null, "HUBDSL9002", null, file, 0, 0, 0, 0, "HubDsl: " + Relative(file) + " differs from what the C# declarations generate." + fix);
        foreach (var file in plan.Stale) Log.LogError(null, "HUBDSL9003", null, file, 0, 0, 0, 0, "HubDsl: " + Relative(file) + " is stale: no declaration generates it any more." + fix);
        if (plan.Missing.Count + plan.Different.Count + plan.Stale.Count == 0)
        {
            Log.LogMessage(MessageImportance.High, "HubDsl: " + plan.Unchanged.Count + " manifest(s) up to date.");
        }

        return !Log.HasLoggedErrors;
    }

    private string Relative(string file)
    {
        var root = Path.GetFullPath(OutputRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return file.StartsWith(root, StringComparison.Ordinal) ? file.Substring(root.Length).Replace('\\', '/') : file;
    }
}
