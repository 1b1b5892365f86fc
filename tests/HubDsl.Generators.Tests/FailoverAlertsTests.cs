using HubDsl.Core.Analysis;
using HubDsl.Core.Manifests;
using HubDsl.Core.Yaml;
using HubDsl.Tests.Shared;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The generated PrometheusRule against prometheus-operator's CRD schema (shared/schemas/monitoring) and against real
/// Prometheus: `promtool check rules` accepts it, and `promtool test rules` shows every alert firing once its series
/// has been bad for the declared FailAfter, and not one evaluation before.
/// </summary>
public sealed class FailoverAlertsTests
{
    private static string RuleFile(string failAfter = "5m") =>
        GeneratorHarness.Generate(FailoverSources.Make(failAfter)).Single(f => f.Path == FleetManifests.FailoverAlertsFile).Content;

    [Fact]
    public void One_rule_per_cluster_and_Application_of_the_pair()
    {
        var rule = (YamlMapping)YamlReader.Parse(RuleFile());
        var rules = Rules(rule).ToList();
        Assert.Equal(6, rules.Count);
        Assert.Contains(rules, r => r["expr"]!.AsString() == "argocd_cluster_connection_status{server=\"https://prod.example.com\"} < 1");
        Assert.Contains(rules, r => r["expr"]!.AsString() == "argocd_app_info{name=\"app-dr\",health_status!=\"Healthy\"}");
        Assert.DoesNotContain(rules, r => r["expr"]!.AsString()!.Contains("staging", StringComparison.Ordinal));
        Assert.All(rules, r => Assert.Equal("runbooks/app.md", ((YamlMapping)r["annotations"]!)["runbook_url"]!.AsString()));

        // The pair's description `hubdsl status --for app` reads back (tests/HubDsl.Cli.Tests/Runtime/FailoverStatusTests).
        var annotations = (YamlMapping)((YamlMapping)rule["metadata"]!)["annotations"]!;
        Assert.Equal("{\"primary\":\"prod\",\"standby\":\"dr\",\"host\":\"app.example.com\",\"trafficLabel\":\"traffic=active\"}", annotations["failover.hubdsl.io/app"]!.AsString());
    }

    [Fact]
    public void A_failover_with_an_invalid_declaration_writes_no_alerts()
    {
        var files = GeneratorHarness.Generate(FailoverSources.Make("5 minutes"));
        Assert.DoesNotContain(files, f => f.Path == FleetManifests.FailoverAlertsFile);
    }

    [SchemaFact]
    public void The_PrometheusRule_validates_against_the_CRD()
    {
        var schema = CrdSchema.Load(Path.Combine(SharedSchemas.Folder, "monitoring", "prometheusrule-crd.yaml"), "v1");
        Assert.Empty(schema.Validate(RuleFile()));
        Assert.Empty(schema.Validate(RuleFile("1h30m")));
        // The check can fail: a duration the CRD's pattern refuses.
        var broken = RuleFile().Replace("for: '5m'", "for: '5 minutes'");
        Assert.Contains("for: '5 minutes'", broken);
        Assert.Contains(schema.Validate(broken), e => e.Contains("for: PatternMismatch", StringComparison.Ordinal));
    }

