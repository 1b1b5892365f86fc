using System.Threading.Tasks;
using HubDsl.Cli.Import;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Tests.Import;

/// <summary>The importer's parts that need no build: template parameters, names, meaning, credentials, safety of the output folder, bad input.</summary>
public sealed class ImportUnitTests
{
    [Theory]
    [InlineData("agent-{{name}}", false, "agent-⟦Name:⟧")]
    [InlineData("agent-{{ name }}", false, "agent-⟦Name:⟧")] // fasttemplate trims the tag (applicationset/utils Replace)
    [InlineData("values-{{metadata.labels.env}}.yaml", false, "values-⟦Label:env⟧.yaml")]
    [InlineData("{{values.retention}}", false, "⟦Value:retention⟧")]
    [InlineData("payments-{{.name}}", true, "payments-⟦Name:⟧")]
    [InlineData("payments-{{ .name }}", true, "payments-⟦Name:⟧")]
    [InlineData("{{ index .metadata.labels \"app.kubernetes.io/env\" }}", true, "⟦Label:app.kubernetes.io/env⟧")]
    [InlineData("{{ .metadata.annotations.team }}", true, "⟦Annotation:team⟧")]
    public void Template_parameters_are_read_in_the_ApplicationSets_mode(string text, bool goTemplate, string canonical)
    {
        var parsed = TemplateText.Parse(text, goTemplate);
        Assert.False(parsed.IsRaw);
        Assert.Equal(canonical, parsed.Canonical());
    }

    [Theory]
    [InlineData("{{replicas}}", false)] // not a Cluster generator parameter
    [InlineData("{{ .name | upper }}", true)]
    [InlineData("{{- .name }}", true)] // trims the literal beside it
    [InlineData("{{name}}", true)] // fasttemplate syntax in goTemplate mode
    public void Other_template_actions_are_kept_as_written(string text, bool goTemplate)
    {
        var parsed = TemplateText.Parse(text, goTemplate);
        Assert.True(parsed.IsRaw);
        Assert.Equal(CSharpText.String(text), CSharpText.Template(parsed));
    }

    [Fact]
    public void Template_strings_become_interpolations_with_Param_and_escaped_literals()
    {
        Assert.Equal("$\"a{{b}}-\\\"{Param.Name}\\\"\"", CSharpText.Template(TemplateText.Parse("a{b}-\"{{name}}\"", goTemplate: false)));
        Assert.Equal("Param.Server", CSharpText.Template(TemplateText.Parse("{{server}}", goTemplate: false)));
        Assert.Equal("\"plain\\n\"", CSharpText.Template(TemplateText.Parse("plain\n", goTemplate: false)));
    }

    [Fact]
    public void Names_are_readable_valid_and_stable_identifiers()
    {
        Assert.Equal("AgentMultiCluster", Identifiers.Pascal("agent-multi-cluster"));
        Assert.Equal("ReplicaCount", Identifiers.Pascal("replicaCount"));
        Assert.Equal("N3scale", Identifiers.Pascal("3scale"));
        Assert.Equal("Value", Identifiers.Pascal("--"));
        Assert.Equal("XY", Identifiers.Pascal("x.y"));
        var members = new Identifiers("Owner");
        Assert.Equal("DbUrl", members.Member("db-url"));
        Assert.Equal("DbUrl2", members.Member("dbUrl"));
        Assert.Equal("EqualsValue", members.Member("equals"));
        Assert.Equal("Owner2", members.Member("owner"));
        var types = new Identifiers();
        Assert.Equal("HelmValuesDeclaration", types.Type("helm", "Values")); // HubDsl.HelmValues would be hidden
        Assert.Equal("ParamDeclaration", types.Type("param"));
        Assert.True(Identifiers.IsKeyword("class"));
    }

