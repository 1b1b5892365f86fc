using System.Text;

namespace HubDsl.Cli.Import;

/// <summary>
/// C# names from YAML names: PascalCase words (<c>agent-multi-cluster</c> → <c>AgentMultiCluster</c>,
/// <c>replicaCount</c> → <c>ReplicaCount</c>), a leading digit or an empty name made valid, names the DSL's own types
/// or a record's members already use avoided, and collisions numbered in input order, so a second run on the same
/// input picks the same names.
/// </summary>
internal sealed class Identifiers
{
    // HubDsl's public types: a generated type with one of these names would hide the DSL's.
    private static readonly HashSet<string> DslTypes = new(StringComparer.Ordinal)
    {
        "ApiResource", "AppProject", "ApplicationSetAttribute", "ApplicationTemplate", "AutomatedSync", "Backoff", "Cluster", "ClusterGenerator",
        "ClusterSelector", "DeployedResources", "Destination", "EvaluatedValueAttribute", "ExternalSecretRef", "FleetAttribute", "Finalizers",
        "GeneratedManifestAttribute", "HelmSource", "HelmValues", "HubAttribute", "HubInstall", "LabelExpression", "LabelOperator", "MissingKey",
        "Param", "ProjectDestination", "ResourceList", "Resources", "RetryPolicy", "RollingSync", "RollingSyncStep", "SecurityContext", "SpokeAccess",
        "SyncPolicy", "TemplateParam", "TemplateParamKind", "ValuesAttribute", "ValuesKeyAttribute", "Fleet", "ApplicationSet", "Values", "ValuesKey", "Hub",
        "System", "HubDsl", "Object", "String",
    };

    // Members every record has: a property of the same name would not compile.
    private static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "PrintMembers", "Clone",
    };

    // C#'s reserved keywords (a namespace part or name may not be one).
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Whether <paramref name="name"/> is a reserved C# keyword.</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>A scope whose names must differ from <paramref name="reserved"/> (e.g. the enclosing type's name).</summary>
    public Identifiers(params string[] reserved)
    {
        foreach (var name in reserved) _taken.Add(name);
    }

    /// <summary>A new type name in this scope.</summary>
    public string Type(string yamlName, string suffix = "")
    {
        var name = Pascal(yamlName) + suffix;
        if (DslTypes.Contains(name)) name += "Declaration";
        return Unique(name);
    }

    /// <summary>A new member name in this scope.</summary>
    public string Member(string yamlName)
    {
        var name = Pascal(yamlName);
        if (RecordMembers.Contains(name)) name += "Value";
        return Unique(name);
    }

    /// <summary>Marks a name used.</summary>
    public void Reserve(string name) => _taken.Add(name);

    private string Unique(string name)
    {
        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++) candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }

    /// <summary>PascalCase words of a YAML name: separators dropped, each word capitalised, the rest kept.</summary>
    public static string Pascal(string yamlName)
    {
        var sb = new StringBuilder();
        var upperNext = true;
        foreach (var c in yamlName)
        {
            if (c < 128 && char.IsLetterOrDigit(c) || c == '_' && sb.Length > 0)
            {
                if (c == '_')
                {
                    upperNext = true;
                    continue;
                }

                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (sb.Length == 0) return "Value";
        if (char.IsDigit(sb[0])) sb.Insert(0, 'N');
        return sb.ToString();
    }
}
