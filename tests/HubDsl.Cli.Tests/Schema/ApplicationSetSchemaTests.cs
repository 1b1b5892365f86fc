using CsCheck;
using HubDsl.Core.Schema;
using HubDsl.Core.Yaml;
using HubDsl.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace HubDsl.Cli.Tests.Schema;

/// <summary>
/// The ApplicationSet schema table Core validates and shapes with (src/HubDsl.Core/Schema/ApplicationSetSchema.cs) is
/// Argo CD's CRD: compared node by node with ../shared/schemas/argocd/applicationset-crd.yaml, and the validator agrees
/// with NJsonSchema on that CRD for every generated document.
/// </summary>
public sealed class ApplicationSetSchemaTests
{
    private static readonly string CrdFile = Path.Combine(PreviewSchemaTests.Schemas, "applicationset-crd.yaml");

    // The keywords the table models; a CRD that uses another one needs the table (and this list) extended.
    private static readonly HashSet<string> Modelled = new(StringComparer.Ordinal)
    {
        "description", "type", "properties", "required", "items", "additionalProperties", "enum", "pattern", "minLength", "format",
        "anyOf", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-list-type", "x-kubernetes-map-type",
    };

    [CrdSchemaFact]
    public void The_table_is_the_CRD_schema_node_for_node()
    {
        var crd = LoadCrd();
        var spec = (JObject)crd["properties"]!["spec"]!;
        var differences = new List<string>();
        var visited = Compare(spec, ApplicationSetSchema.Spec, "spec", differences);
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(40)));
        // Every one of the CRD's schema nodes under spec was compared (the CRD repeats the Application schema per generator).
        Assert.True(visited > 9000, "visited " + visited);
    }

    [CrdSchemaFact]
    public void The_comparison_fails_on_a_changed_table()
    {
        // A CRD with one more required field, one more property and another enum differs from the table.
        var spec = (JObject)LoadCrd()["properties"]!["spec"]!.DeepClone();
        ((JArray)spec["properties"]!["template"]!["properties"]!["spec"]!["required"]!).Add("sources");
        ((JObject)spec["properties"]!["template"]!["properties"]!["spec"]!["properties"]!).Add("newField", new JObject { ["type"] = "string" });
        ((JArray)spec["properties"]!["syncPolicy"]!["properties"]!["applicationsSync"]!["enum"]!).Add("never");
        var differences = new List<string>();
        Compare(spec, ApplicationSetSchema.Spec, "spec", differences);
        Assert.Contains(differences, d => d.StartsWith("spec.template.spec: required", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("spec.template.spec: fields", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("spec.syncPolicy.applicationsSync: enum", StringComparison.Ordinal));
    }

    [Fact]
    public void Fields_come_in_go_declaration_order()
    {
        // pkg/apis/application/v1alpha1/types.go (v3.5.1) ApplicationSpec, ApplicationSource, ApplicationSourceHelm,
        // ApplicationDestination; applicationset_types.go ApplicationSetSpec, ApplicationSetGenerator, ApplicationSetTemplateMeta.
        Assert.Equal(new[] { "source", "destination", "project", "syncPolicy", "ignoreDifferences", "info", "revisionHistoryLimit", "sources", "sourceHydrator" }, Names(ApplicationSetSchema.ApplicationSpec));
        Assert.Equal(new[] { "repoURL", "path", "targetRevision", "helm", "kustomize", "directory", "plugin", "chart", "ref", "name", "tagPrefix" }, Names(ApplicationSetSchema.ApplicationSource));
        Assert.Equal(new[] { "valueFiles", "parameters", "releaseName", "values", "fileParameters", "version", "passCredentials", "ignoreMissingValueFiles", "skipCrds", "valuesObject", "namespace", "kubeVersion", "apiVersions", "skipTests", "skipSchemaValidation" }, Names(ApplicationSetSchema.ApplicationSourceHelm));
        Assert.Equal(new[] { "server", "namespace", "name" }, Names(ApplicationSetSchema.ApplicationDestination));
        Assert.Equal(new[] { "goTemplate", "generators", "template", "syncPolicy", "strategy", "preservedFields", "goTemplateOptions", "applyNestedSelectors", "ignoreApplicationDifferences", "templatePatch" }, Names(ApplicationSetSchema.Spec));
        Assert.Equal(new[] { "list", "clusters", "git", "scmProvider", "clusterDecisionResource", "pullRequest", "matrix", "merge", "selector", "plugin" }, Names(ApplicationSetSchema.ApplicationSetGenerator));
        Assert.Equal(new[] { "name", "namespace", "labels", "annotations", "finalizers" }, Names(ApplicationSetSchema.ApplicationSetTemplateMeta));
    }

    [CrdSchemaFact]
    public void The_validator_agrees_with_NJsonSchema_on_the_CRD()
    {
        var schema = CrdSchema.Load(CrdFile);
        var seed = (YamlMapping)YamlReader.Parse(SeedDocument);
        Assert.Empty(schema.Validate(JsonOf(seed)));
        Assert.Empty(ApplicationSetValidation.Validate(seed).Errors);

        var gen = Gen.Int[0, int.MaxValue].Array[1, 4];
        Property.Check(gen, picks =>
        {
            var document = (YamlMapping)YamlReader.Parse(SeedDocument);
            foreach (var pick in picks) Mutate(document, pick);
            var theirs = schema.Validate(JsonOf(document));
            var ours = ApplicationSetValidation.Validate(document);
            var oursValid = ours.Errors.Count == 0 && ours.UnknownFields.Count == 0;
            Assert.True(oursValid == (theirs.Count == 0),
                "NJsonSchema: [" + string.Join("; ", theirs) + "]\nHubDsl: [" + string.Join("; ", ours.Errors.Concat(ours.UnknownFields.Select(u => "unknown " + u))) + "]\n" + YamlWriter.Write(document));
        }, cases: 300);
    }

    // A document that uses much of the schema: every mutation lands somewhere with a rule.
    internal const string SeedDocument = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: seed
        spec:
          goTemplate: true
          goTemplateOptions: ["missingkey=error"]
          generators:
          - matrix:
              generators:
              - clusters:
                  selector:
                    matchLabels:
                      env: prod
                    matchExpressions:
                    - key: tier
                      operator: In
                      values: [a, b]
                  values:
                    revision: main
              - list:
                  elements:
                  - app: one
                    replicas: 2
          - git:
              repoURL: https://example.com/repo.git
              revision: HEAD
              directories:
              - path: apps/*
                exclude: false
          - merge:
              mergeKeys: [name]
              generators:
              - clusters: {}
              - list:
                  elements: []
          template:
            metadata:
              name: '{{.name}}'
              labels:
                team: platform
            spec:
              project: default
              source:
                repoURL: https://example.com/repo.git
                targetRevision: HEAD
                path: charts/app
                helm:
                  releaseName: app
                  valueFiles: [values.yaml]
                  parameters:
                  - name: image.tag
                    value: v1
                    forceString: true
                  valuesObject:
                    any: [thing, 1]
                kustomize:
                  replicas:
                  - name: web
                    count: 3
              destination:
                server: '{{.server}}'
                namespace: app
              syncPolicy:
                automated:
                  prune: true
                  selfHeal: true
                syncOptions: [CreateNamespace=true]
                retry:
                  limit: 5
                  backoff:
                    duration: 5s
                    factor: 2
              revisionHistoryLimit: 3
              sourceHydrator:
                drySource:
                  repoURL: https://example.com/repo.git
                  targetRevision: HEAD
                  path: dry
                syncSource:
                  targetBranch: env
                  path: envs/prod
          syncPolicy:
            applicationsSync: create-update
            preserveResourcesOnDeletion: true
          strategy:
            type: RollingSync
            rollingSync:
              steps:
              - matchExpressions:
                - key: env
                  operator: In
                  values: [prod]
                maxUpdate: 25%
          templatePatch: |
            spec: {}
        """;

    // Made afresh for each use: a shared mapping, once placed in a document, could be mutated into containing itself
    // (a later pick inside it sets one of its keys to it), and would carry one case's mutations into the next.
    private static readonly Func<YamlNode>[] Replacements =
    {
        () => YamlScalar.String("x"), () => YamlScalar.String(string.Empty), () => YamlScalar.String("."), () => YamlScalar.Bool(true), () => YamlScalar.Int(5), () => YamlScalar.Float(1.5),
        () => new YamlSequence(), () => new YamlSequence().Add(YamlScalar.String("a")), () => new YamlMapping(), () => new YamlMapping().Set("unknownField", "u"),
    };

    // Replaces, removes or adds at a node picked by the number (metadata is left to the API server's ObjectMeta rules).
    private static void Mutate(YamlMapping document, int pick)
    {
        var spots = new List<(YamlNode Parent, object Key)>();
        Collect(document["spec"]!, spots);
        var (parent, key) = spots[pick % spots.Count];
        var action = (pick / spots.Count) % (Replacements.Length + 2);
        if (parent is YamlMapping map)
        {
            if (action == Replacements.Length) map.Remove((string)key);
            else if (action == Replacements.Length + 1) map.Set("extra" + (pick % 7), YamlScalar.String("e"));
            else map.Set((string)key, Replacements[action]());
        }
        else if (parent is YamlSequence seq && action < Replacements.Length)
        {
            var items = seq.ToList();
            items[(int)key] = Replacements[action]();
            var rebuilt = new YamlSequence(items);
            Replace(document, seq, rebuilt);
        }
    }

    private static void Collect(YamlNode node, List<(YamlNode, object)> spots)
    {
        if (node is YamlMapping map)
        {
            foreach (var entry in map.ToList())
            {
                spots.Add((map, entry.Key));
                Collect(entry.Value, spots);
            }
        }
        else if (node is YamlSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                spots.Add((seq, i));
                Collect(seq[i], spots);
            }
        }
    }

    private static bool Replace(YamlNode node, YamlSequence old, YamlSequence replacement)
    {
        if (node is YamlMapping map)
        {
            foreach (var entry in map.ToList())
            {
                if (ReferenceEquals(entry.Value, old))
                {
                    map.Set(entry.Key, replacement);
                    return true;
                }

                if (Replace(entry.Value, old, replacement)) return true;
            }
        }
        else if (node is YamlSequence seq)
        {
            foreach (var item in seq)
            {
                if (Replace(item, old, replacement)) return true;
            }
        }

        return false;
    }

    private static JToken JsonOf(YamlNode node) => node switch
    {
        YamlMapping map => new JObject(map.Select(e => new JProperty(e.Key, JsonOf(e.Value)))),
        YamlSequence seq => new JArray(seq.Select(JsonOf)),
        YamlScalar { Kind: ScalarKind.String } s => new JValue(s.Value),
        YamlScalar { Kind: ScalarKind.Bool } b => new JValue(b.Value == "true"),
        YamlScalar { Kind: ScalarKind.Int } i => new JValue(long.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture)),
        YamlScalar { Kind: ScalarKind.Float } f => new JValue(double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => JValue.CreateNull(),
    };

    private static string[] Names(SchemaNode node) => node.Fields.Select(f => f.Key).ToArray();

    private static JObject LoadCrd()
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(File.ReadAllText(CrdFile)));
        var crd = (JObject)CrdSchema.ToJson(stream.Documents[0].RootNode);
        return (JObject)crd["spec"]!["versions"]!.Children<JObject>().Single(v => (string?)v["name"] == "v1alpha1")["schema"]!["openAPIV3Schema"]!;
    }

    // Compares one CRD schema node with one table node, recursively; returns how many CRD nodes it visited.
    private static int Compare(JObject crd, SchemaNode node, string path, List<string> differences)
    {
        foreach (var keyword in crd.Properties().Select(p => p.Name))
        {
            if (!Modelled.Contains(keyword)) differences.Add(path + ": the CRD uses '" + keyword + "', which the table does not model");
        }

        var type = (string?)crd["type"];
        var preserve = crd["x-kubernetes-preserve-unknown-fields"]?.Value<bool>() == true;
        var visited = 1;
        void Expect(bool ok, string what)
        {
            if (!ok) differences.Add(path + ": " + what);
        }

        if (crd["x-kubernetes-int-or-string"]?.Value<bool>() == true)
        {
            Expect(node.Kind == SchemaKind.IntOrString, "kind " + node.Kind + ", the CRD says int-or-string");
            return visited;
        }

        if (crd["properties"] is JObject properties)
        {
            Expect(node.Kind == SchemaKind.Object, "kind " + node.Kind + ", the CRD says an object with properties");
            var crdNames = properties.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var names = node.Fields.Select(f => f.Key).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Expect(crdNames.SequenceEqual(names), "fields [" + string.Join(", ", names) + "], the CRD has [" + string.Join(", ", crdNames) + "]");
            var required = (crd["required"] as JArray)?.Select(r => (string)r!).OrderBy(n => n, StringComparer.Ordinal).ToList() ?? new List<string>();
            Expect(required.SequenceEqual(node.Required.OrderBy(n => n, StringComparer.Ordinal)), "required [" + string.Join(", ", node.Required) + "], the CRD has [" + string.Join(", ", required) + "]");
            Expect(node.PreserveUnknownFields == preserve, "preserve-unknown-fields " + node.PreserveUnknownFields);
            foreach (var property in properties.Properties())
            {
                if (node.Field(property.Name) is { } field) visited += Compare((JObject)property.Value, field, path + "." + property.Name, differences);
            }

            return visited;
        }

        switch (type)
        {
            case "array":
                Expect(node.Kind == SchemaKind.Array && node.Items is not null, "kind " + node.Kind + ", the CRD says array");
                if (node.Items is not null) visited += Compare((JObject)crd["items"]!, node.Items, path + "[]", differences);
                return visited;
            case "object" when crd["additionalProperties"] is JObject values:
                Expect(node.Kind == SchemaKind.Object && node.Values is not null, "kind " + node.Kind + ", the CRD says a map");
                if (node.Values is not null) visited += Compare(values, node.Values, path + "{}", differences);
                return visited;
            case "object":
                Expect(node.Kind == SchemaKind.Object && node.Fields.Count == 0 && node.Values is null && node.PreserveUnknownFields == preserve, "the CRD says an object without properties (preserve " + preserve + ")");
                return visited;
            case null when preserve:
                Expect(node.Kind == SchemaKind.Any, "kind " + node.Kind + ", the CRD says anything");
                return visited;
            case "string":
                Expect(node.Kind == SchemaKind.String, "kind " + node.Kind + ", the CRD says string");
                var values2 = (crd["enum"] as JArray)?.Select(v => (string)v!).ToList();
                Expect(values2 is null ? node.Enum is null : node.Enum is not null && values2.SequenceEqual(node.Enum), "enum [" + string.Join(", ", node.Enum ?? Array.Empty<string>()) + "]");
                Expect((string?)crd["pattern"] == node.Pattern, "pattern " + node.Pattern);
                Expect((int?)crd["minLength"] == node.MinLength, "minLength " + node.MinLength);
                Expect((string?)crd["format"] == node.Format, "format " + node.Format);
                return visited;
            case "boolean":
                Expect(node.Kind == SchemaKind.Boolean, "kind " + node.Kind + ", the CRD says boolean");
                return visited;
            case "integer":
                Expect(node.Kind == SchemaKind.Integer && (string?)crd["format"] == node.Format, "kind " + node.Kind + " format " + node.Format + ", the CRD says integer " + (string?)crd["format"]);
                return visited;
            default:
                differences.Add(path + ": unexpected CRD node " + crd.ToString(Newtonsoft.Json.Formatting.None));
                return visited;
        }
    }
}
