using System.Text;

namespace HubDsl.Cli.Import;

/// <summary>The <c>[Fleet]</c> class: one <c>Cluster</c> field per imported cluster Secret.</summary>
internal static class FleetEmitter
{
    /// <summary>The source of <c>Clusters.cs</c>; <paramref name="members"/> gives each cluster's field name.</summary>
    public static string Emit(string @namespace, string className, string fleetNamespace, IReadOnlyList<(ImportedCluster Cluster, string Member)> members)
    {
        var sb = new StringBuilder();
        sb.Append("using HubDsl;\n\nnamespace ").Append(@namespace).Append(";\n\n");
        sb.Append("/// <summary>The spoke clusters, imported from the hub's cluster Secrets (credentials stay on the hub).</summary>\n");
        sb.Append(fleetNamespace == "argocd" ? "[Fleet]\n" : "[Fleet(Namespace = " + CSharpText.String(fleetNamespace) + ")]\n");
        sb.Append("public static partial class ").Append(className).Append("\n{\n");
        var first = true;
        foreach (var (imported, member) in members)
        {
            var cluster = imported.Cluster;
            if (!first) sb.Append('\n');
            first = false;
            sb.Append("    /// <summary>From ").Append(CSharpText.XmlDoc(CSharpText.Comment(imported.SourceFile))).Append(imported.SecretName.Length > 0 ? " (Secret " + CSharpText.XmlDoc(imported.SecretName) + ")" : string.Empty).Append(".</summary>\n");
            sb.Append("    public static readonly Cluster ").Append(member).Append(" = new(").Append(CSharpText.String(cluster.Name)).Append(", ").Append(CSharpText.String(cluster.Server)).Append(')');
            var body = new List<string>();
            if (cluster.Labels.Count > 0) body.Add("Labels = { " + string.Join(", ", cluster.Labels.Select(l => "[" + CSharpText.String(l.Key) + "] = " + CSharpText.String(l.Value))) + " },");
            if (cluster.Annotations.Count > 0) body.Add("Annotations = { " + string.Join(", ", cluster.Annotations.Select(a => "[" + CSharpText.String(a.Key) + "] = " + CSharpText.String(a.Value))) + " },");
            if (!string.IsNullOrEmpty(cluster.Project)) body.Add("Project = " + CSharpText.String(cluster.Project!) + ",");
            if (cluster.Namespaces.Count > 0)
            {
                // Namespaced mode: the Roles the build writes cover exactly these namespaces.
                body.Add("Namespaces = [" + string.Join(", ", cluster.Namespaces.Select(CSharpText.String)) + "],");
                if (cluster.ClusterResources) body.Add("ClusterResources = true,");
                body.Add("Access = SpokeAccess.Namespaced,");
            }

            if (body.Count == 0)
            {
                sb.Append(";\n");
                continue;
            }

            sb.Append("\n    {\n");
            foreach (var line in body) sb.Append("        ").Append(line).Append('\n');
            sb.Append("    };\n");
        }

        return sb.Append("}\n").ToString();
    }
}
