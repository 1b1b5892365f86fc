using System.Collections.Generic;

namespace HubDsl.FileSync;

/// <summary>
/// The drift check (<c>-p:HubDslCheck=true</c>): what a sync would change, as one error per file, the record
/// included, so CI catches committed files that no longer match the declarations.
/// </summary>
public static class DriftCheck
{
    private const string Fix = " Run 'dotnet build' to regenerate and commit the result.";

    /// <summary>One message per drifted file; empty when everything (the record too) is up to date.</summary>
    public static IReadOnlyList<SyncMessage> Problems(SyncPlan plan)
    {
        var problems = new List<SyncMessage>();
        foreach (var write in plan.Writes)
        {
            var what = write.Reason == WriteReason.New ? " is missing: the C# declarations generate it." : " differs from what the C# declarations generate.";
            problems.Add(new SyncMessage(SyncCodes.Drift, write.Path, write.Path + what + Fix));
        }

        foreach (var path in plan.Deletes) problems.Add(new SyncMessage(SyncCodes.Stale, path, path + " is stale: no declaration generates it any more." + Fix));
        foreach (var path in plan.StaleLeft) problems.Add(new SyncMessage(SyncCodes.Stale, path, path + " is stale: no declaration generates it any more, and it was changed by hand. Delete it, then run 'dotnet build' and commit the result."));
        if (!plan.RecordUpToDate)
        {
            var what = plan.RecordText is null ? " is stale: the project generates no files any more."
                : plan.RecordExists ? " is out of date: it must list exactly the generated files and their hashes."
                : " is missing: the build records there which files it generated, so a clean clone knows what it may update or delete.";
            problems.Add(new SyncMessage(SyncCodes.Drift, plan.RecordPath, plan.RecordPath + what + Fix));
        }

        return problems;
    }
}
