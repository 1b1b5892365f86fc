using System.Collections.Generic;

namespace HubDsl.Core.Schema;

/// <summary>The helpers the generated table (ApplicationSetSchema.cs) is written with.</summary>
public static partial class ApplicationSetSchema
{
    // Properties over a nested class: the leaves exist before any generated field, whatever the partial files' order.
    private static SchemaNode String => Leaves.String;
    private static SchemaNode Boolean => Leaves.Boolean;
    private static SchemaNode Integer => Leaves.Integer;
    private static SchemaNode IntOrString => Leaves.IntOrString;
    private static SchemaNode Any => Leaves.Any;
    private static SchemaNode AnyObject => Leaves.AnyObject;
    private static SchemaNode OpaqueObject => Leaves.OpaqueObject;

    private static class Leaves
    {
        public static readonly SchemaNode String = new(SchemaKind.String);
        public static readonly SchemaNode Boolean = new(SchemaKind.Boolean);
        public static readonly SchemaNode Integer = new(SchemaKind.Integer) { Format = "int64" };
        public static readonly SchemaNode IntOrString = new(SchemaKind.IntOrString);
        public static readonly SchemaNode Any = new(SchemaKind.Any) { PreserveUnknownFields = true };
        public static readonly SchemaNode AnyObject = new(SchemaKind.Object) { PreserveUnknownFields = true };
        public static readonly SchemaNode OpaqueObject = new(SchemaKind.Object);
        public static readonly string[] NoneRequired = new string[0];
    }

    private static string[] NoneRequired => Leaves.NoneRequired;

    private static KeyValuePair<string, SchemaNode> F(string name, SchemaNode node) => new(name, node);

    private static SchemaNode Obj(string goType, string[] required, params KeyValuePair<string, SchemaNode>[] fields) =>
        Obj(goType, required, false, fields);

    private static SchemaNode Obj(string goType, string[] required, bool preserveUnknown, params KeyValuePair<string, SchemaNode>[] fields) =>
        new(SchemaKind.Object) { GoType = goType, Required = required, Fields = fields, PreserveUnknownFields = preserveUnknown };

    private static SchemaNode Arr(SchemaNode items) => new(SchemaKind.Array) { Items = items };

    private static SchemaNode Map(SchemaNode values) => new(SchemaKind.Object) { Values = values };

    private static SchemaNode Str(string[]? enumValues = null, string? pattern = null, int? minLength = null, string? format = null) =>
        new(SchemaKind.String) { Enum = enumValues, Pattern = pattern, MinLength = minLength, Format = format };
}
