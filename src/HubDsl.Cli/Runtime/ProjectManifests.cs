using System.Text;
using System.Text.Json.Nodes;
using HubDsl.Cli.Input;
using HubDsl.Core.Manifests;
using HubDsl.Core.Yaml;
using HubDsl.FileSync;

namespace HubDsl.Cli.Runtime;

/// <summary>One hub object a project generates, as the apply configuration <c>hubdsl apply</c> sends.</summary>
public sealed record DesiredObject(ResourceType Type, string Namespace, string Name, JsonObject Configuration, string SourceFile)
{
    /// <summary>"Kind ns/name".</summary>
    public override string ToString() => Type.Describe(Namespace, Name);
}

/// <summary>
/// Reads the hub manifests a HubDsl build generated: exactly the files under <c>argocd/</c> that the project's
/// output record (<c>.hubdsl/&lt;Project&gt;.files</c>) lists, each checked against its recorded hash, none reached
/// through a link: ApplicationSets, AppProjects and cluster Secrets. A cluster Secret's apply configuration carries only
/// its labels, annotations and non-credential data (name, server, namespaces, project, ...): never <c>config</c>,
/// which belongs to whoever registered the cluster.
/// </summary>
public static class ProjectManifests
{
    /// <summary>Secret data keys apply may own (Argo CD's non-credential cluster keys).</summary>
    public static readonly IReadOnlySet<string> ClusterDataKeys = new HashSet<string>(StringComparer.Ordinal) { "name", "server", "namespaces", "clusterResources", "project", "shard" };

    /// <summary>The project's generated hub objects, sorted by kind (AppProjects, Secrets, ApplicationSets) and name.</summary>
    public static IReadOnlyList<DesiredObject> Load(string projectFolder, string defaultNamespace, ICollection<string>? warnings = null)
    {
        if (!Directory.Exists(projectFolder)) throw new UserInputException("--project: project folder '" + projectFolder + "' " + (File.Exists(projectFolder) ? "is a file, not a folder" : "does not exist"));
        var objects = new List<DesiredObject>();
        foreach (var recorded in GeneratedHubFiles(projectFolder))
        {
            var file = recorded.FullPath;
            foreach (var manifest in ManifestFiles.Parse(recorded.Text, file))
            {
                var apiVersion = manifest["apiVersion"]?.AsString();
                var kind = manifest["kind"]?.AsString();
                if (apiVersion is null && kind is null) continue; // e.g. generated Helm values
                var type = ResourceType.Find(apiVersion, kind);
                if (type is null || !ResourceType.HubKinds.Contains(type))
                {
                    warnings?.Add("skipped " + apiVersion + " " + kind + " in '" + file + "': hubdsl apply writes ApplicationSets, AppProjects and cluster Secrets only");
                    continue;
                }

                var name = (manifest["metadata"] as YamlMapping)?["name"]?.AsString();
                if (string.IsNullOrEmpty(name)) throw new UserInputException("'" + file + "': a " + kind + " without metadata.name");
                var ns = (manifest["metadata"] as YamlMapping)?["namespace"]?.AsString() ?? defaultNamespace;
                var configuration = type == ResourceType.Secret ? SecretConfiguration(manifest, file) : JsonYaml.ToJson(manifest);
                var metadata = (JsonObject)configuration["metadata"]!;
                metadata["namespace"] = ns;
                if (objects.Any(o => o.Type == type && o.Namespace == ns && o.Name == name))
                {
                    throw new UserInputException(type.Describe(ns, name) + " is generated twice (again in '" + file + "')");
                }

                objects.Add(new DesiredObject(type, ns, name, configuration, file));
            }
        }

        if (objects.Count == 0)
        {
            throw new UserInputException("no generated hub manifests for '" + projectFolder + "': its output record lists none under " + FleetManifests.HubManifestFolder + "; build the HubDsl project first (dotnet build)");
        }

        int Order(ResourceType t) => t == ResourceType.AppProject ? 0 : t == ResourceType.Secret ? 1 : 2;
        return objects.OrderBy(o => Order(o.Type)).ThenBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The generated hub manifest files (under <c>argocd/</c>) the project's build recorded, each read once and checked
    /// against the record. Shared by apply, diff and preview, so all of them read exactly the generated files.
    /// </summary>
    public static IReadOnlyList<RecordedFile> GeneratedHubFiles(string projectFolder)
    {
        if (!Directory.Exists(projectFolder)) throw new UserInputException("project folder '" + projectFolder + "' does not exist");
        RecordedOutput output;
        try
        {
            output = RecordedOutput.Find(projectFolder);
        }
        catch (OutputRecordException e)
        {
            throw new UserInputException("no generated hub manifests for '" + projectFolder + "': " + e.Message);
        }

        try
        {
            return output.Files(path => path.StartsWith(FleetManifests.HubManifestFolder, StringComparison.Ordinal) && path.EndsWith(".yaml", StringComparison.Ordinal));
        }
        catch (OutputRecordException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    // Labels, annotations and the non-credential keys only, as base64 data (the server folds stringData into data,
    // so field ownership is recorded on data either way).
    private static JsonObject SecretConfiguration(YamlMapping manifest, string file)
    {
        var metadata = manifest["metadata"] as YamlMapping ?? new YamlMapping();
        var meta = new JsonObject { ["name"] = metadata["name"]?.AsString() };
        if (metadata["labels"] is YamlMapping labels) meta["labels"] = JsonYaml.ToJson(labels);
        if (metadata["annotations"] is YamlMapping annotations) meta["annotations"] = JsonYaml.ToJson(annotations);
        var data = new JsonObject();
        if (manifest["data"] is YamlMapping encoded)
        {
            foreach (var entry in encoded.Where(e => ClusterDataKeys.Contains(e.Key)))
            {
                data[entry.Key] = entry.Value.AsString() ?? throw new UserInputException("'" + file + "': data." + entry.Key + " is not a string");
            }
        }

        if (manifest["stringData"] is YamlMapping plain)
        {
            foreach (var entry in plain.Where(e => ClusterDataKeys.Contains(e.Key)))
            {
                var text = entry.Value is YamlScalar scalar ? scalar.Value : throw new UserInputException("'" + file + "': stringData." + entry.Key + " is not a string");
                data[entry.Key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            }
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = meta, ["data"] = data };
    }
}
