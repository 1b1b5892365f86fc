using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Schema;
using HubDsl.Core.Yaml;
using HubDsl.Tests.Shared;
using Json.Schema;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

public class SchemaValidationTests
{
    private static readonly HelmChart App = FixtureCharts.Read("schema-app");

    private static SchemaReport Validate(string values) => ChartSchemaValidator.Validate(App, (YamlMapping)YamlReader.Parse(values));

    [Fact]
    public void Chart_defaults_alone_are_valid() => Assert.True(Validate("{}\n").IsValid);

    [Fact]
    public void Messages_are_helm_v4_text_per_chart_with_json_pointers()
    {
        // The same values helm template rejects in its own words (checked against helm 4.1 by Random_values_pass_or_fail_helm_template_as_predicted).
        var report = Validate("replicaCount: 0\nservice:\n  extra: 1\ndb:\n  port: 1\n  other: x\nglobal:\n  region: europe\n");
        Assert.Equal(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n" +
            "schema-app:\n" +
            "- at '/replicaCount': minimum: got 0, want 1\n" +
            "- at '/service': additional properties 'extra' not allowed\n" +
            "db:\n" +
            "- at '/port': minimum: got 1, want 1,024\n" +
            "- at '/global/region': maxLength: got 6, want 4\n" +
            "- at '': additional properties 'other' not allowed\n",
            report.HelmMessage);
    }

    [Theory]
    [InlineData("replicaCount: \"3\"\n", "/replicaCount", "got string, want integer")]
    [InlineData("replicaCount: 1.5\n", "/replicaCount", "got number, want integer")]
    [InlineData("service:\n  type: Internal\n", "/service/type", "value must be one of 'ClusterIP', 'NodePort', 'LoadBalancer'")]
    [InlineData("service:\n  port: 65536\n", "/service/port", "exclusiveMaximum: got 65,536, want 65,536")]
    [InlineData("image:\n  repository: App\n", "/image/repository", "'App' does not match pattern '^[a-z][a-z0-9/.-]*$'")]
    [InlineData("image: null\n", "", "missing property 'image'")]
    [InlineData("image:\n  repository: null\n", "/image", "missing property 'repository'")]
    [InlineData("mode: other\n", "/mode", "'oneOf' failed, none matched")]
    [InlineData("name: a\n", "/name", "minLength: got 1, want 2")]
    [InlineData("tags: [a, a]\n", "/tags", "items at 0 and 1 are equal")]
    [InlineData("ports: [3]\n", "/ports", "'anyOf' failed")]
    [InlineData("extra: {}\n", "/extra", "'allOf' failed")]
    [InlineData("labels:\n  Team: a\n", "/labels", "additional properties 'Team' not allowed")]
    [InlineData("tls:\n  enabled: true\n", "/tls", "missing property 'secretName'")]
    [InlineData("db:\n  user: \"\"\n", "/user", "minLength: got 0, want 1")]
    [InlineData("db: [1]\n", "/db", "invalid type for values: expected object (map), got []interface {}")]
    public void Each_keyword_fails_with_the_library_message(string values, string pointer, string message)
    {
        var violation = Assert.Single(Validate(values).Failures.SelectMany(f => f.Violations));
        Assert.Equal(pointer, violation.Path.ToJsonPointer());
        Assert.Equal(message, violation.Message);
    }

