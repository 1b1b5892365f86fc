using System.Text;
using HubDsl.FileSync;

namespace HubDsl.Cli.Render;

/// <summary>
/// Writes a render: to standard output as one YAML stream, or to a folder as
/// <c>&lt;cluster&gt;/&lt;application&gt;/&lt;Kind[.group]&gt;_[&lt;namespace&gt;_]&lt;name&gt;.yaml</c> through the build's file sync
/// (HubDsl.FileSync), Secret values masked: all files or none, with a record (<c>.hubdsl/hubdsl-render.files</c>) so that a later render
/// deletes only files it wrote and never overwrites a file it did not write.
/// </summary>
internal static class RenderOutput
{
    /// <summary>The record's name under the output folder.</summary>
    public const string RecordName = "hubdsl-render";

    /// <summary>The render as one YAML stream, each object headed by its path.</summary>
    public static void WriteStream(FleetRender render, TextWriter output)
    {
        foreach (var app in render.Applications)
        {
            foreach (var obj in app.Objects)
            {
                output.Write("---\n# " + app.Folder + "/" + obj.Key.FileName + "\n");
                output.Write(SecretMask.Mask(obj));
            }
        }
    }

    /// <summary>Writes the files under <paramref name="folder"/>; returns what changed, or throws with the problems.</summary>
    public static SyncOutcome WriteFolder(FleetRender render, string folder, string projectFolder)
    {
        if (File.Exists(folder)) throw new UserInputException("-o: '" + folder + "' is a file; give a folder (or - for standard output)");
        var files = render.Applications.SelectMany(a => a.Objects.Select(o => new WantedFile(a.Folder + "/" + o.Key.FileName, SecretMask.Mask(o), "Application " + a.Name + " on " + a.Cluster))).ToList();
        var plan = SyncPlanner.Plan(new SyncRequest(folder, RecordName, Path.GetFullPath(projectFolder), files));
        if (plan.Problems.Count > 0)
        {
            var text = new StringBuilder("-o: nothing was written under '" + folder + "':");
            foreach (var problem in plan.Problems.Take(10)) text.Append(' ').Append(problem.Text);
            if (plan.Problems.Count > 10) text.Append(" (and ").Append(plan.Problems.Count - 10).Append(" more)");
            throw new UserInputException(text.ToString());
        }

        var outcome = SyncApplier.Apply(plan);
        if (!outcome.Succeeded) throw new UserInputException("-o: writing under '" + folder + "' failed: " + outcome.Failure);
        return outcome;
    }
}
