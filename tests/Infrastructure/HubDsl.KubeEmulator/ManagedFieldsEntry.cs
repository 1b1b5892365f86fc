using System.Collections.Generic;

namespace HubDsl.KubeEmulator;

/// <summary>One metadata.managedFields entry: which manager owns which fields, and through which operation.</summary>
public sealed class ManagedFieldsEntry(string manager, string operation, string apiVersion, string time, HashSet<FieldPath> fields)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public string Manager { get; } = manager;

    public string Operation { get; } = operation;

    public string ApiVersion { get; set; } = apiVersion;

    public string Time { get; set; } = time;

    public HashSet<FieldPath> Fields { get; set; } = fields;
}