    [Fact]
    public void Meaning_ignores_order_quoting_defaults_and_HubDsls_labels()
    {
        var handWritten = Yaml("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: {name: a, namespace: argocd}
            spec:
              generators: [{clusters: {}}]
              template:
                metadata: {name: 'a-{{name}}'}
                spec:
                  destination: {server: '{{server}}', namespace: ns}
                  source: {repoURL: https://x, path: p}
                  syncPolicy: {automated: {prune: true}, retry: {limit: 2, backoff: {duration: 5s}}}
            """);
        var generated = Yaml("""
            kind: ApplicationSet
            apiVersion: "argoproj.io/v1alpha1"
            metadata:
              name: a
              namespace: argocd
              labels: {app.kubernetes.io/managed-by: hubdsl, fleet.hubdsl.io/x: 'true'}
            spec:
              generators: [{clusters: {selector: {}}}]
              template:
                metadata: {name: "a-{{ name }}"}
                spec:
                  project: default
                  destination: {namespace: ns, server: "{{server}}"}
                  source: {repoURL: "https://x", path: p, targetRevision: HEAD}
                  syncPolicy: {automated: {prune: true, selfHeal: false, allowEmpty: false}, retry: {limit: 2, backoff: {duration: 5s, factor: 2, maxDuration: 3m}}}
            """);
        Assert.Empty(ManifestMeaning.Differences(ManifestMeaning.ApplicationSet(handWritten), ManifestMeaning.ApplicationSet(generated)));

        var changed = Yaml(YamlWriter.Write(generated).Replace("namespace: ns", "namespace: other"));
        var difference = Assert.Single(ManifestMeaning.Differences(ManifestMeaning.ApplicationSet(handWritten), ManifestMeaning.ApplicationSet(changed)));
        Assert.Equal("spec.template.spec.destination.namespace: input 'ns', imported 'other'", difference);
    }

    [Theory]
    [InlineData("{type: AllAtOnce}", null)]
    [InlineData("{type: RollingSync}", null)] // no rollingSync: IsRollingSyncStrategy is false
    [InlineData("{type: RollingSync, rollingSync: {steps: []}, deletionOrder: Reverse}", null)] // RollingSyncStrategyEnabled needs a step
    [InlineData("{type: Canary, rollingSync: {steps: [{matchExpressions: []}]}}", null)]
    [InlineData("{type: RollingSync, rollingSync: {steps: [{maxUpdate: 1}]}, deletionOrder: AllAtOnce}", "{type: RollingSync, rollingSync: {steps: [{maxUpdate: 1}]}}")]
    [InlineData("{type: RollingSync, rollingSync: {steps: [{maxUpdate: 1}]}, deletionOrder: reverse}", "{type: RollingSync, rollingSync: {steps: [{maxUpdate: 1}]}, deletionOrder: Reverse}")]
    public void Meaning_reads_a_strategy_as_Argo_CDs_progressive_sync_does(string strategy, string? same)
    {
        static YamlNode AppSet(string? strategy) => ManifestMeaning.ApplicationSet(Yaml("""
            kind: ApplicationSet
            metadata: {name: a}
            spec:
              generators: [{clusters: {}}]
            """ + (strategy is null ? string.Empty : "\n  strategy: " + strategy)));

        Assert.Empty(ManifestMeaning.Differences(AppSet(same), AppSet(strategy)));
        if (same is not null) Assert.NotEmpty(ManifestMeaning.Differences(AppSet(null), AppSet(strategy)));
    }

    [Theory]
    [InlineData("{type: RollingSync, rollingSync: {steps: [{matchExpressions: [{key: env, operator: In, values: [a]}], maxUpdate: 2}, {maxUpdate: 10%}]}}", "env In a|2;|10%", "")]
    [InlineData("{type: AllAtOnce, deletionOrder: AllAtOnce}", null, "")]
    [InlineData("{type: RollingSync, rollingSync: {steps: []}}", null, "")]
    [InlineData("{type: RollingSync, rollingSync: {steps: [{matchExpressions: [{key: env, operator: Exists}]}]}}", null, "spec.strategy.rollingSync.steps[0].matchExpressions[0].operator")]
    [InlineData("{type: RollingSync, rollingSync: {steps: [{matchExpressions: [{operator: In}]}]}}", null, "spec.strategy.rollingSync.steps[0].matchExpressions[0]")]
    [InlineData("{type: RollingSync, rollingSync: {steps: [{maxUpdate: '3'}, {maxUpdate: -1}, {maxUpdate: 5}]}}", "|;|;|5", "spec.strategy.rollingSync.steps[0].maxUpdate, spec.strategy.rollingSync.steps[1].maxUpdate")]
    [InlineData("{type: RollingSync, deletionOrder: Reverse, rollingSync: {steps: [{}]}}", "|", "spec.strategy.deletionOrder")]
    [InlineData("{type: Canary}", null, "spec.strategy.type")]
    public void Strategies_import_as_RollingSync_steps_or_are_listed(string strategy, string? steps, string listed)
    {
        var omissions = new List<string>();
        var rollout = RollingSyncImporter.Read(YamlReader.Parse(strategy), (path, _) => omissions.Add(path));

        Assert.Equal(steps, rollout is null ? null : string.Join(";", rollout.Steps.Select(s =>
            string.Join(", ", s.MatchExpressions.Select(e => e.Key + " " + e.Operator + " " + string.Join(" ", e.Values))) + "|" + s.MaxUpdate)));
        Assert.Equal(listed, string.Join(", ", omissions));
    }

    [Fact]
    public void Helm_values_keep_false_and_merge_as_Helm_does()
    {
        var defaults = Yaml("a: {b: 1, c: 2}\nflag: false\nlist: [1, 2]");
        var merged = ManifestMeaning.Merge(defaults, Yaml("a: {c: null, d: 3}\nlist: [3]"));
        Assert.Equal("a:\n  b: 1\n  d: 3\nflag: false\nlist:\n  - 3\n", YamlWriter.Write(ManifestMeaning.Values(merged)));
        Assert.NotEmpty(ManifestMeaning.Differences(ManifestMeaning.Values(Yaml("flag: false")), ManifestMeaning.Values(new YamlMapping())));
        Assert.Empty(ManifestMeaning.Differences(ManifestMeaning.Values(Yaml("n: 2")), ManifestMeaning.Values(Yaml("n: 2.0"))));
    }

    [Fact]
    public void Cluster_credentials_never_reach_the_model_or_the_code()
    {
        const string token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.credential-under-test";
        var secret = Yaml("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: cluster-prod-api.example.com-2412369949
              namespace: argocd
              labels: {argocd.argoproj.io/secret-type: cluster, env: prod}
            stringData:
              name: prod
              server: https://prod-api.example.com
              config: '{"bearerToken": "TOKEN"}'
            """.Replace("TOKEN", token));
        var omissions = new List<ImportOmission>();
        var cluster = ClusterSecretImporter.Import(secret, "prod.yaml", omissions);

        Assert.NotNull(cluster);
        Assert.Empty(omissions);
        Assert.DoesNotContain(token, cluster!.ToString());
        var fleet = new ImportedFleet("argocd", new[] { cluster }, Array.Empty<ImportedAppSet>(), omissions);
        var project = ImportProject.Emit(fleet, "Fleet", "Fleet", new ImportProject.HubDslReference("1.0.0", null));
        Assert.DoesNotContain(token, string.Concat(project.Files.Values));
        Assert.DoesNotContain("config", ManifestMeaning.Strings(ManifestMeaning.ClusterSecret(secret)));
        Assert.Contains("<PackageReference Include=\"HubDsl\" Version=\"1.0.0\" />", project.Files["Fleet.csproj"]);
    }

    [Fact]
    public void Credentials_in_values_become_placeholders_only_where_HUB013_sees_one()
    {
        Assert.True(ValuesShape.IsCredential(YamlScalar.String("hunter2hunter2"), "dbPassword"));
        Assert.True(ValuesShape.IsCredential(YamlScalar.String("AKIAABCDEFGHIJKLMNOP"), "anything"));
        Assert.False(ValuesShape.IsCredential(YamlScalar.String(""), "password"));
        Assert.False(ValuesShape.IsCredential(YamlScalar.String("db-credentials"), "passwordSecretName"));
        Assert.IsType<AnyShape>(ValuesShape.Infer(new YamlNode[] { YamlScalar.String(""), YamlScalar.String("s3cret-text") }, "password"));
        Assert.IsType<SecretShape>(ValuesShape.Infer(new YamlNode[] { YamlScalar.String("s3cret-text") }, "password"));
    }

    [Fact]
    public void The_same_input_emits_the_same_files()
    {
        var values = new ImportedValues("helm", Yaml("replicas: 1\nimage: {tag: a}"), new[] { ("prod", "helm/values-prod.yaml", Yaml("replicas: 3\nimage: {tag: b}")) });
        var template = new ImportedTemplate(TemplateText.Parse("a-{{name}}", false), Array.Empty<(TemplateText, TemplateText)>(), Array.Empty<(TemplateText, TemplateText)>(), Array.Empty<TemplateText>(), null,
            TemplateText.Parse("{{server}}", false), TemplateText.Literal("ns"),
            new ImportedSource(TemplateText.Literal("https://x"), TemplateText.Literal("helm"), null, null, new[] { TemplateText.Parse("values-{{name}}.yaml", false) }, null, false), null);
        var appSet = new ImportedAppSet("a.yaml", "a", "argocd", false, null, false, LabelSelectorModel.Empty, Array.Empty<(string, TemplateText)>(), template) { Values = values };
        var fleet = new ImportedFleet("argocd", Array.Empty<ImportedCluster>(), new[] { appSet }, Array.Empty<ImportOmission>());

        var first = ImportProject.Emit(fleet, "Fleet", "Fleet", new ImportProject.HubDslReference("1.0.0", null)).Files;
        var second = ImportProject.Emit(fleet, "Fleet", "Fleet", new ImportProject.HubDslReference("1.0.0", null)).Files;

        Assert.Equal(first, second);
        Assert.Contains("Image = new AImage { Tag = \"b\" },", first["A.cs"]);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten_without_force_and_nothing_is_written()
    {
        using var workspace = new ImportWorkspace().CopyFixture("scenario");
        workspace.Write("fleet/Clusters.cs", "// mine\n");

        var run = await workspace.ImportAsync("--appset", "@argocd", "--clusters", "@hub");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("1 file(s) already exist", run.Stderr);
        Assert.Contains("Clusters.cs", run.Stderr);
        Assert.Equal("// mine\n", File.ReadAllText(Path.Combine(workspace.Output, "Clusters.cs")));
        Assert.Equal(new[] { "Clusters.cs" }, workspace.Written().Keys);
    }

    [Theory]
    [InlineData("no ApplicationSet", "--appset", "@hub", "holds no argoproj.io/v1alpha1 ApplicationSet")]
    [InlineData("both sources", "--clusters", "@hub", "--from-hub", "do not go together")]
    [InlineData("not a folder", "--values", "@helm/values.yaml", "is not a folder")]
    [InlineData("missing file", "--appset", "@nope.yaml", "no such file")]
    [InlineData("bad namespace", "--appset", "@argocd", "--namespace", "a.class", "is not a C# namespace")]
    public async Task Bad_input_is_exit_2_with_one_line_naming_the_option(string why, params string[] argsAndMessage)
    {
        using var workspace = new ImportWorkspace().CopyFixture("scenario");
        workspace.Write("broken.yaml", "a: [\n");

        var run = await workspace.ImportAsync(argsAndMessage.SkipLast(1).ToArray());

        Assert.True(run.ExitCode == 2, why + ": " + run);
        Assert.Contains(argsAndMessage.Last(), run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(workspace.Output), why + ": nothing may be written");
    }

    [Fact]
    public async Task Invalid_yaml_and_nothing_to_import_are_bad_input()
    {
        using var workspace = new ImportWorkspace().Write("broken.yaml", "a: [\n");
        var broken = await workspace.ImportAsync("--appset", "@broken.yaml");
        Assert.True(broken.ExitCode == 2, broken.ToString());
        Assert.Contains("--appset: '" + Path.Combine(workspace.Root, "broken.yaml") + "' is not valid YAML (line", broken.Stderr);

        var nothing = await workspace.ImportAsync();
        Assert.True(nothing.ExitCode == 2, nothing.ToString());
        Assert.Contains("nothing to import", nothing.Stderr);
    }

    private static YamlMapping Yaml(string text) => (YamlMapping)YamlReader.Parse(text);
}
