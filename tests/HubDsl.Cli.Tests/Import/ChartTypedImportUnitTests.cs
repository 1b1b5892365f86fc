using HubDsl.Cli.Import;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Tests.Import;

/// <summary>
/// How the import chooses between a <c>[ChartValues]</c> record and one typed from the values files, without building:
/// a folder without Chart.yaml keeps today's record; a value the chart's generated types cannot hold falls back, saying
/// why; a credential at a top-level key becomes a hand-written <c>ExternalSecretRef</c> property taking the key over.
/// </summary>
public sealed class ChartTypedImportUnitTests : IDisposable
{
    private const string AppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata: {name: agent, namespace: argocd}
        spec:
          generators: [{clusters: {selector: {matchLabels: {deploy: "true"}}}}]
          template:
            metadata: {name: 'agent-{{name}}'}
            spec:
              project: default
              destination: {server: '{{server}}', namespace: agent}
              source:
                repoURL: https://github.com/example/fleet
                path: charts/agent
                helm:
                  valueFiles: [values.yaml, 'values-{{metadata.labels.env}}.yaml']
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hubdsl-import-unit", Guid.NewGuid().ToString("N").Substring(0, 12));

    [Fact]
    public void A_values_folder_without_Chart_yaml_is_typed_from_its_values_files()
    {
        var project = Import(chart: false, "replicaCount: 1\nlog-level: info\n", "replicaCount: 3\n");

        Assert.Empty(project.ChartTyped);
        Assert.Equal("AgentValues (" + Folder + ")", Assert.Single(project.ValuesTyped));
        Assert.Contains("public sealed record AgentValues : HelmValues\n{", project.Files["AgentValues.cs"]);
        Assert.DoesNotContain("ChartValues", project.Files["AgentValues.cs"]);
        Assert.Empty(project.ChartFiles);
        Assert.Contains("[Values]\n    public static readonly AgentValues Defaults = new();", project.Files["Agent.cs"]);
    }

    [Fact]
    public void A_chart_folder_is_typed_from_the_chart_by_the_generated_names()
    {
        var project = Import(chart: true, "replicaCount: 1\nlog-level: info\nredis-ha:\n  enabled: false\n", "log-level: warn\nredis-ha:\n  enabled: true\n");

        Assert.Equal("AgentValues (charts/agent)", Assert.Single(project.ChartTyped));
        Assert.Equal("[ChartValues(\"charts/agent\")]\npublic sealed partial record AgentValues : HelmValues;\n", project.Files["AgentValues.cs"].Substring(project.Files["AgentValues.cs"].IndexOf("[ChartValues", StringComparison.Ordinal)));
        Assert.Contains("LogLevel = \"warn\",", project.Files["Agent.cs"]);
        Assert.Contains("RedisHa = new() { Enabled = true },", project.Files["Agent.cs"]);
        Assert.Equal(new[] { "charts/agent/Chart.yaml", "charts/agent/values.yaml" }, project.ChartFiles.Keys);
    }

    [Fact]
    public void A_value_the_chart_types_otherwise_falls_back_to_the_values_files_and_says_why()
    {
        var project = Import(chart: true, "replicaCount: 1\n", "replicaCount: three\n");

        Assert.Empty(project.ChartTyped);
        Assert.Equal("AgentValues (" + Folder + "), not from its chart: values-prod.yaml sets replicaCount to text, which the chart's record types as int", Assert.Single(project.ValuesTyped));
        Assert.Contains("public object ReplicaCount { get; init; }", project.Files["AgentValues.cs"]);
        Assert.Empty(project.ChartFiles);
    }

    [Fact]
    public void A_key_the_chart_does_not_have_falls_back()
    {
        var project = Import(chart: true, "image:\n  tag: a\n", "image:\n  digest: sha256:abc\n");

        Assert.Empty(project.ChartTyped);
        Assert.Contains("values-prod.yaml sets image.digest, a key the chart's values.yaml and schema do not have", Assert.Single(project.ValuesTyped));
    }

    [Fact]
    public void A_top_level_credential_is_a_hand_written_ExternalSecretRef_that_takes_the_chart_key_over()
    {
        var project = Import(chart: true, "replicaCount: 1\nadminPassword: \"\"\n", "adminPassword: correct-horse-battery-staple\n");

        Assert.Single(project.ChartTyped);
        var record = project.Files["AgentValues.cs"];
        Assert.Contains("    [ValuesKey(\"adminPassword\")]", record);
        Assert.Contains("    public ExternalSecretRef? AdminPassword { get; init; }", record);
        Assert.Contains("AdminPassword = new ExternalSecretRef(\"agent-adminpassword\", Store: \"TODO-secret-store\", RemoteKey: \"TODO/values-prod/adminPassword\"),", project.Files["Agent.cs"]);
        Assert.Contains("// TODO: values-prod.yaml had a credential at adminPassword: not imported.", project.Files["Agent.cs"]);
        Assert.Equal("adminPassword", Assert.Single(project.Placeholders).FieldPath);
        Assert.DoesNotContain("correct-horse-battery-staple", string.Concat(project.Files.Values));
    }

    [Fact]
    public void A_credential_inside_a_nested_value_falls_back_to_the_values_files()
    {
        var project = Import(chart: true, "db:\n  host: db\n  password: \"\"\n", "db:\n  password: correct-horse-battery-staple\n");

        Assert.Empty(project.ChartTyped);
        Assert.Contains("values-prod.yaml has a credential at db.password", Assert.Single(project.ValuesTyped));
        Assert.DoesNotContain("correct-horse-battery-staple", string.Concat(project.Files.Values));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string Folder => Path.Combine(_root, "charts", "agent");

    private ImportProject Import(bool chart, string values, string prod)
    {
        Directory.CreateDirectory(Folder);
        if (chart) File.WriteAllText(Path.Combine(Folder, "Chart.yaml"), "apiVersion: v2\nname: agent\nversion: 0.1.0\n");
        File.WriteAllText(Path.Combine(Folder, "values.yaml"), values);
        File.WriteAllText(Path.Combine(Folder, "values-prod.yaml"), prod);
        var fleet = FleetImporter.Import(new[] { ("agent.yaml", (YamlMapping)YamlReader.Parse(AppSet)) }, Array.Empty<(string, YamlMapping)>(), new[] { Folder });
        Assert.Empty(fleet.Omissions);
        return ImportProject.Emit(fleet, "Fleet", "Fleet", new ImportProject.HubDslReference("1.0.0", null), Path.Combine(_root, "fleet"));
    }
}
