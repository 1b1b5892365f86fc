using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Render;

/// <summary>
/// Splits <c>helm template</c>'s output into objects as Argo CD does (kube.SplitYAML; a <c>*List</c> is unwrapped,
/// empty documents dropped), adds the tracking metadata for one Application, and writes each object as YAML.
/// </summary>
internal static class ManifestSplitter
{
    /// <summary>The Application with its objects (or the error that stopped it).</summary>
    public static RenderedApplication Split(RenderedApplication app, string helmOutput, ApplicationPlan plan, RenderSettings settings)
    {
        IReadOnlyList<YamlNode> documents;
        try
        {
            documents = YamlReader.ParseAll(helmOutput);
        }
        catch (YamlReaderException e)
        {
            return app with { Error = "helm template printed YAML that cannot be read (line " + e.Line + "): " + e.Reason };
        }

        var objects = new SortedDictionary<ObjectKey, RenderedObject>();
        var warnings = new List<string>();
        foreach (var document in documents.OfType<YamlMapping>())
        {
            var items = document["items"] is YamlSequence list && (document["kind"]?.AsString() ?? string.Empty).EndsWith("List", StringComparison.Ordinal)
                ? list.OfType<YamlMapping>().ToList()
                : new List<YamlMapping> { document };
            foreach (var obj in items)
            {
                ResourceTracking.Apply(obj, plan.InstanceName, plan.DestinationNamespace, settings);
                var key = ObjectKey.Of(obj);
                // Argo CD keeps the last one and warns (RepeatedResourceWarning).
                if (objects.ContainsKey(key)) warnings.Add(key + " is rendered more than once; Argo CD uses the last one and warns");
                objects[key] = new RenderedObject(key, YamlWriter.Write(obj), key.Group.Length == 0 && key.Kind == "Secret");
            }
        }

        return app with { Objects = objects.Values.ToList(), Warnings = warnings };
    }
}
