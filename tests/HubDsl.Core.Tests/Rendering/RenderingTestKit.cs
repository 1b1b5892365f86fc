using System.Text;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>Builds cluster Secrets and ApplicationSets from YAML and reads rendered Applications.</summary>
internal static class RenderingTestKit
{
    /// <summary>A cluster Secret as stored in the hub (stringData, or base64 data when <paramref name="base64"/>).</summary>
    public static YamlMapping Secret(
        string name,
        string server,
        IDictionary<string, string>? labels = null,
        IDictionary<string, string>? annotations = null,
        string? @namespace = "argocd",
        string? project = null,
        bool base64 = false,
        bool secretTypeLabel = true,
        string? secretName = null)
    {
        var sb = new StringBuilder();
        sb.Append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").Append(Quote(secretName ?? "cluster-" + name)).Append('\n');
        if (@namespace is not null) sb.Append("  namespace: ").Append(Quote(@namespace)).Append('\n');
        sb.Append("  labels:\n");
        if (secretTypeLabel) sb.Append("    argocd.argoproj.io/secret-type: cluster\n");
        foreach (var label in labels ?? new Dictionary<string, string>()) sb.Append("    ").Append(Quote(label.Key)).Append(": ").Append(Quote(label.Value)).Append('\n');
        if (annotations is { Count: > 0 })
        {
            sb.Append("  annotations:\n");
            foreach (var a in annotations) sb.Append("    ").Append(Quote(a.Key)).Append(": ").Append(Quote(a.Value)).Append('\n');
        }

        sb.Append("type: Opaque\n");
        var data = new List<(string, string)> { ("name", name), ("server", server), ("config", "{\"tlsClientConfig\":{\"insecure\":false}}") };
        if (project is not null) data.Add(("project", project));
        sb.Append(base64 ? "data:\n" : "stringData:\n");
        foreach (var (k, v) in data)
        {
            sb.Append("  ").Append(k).Append(": ").Append(Quote(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(v)) : v)).Append('\n');
        }

        return (YamlMapping)YamlReader.Parse(sb.ToString());
    }

    /// <summary>The scenario's three clusters: staging, prod, dr, labelled env=&lt;name&gt; and deploy=true.</summary>
    public static YamlMapping[] ScenarioSecrets() => new[]
    {
        Secret("staging", "https://staging.example.com", Labels(("env", "staging"), ("deploy", "true"))),
        Secret("prod", "https://prod.example.com", Labels(("env", "prod"), ("deploy", "true")), base64: true),
        Secret("dr", "https://dr.example.com", Labels(("env", "dr"), ("deploy", "true"))),
    };

    public static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value);

    public static RenderResult Render(string applicationSetYaml, IEnumerable<YamlMapping> secrets, RenderOptions? options = null) =>
        ApplicationSetRenderer.Render((YamlMapping)YamlReader.Parse(applicationSetYaml, "appset.yaml"), secrets, options);

    public static RenderResult Render(string applicationSetYaml, RenderOptions? options = null) =>
        Render(applicationSetYaml, ScenarioSecrets(), options);

    public static IReadOnlyList<string> Names(RenderResult result) =>
        result.Applications.Select(a => Get(a, "metadata.name")!.AsString()!).ToList();

    public static YamlMapping App(RenderResult result, string name) =>
        result.Applications.Single(a => Get(a, "metadata.name")!.AsString() == name);

    /// <summary>The node at a dotted path with [i] indexes; keys with dots in brackets: metadata.labels["a.b/c"].</summary>
    public static YamlNode? Get(YamlNode node, string path)
    {
        YamlNode? current = node;
        var i = 0;
        while (current is not null && i < path.Length)
        {
            if (path[i] == '.') i++;
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                var inner = path.Substring(i + 1, close - i - 1);
                current = inner.StartsWith('"') ? (current as YamlMapping)?[inner.Trim('"')] : (current as YamlSequence) is { } s && int.Parse(inner) < s.Count ? s[int.Parse(inner)] : null;
                i = close + 1;
                continue;
            }

            var end = path.IndexOfAny(new[] { '.', '[' }, i);
            if (end < 0) end = path.Length;
            current = (current as YamlMapping)?[path.Substring(i, end - i)];
            i = end;
        }

        return current;
    }

    public static string? Str(YamlNode node, string path) => Get(node, path)?.AsString();

    private static string Quote(string value) => YamlQuoting.Inline(value);
}
