using HubDsl.Core.Model;

namespace HubDsl.Core.Charts.Records;

/// <summary>
/// A <c>[ChartValues(chartPath)]</c> record to write: its namespace (null for the global one), the declarations of the
/// types it is nested in, outermost first (<c>partial class Fleet</c>), its name and the chart folder relative to the
/// project.
/// </summary>
public sealed record ChartRecordTarget(string? Namespace, EquatableArray<string> ContainingTypes, string TypeName, string ChartPath)
{
    /// <summary>
    /// The values keys the user's own part of the record already declares (by <c>[ValuesKey]</c> or camelCase name): the
    /// generator writes no property for them, so a hand-written property (an <c>ExternalSecretRef</c> for a secret's
    /// name) takes a chart key over.
    /// </summary>
    public EquatableArray<string> DeclaredKeys { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The values key of a property: its <c>[ValuesKey]</c>, else its camelCase name, as the values binder writes it.</summary>
    public static string KeyOf(string propertyName, string? valuesKey) => valuesKey ?? Binding.HelmValuesBinder.CamelCase(propertyName);

    /// <summary>The member names the user's part declares: generated names avoid them.</summary>
    public EquatableArray<string> DeclaredNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>How the hint name of every generated record starts.</summary>
    public const string HintPrefix = "HubDsl.ChartValues.";

    /// <summary>The hint name of the generated source (unique per record in a project).</summary>
    public string HintName
    {
        get
        {
            var name = new System.Text.StringBuilder(HintPrefix);
            if (!string.IsNullOrEmpty(Namespace)) name.Append(Namespace).Append('.');
            foreach (var outer in ContainingTypes) name.Append(outer.Substring(outer.LastIndexOf(' ') + 1)).Append('.');
            return name.Append(TypeName).Append(".g.cs").ToString();
        }
    }
}
