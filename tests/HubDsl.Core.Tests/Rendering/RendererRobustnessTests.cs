using CsCheck;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>The renderer runs inside analyzers: for any input tree it returns a result, never throws, and is deterministic.</summary>
public sealed class RendererRobustnessTests
{
    private static readonly Gen<string> TemplateishString = Gen.OneOf(
        Gen.String[Gen.Char["{}. |-$\"abcnmeslrv\n"], 0, 16],
        Gen.OneOfConst("{{name}}", "{{ .name }}", "{{server}}", "{{ .metadata.labels.env }}", "{{ index .metadata.labels \"x\" }}", "{{", "}}", "{{ if }}", "{{ range .clusters }}{{ .name }}{{ end }}", "{{ fromYaml \"a: [\" }}", "true", "in-cluster"));

    private static readonly Gen<YamlNode> Leaf = Gen.OneOf<YamlNode>(
        TemplateishString.Select(s => (YamlNode)YamlScalar.String(s)),
        Gen.Int[-3, 3].Select(i => (YamlNode)YamlScalar.Int(i)),
        Gen.Bool.Select(b => (YamlNode)YamlScalar.Bool(b)),
        Gen.Const((YamlNode)YamlScalar.Null));

    private static readonly string[] Keys = { "generators", "template", "goTemplate", "goTemplateOptions", "templatePatch", "clusters", "list", "matrix", "merge", "elements", "elementsYaml", "selector", "matchLabels", "matchExpressions", "values", "flatList", "mergeKeys", "metadata", "name", "spec", "destination", "server", "helm", "valuesObject", "key", "operator" };

    private static Gen<YamlNode> Tree(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (2, Leaf),
            (1, Tree(depth - 1).Array[0, 3].Select(items => (YamlNode)new YamlSequence(items))),
            (2, Gen.Select(Gen.OneOfConst(Keys), Tree(depth - 1)).Array[0, 4].Select(entries =>
            {
                var m = new YamlMapping();
                foreach (var (k, v) in entries) m.Set(k, v);
                return (YamlNode)m;
            })));

    [Fact]
    public void Random_application_sets_never_throw_and_render_deterministically()
    {
        var secrets = ScenarioSecrets();
        Property.Check(Tree(5), node =>
        {
            var appSet = new YamlMapping().Set("metadata", new YamlMapping().Set("name", "x").Set("namespace", "argocd"));
            appSet.Set("spec", node);
            var first = ApplicationSetRenderer.Render(appSet, secrets);
            var second = ApplicationSetRenderer.Render(appSet, secrets);
            if (first.Applications.Count != second.Applications.Count || !first.Applications.Zip(second.Applications).All(p => p.First.Equals(p.Second)))
            {
                throw new Exception("not deterministic for:\n" + YamlWriter.Write(appSet));
            }
        }, cases: 2000);
    }

    [Fact]
    public void Mutated_scenario_strings_never_throw()
    {
        Property.Check(Gen.Select(TemplateishString, Gen.Bool), (text, go) =>
        {
            var yaml = ScenarioTests.ScenarioAppSet.Replace("'agent-{{name}}'", YamlQuoting.Inline(text)).Replace("  syncPolicy:\n    preserve", go ? "  goTemplate: true\n  syncPolicy:\n    preserve" : "  syncPolicy:\n    preserve");
            var result = ApplicationSetRenderer.Render((YamlMapping)YamlReader.Parse(yaml), ScenarioSecrets());
            // Either Applications or errors: a render never silently yields nothing for three selected clusters.
            if (result.Applications.Count == 0 && result.Errors.Count == 0) throw new Exception("no Applications and no errors for:\n" + yaml);
        }, cases: 1000);
    }
}
