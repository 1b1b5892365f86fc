using HubDsl.Core.Model;

namespace HubDsl.Core.Charts.Records;

/// <summary>
/// A <c>[ChartValues(chartPath)]</c> record to write: its namespace (null for the global one), the declarations of the
/// types it is nested in, outermost first (<c>partial class Fleet</c>), its name and the chart folder relative to the
/// project.
/// </summary>
public sealed record ChartRecordTarget(string? Namespace, EquatableArray<string> ContainingTypes, string TypeName, string ChartPath)
{
    /// <summary>The hint name of the generated source (unique per record in a project).</summary>
    public string HintName
    {
        get
        {
            var name = new System.Text.StringBuilder("HubDsl.ChartValues.");
            if (!string.IsNullOrEmpty(Namespace)) name.Append(Namespace).Append('.');
            foreach (var outer in ContainingTypes) name.Append(outer.Substring(outer.LastIndexOf(' ') + 1)).Append('.');
            return name.Append(TypeName).Append(".g.cs").ToString();
        }
    }
}