    [Theory]
    [InlineData("db:\n  enabled: false\n  other: x\n")] // a disabled dependency's schema is not applied
    [InlineData("service:\n  nodePort: null\n")]
    [InlineData("replicaCount: 2.0\n")] // 2.0 is an integer to the library (and to Helm's float64 values)
    [InlineData("mode: custom-abc\ntls:\n  enabled: false\nports: [2, 4]\nlabels:\n  team: a\n")]
    public void Values_helm_accepts_are_valid(string values) => Assert.True(Validate(values).IsValid, Validate(values).HelmMessage);

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"$ref\": \"https://example.com/s.json\"}", "HubDsl does not fetch schemas")]
    [InlineData("{\"properties\": {\"a\": {\"pattern\": \"(?<=x)a\"}}}", "not a Go regular expression")]
    [InlineData("{\"$schema\": \"http://example.com/my-schema\"}", "not a JSON Schema draft")]
    public void A_schema_hubdsl_cannot_use_is_a_problem_not_an_error(string schema, string problem)
    {
        var files = FixtureCharts.Files("schema-app").Where(f => !f.Path.StartsWith("charts/", StringComparison.Ordinal)).Select(f => f.Path == "values.schema.json" ? f with { Text = schema } : f).ToList();
        var report = ChartSchemaValidator.Validate(ChartReader.Read(files), (YamlMapping)YamlReader.Parse("replicaCount: \"x\"\n"));
        Assert.True(report.IsValid);
        Assert.Contains(problem, Assert.Single(report.Problems).Message);
    }

    [Fact]
    public void Random_values_agree_with_an_independent_json_schema_library()
    {
        var parentSchema = JsonSchema.FromText(App.SchemaText!, new BuildOptions(), new Uri("file:///parent/values.schema.json"));
        var dbSchema = JsonSchema.FromText(App.Subcharts.Single().SchemaText!, new BuildOptions(), new Uri("file:///db/values.schema.json"));
        Property.Check(RandomValues.Values, values =>
        {
            var report = ChartSchemaValidator.Validate(App, values);
            var coalesced = Core.Charts.Schema.HelmValues.Coalesce(App, values);
            var libraryValid = Evaluate(parentSchema, coalesced);
            var db = coalesced["db"];
            var dbEnabled = db is YamlMapping dm ? dm["enabled"] is not YamlScalar { Kind: ScalarKind.Bool, Value: "false" } : db is not null;
            if (dbEnabled && db is YamlMapping dbValues) libraryValid &= Evaluate(dbSchema, dbValues);
            else if (dbEnabled && db is not YamlScalar { Kind: ScalarKind.Null }) libraryValid = false; // Helm: "invalid type for values"
            if (report.IsValid != libraryValid)
            {
                throw new Exception("HubDsl says " + (report.IsValid ? "valid" : "invalid:\n" + report.HelmMessage) + "\nJsonSchema.Net says " + (libraryValid ? "valid" : "invalid") + "\nfor values:\n" + YamlWriter.Write(values));
            }
        }, cases: 1500);
    }

    private static bool Evaluate(JsonSchema schema, YamlNode values)
    {
        using var document = JsonDocument.Parse(RandomValues.ToJson(values));
        return schema.Evaluate(document.RootElement, new EvaluationOptions()).IsValid;
    }

    [HelmFact]
    public void Random_values_pass_or_fail_helm_template_as_predicted()
    {
        Property.Check(RandomValues.Values, values =>
        {
            var report = ChartSchemaValidator.Validate(App, values);
            var file = Path.Combine(Path.GetTempPath(), "hubdsl-schema-" + Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllText(file, YamlWriter.Write(values));
            try
            {
                var (code, output) = Helm.Run("template", "t", FixtureCharts.Directory("schema-app"), "-f", file);
                var helmValid = code == 0;
                if (helmValid != report.IsValid)
                {
                    throw new Exception("HubDsl says " + (report.IsValid ? "valid" : "invalid:\n" + report.HelmMessage) + "\nhelm template says:\n" + output + "\nfor values:\n" + YamlWriter.Write(values));
                }

                if (!helmValid && output.Contains("values don't meet the specifications", StringComparison.Ordinal))
                {
                    // Same reasons, in Helm's words: each violation's line appears in Helm's error.
                    foreach (var violation in report.Failures.SelectMany(f => f.Violations))
                    {
                        var line = Normalize("- at '" + violation.Path.ToJsonPointer() + "': " + violation.Message);
                        if (!Normalize(output).Contains(line, StringComparison.Ordinal)) throw new Exception("Helm's error lacks the line\n" + line + "\nHelm said:\n" + output + "\nHubDsl said:\n" + report.HelmMessage + "\nfor values:\n" + YamlWriter.Write(values));
                    }
                }
            }
            finally
            {
                File.Delete(file);
            }
        }, cases: 60, regressionSeeds: ["0j4pn4oAcuV1"]);
    }

    // Go iterates maps in random order: Helm lists additional properties in any order.
    private static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "additional properties (.*) not allowed", m =>
            "additional properties " + string.Join(", ", m.Groups[1].Value.Split(", ").Order(StringComparer.Ordinal)) + " not allowed");
}