    [PromtoolFact]
    public void Promtool_check_rules_accepts_the_generated_rules()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "rules.yaml"), RulesFileOf(RuleFile()));
        var (code, output) = Promtool.Run(folder.Path, "check", "rules", "rules.yaml");
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 6 rules found", output);

        // And refuses what Prometheus would: the oracle can say no.
        File.WriteAllText(Path.Combine(folder.Path, "broken.yaml"), RulesFileOf(RuleFile()).Replace("} < 1", "} <"));
        Assert.NotEqual(0, Promtool.Run(folder.Path, "check", "rules", "broken.yaml").ExitCode);
    }

    [PromtoolFact]
    public void Promtool_test_rules_fires_each_alert_after_for_and_not_before() => FiresAfterForOnly("5m", TimeSpan.FromMinutes(5));

    [PromtoolFact]
    public void The_declared_FailAfter_is_the_alerts_for() => FiresAfterForOnly("90s", TimeSpan.FromSeconds(90));

    // One promtool test per rule, with only the series that break that rule: the alert is absent one evaluation
    // interval before `for` has passed and present, with exactly the rule's labels and annotations, when it has.
    private static void FiresAfterForOnly(string failAfter, TimeSpan expectedFor)
    {
        var content = RuleFile(failAfter);
        var interval = TimeSpan.FromSeconds(30);
        var tests = new YamlSequence();
        foreach (var rule in Rules((YamlMapping)YamlReader.Parse(content)))
        {
            Assert.Equal(failAfter, rule["for"]!.AsString());
            var (series, seriesLabels, labelValues) = BreakingSeries(rule["expr"]!.AsString()!);
            var expectedLabels = new YamlMapping();
            foreach (var label in (YamlMapping)rule["labels"]!) expectedLabels.Set(label.Key, label.Value);
            foreach (var label in seriesLabels) expectedLabels.Set(label.Key, label.Value);
            var expectedAnnotations = new YamlMapping();
            foreach (var annotation in (YamlMapping)rule["annotations"]!)
            {
                var text = annotation.Value.AsString()!;
                foreach (var value in labelValues) text = text.Replace("{{ $labels." + value.Key + " }}", value.Value, StringComparison.Ordinal);
                expectedAnnotations.Set(annotation.Key, text);
            }

            var alert = rule["alert"]!.AsString()!;
            tests.Add(new YamlMapping()
                .Set("interval", Prom(interval))
                .Set("input_series", new YamlSequence().Add(new YamlMapping().Set("series", series).Set("values", BadFromStart(rule, 60))))
                .Set("alert_rule_test", new YamlSequence()
                    .Add(new YamlMapping().Set("eval_time", Prom(expectedFor - interval)).Set("alertname", alert).Set("exp_alerts", new YamlSequence()))
                    .Add(new YamlMapping().Set("eval_time", Prom(expectedFor)).Set("alertname", alert).Set("exp_alerts", new YamlSequence()
                        .Add(new YamlMapping().Set("exp_labels", expectedLabels).Set("exp_annotations", expectedAnnotations))))));
        }

        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "rules.yaml"), RulesFileOf(content));
        var testFile = new YamlMapping()
            .Set("rule_files", new YamlSequence().Add(YamlScalar.String("rules.yaml")))
            .Set("evaluation_interval", Prom(interval))
            .Set("tests", tests);
        File.WriteAllText(Path.Combine(folder.Path, "test.yaml"), YamlWriter.Write(testFile));
        var (code, output) = Promtool.Run(folder.Path, "test", "rules", "test.yaml");
        Assert.True(code == 0, output + "\n" + File.ReadAllText(Path.Combine(folder.Path, "test.yaml")));
        Assert.Contains("SUCCESS", output);
    }

    // The series is bad from t=0 for `count` intervals: a connection status of 0, or an argocd_app_info sample (always 1).
    private static string BadFromStart(YamlMapping rule, int count) => (rule["expr"]!.AsString()!.StartsWith("argocd_cluster_connection_status", StringComparison.Ordinal) ? "0" : "1") + "x" + count;

    private static (string Series, YamlMapping Labels, Dictionary<string, string> Values) BreakingSeries(string expr)
    {
        var labels = new YamlMapping();
        var values = new Dictionary<string, string>();
        if (expr.StartsWith("argocd_cluster_connection_status", StringComparison.Ordinal))
        {
            var server = Between(expr, "server=\"", "\"");
            labels.Set("server", server).Set("k8s_version", "1.33");
            return ("argocd_cluster_connection_status{server=\"" + server + "\",k8s_version=\"1.33\"}", labels, values);
        }

        var name = Between(expr, "name=\"", "\"");
        var health = expr.Contains("health_status!=", StringComparison.Ordinal) ? "Degraded" : "Healthy";
        var sync = expr.Contains("sync_status!=", StringComparison.Ordinal) ? "OutOfSync" : "Synced";
        values["health_status"] = health;
        values["sync_status"] = sync;
        labels.Set("name", name).Set("namespace", "argocd").Set("project", "default").Set("health_status", health).Set("sync_status", sync);
        return ("argocd_app_info{name=\"" + name + "\",namespace=\"argocd\",project=\"default\",health_status=\"" + health + "\",sync_status=\"" + sync + "\"}", labels, values);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text.Substring(from, text.IndexOf(end, from, StringComparison.Ordinal) - from);
    }

    private static string Prom(TimeSpan span) => span.TotalSeconds % 60 == 0 ? (int)span.TotalMinutes + "m" : (int)span.TotalSeconds + "s";

    private static IEnumerable<YamlMapping> Rules(YamlMapping rule) =>
        ((YamlSequence)((YamlMapping)rule["spec"]!)["groups"]!).Cast<YamlMapping>().SelectMany(g => ((YamlSequence)g["rules"]!).Cast<YamlMapping>());

    // What promtool reads: the PrometheusRule's spec is a Prometheus rule file.
    private static string RulesFileOf(string prometheusRule) => YamlWriter.Write(((YamlMapping)YamlReader.Parse(prometheusRule))["spec"]!);

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("hubdsl-promtool-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
