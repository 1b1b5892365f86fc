using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using HubDsl.Cli.Tests.Runtime;
using HubDsl.Tests.Shared;

namespace HubDsl.Cli.Tests.Import;

/// <summary>
/// Random fleets declared with the DSL are built, their manifests imported, and the imported project built again
/// (by the import's own round trip): it must write manifests that mean the same, with nothing left out. Each case
/// costs two `dotnet build`s, so the fixed cases are few and each holds several clusters and ApplicationSets.
/// </summary>
[Collection(ImportBuildCollection.Name)]
public sealed class ImportPropertyTests
{
    private static readonly string[] Environments = { "dev", "staging", "prod" };

    // Strings that YAML would read as something else, or that need escaping in C#.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOfConst("on", "yes", "1.0", "0777", "64Mi", "a: b", "#x", "\"q\"", "{b}", "back\\slash", "ünï", ""),
        Gen.String[Gen.Char["abcxyz019-._"], 1, 8]);

    private sealed record ClusterCase(string Name, string Environment, bool Deploy, string? Region);

    private sealed record AppSetCase(string Name, bool GoTemplate, bool ByExpression, bool Preserve, string Namespace, string? ReleaseName, int Sync, ValuesCase Defaults, IReadOnlyList<ValuesCase?> Overrides);

    private sealed record ValuesCase(int Replicas, string Tag, bool Debug, IReadOnlyList<string> Args);

    private sealed record FleetCase(IReadOnlyList<ClusterCase> Clusters, IReadOnlyList<AppSetCase> AppSets)
    {
        public override string ToString() => Source();

        public string Source() => FleetSource(this);
    }

    private static readonly Gen<ValuesCase> Values =
        Gen.Select(Gen.Int[0, 5], Text, Gen.Bool, Text.List[0, 3], (replicas, tag, debug, args) => new ValuesCase(replicas, tag, debug, args));

    private static readonly Gen<FleetCase> Fleets =
        Gen.Select(
            Gen.Select(Gen.OneOfConst(Environments), Gen.Bool, Gen.OneOfConst<string?>(null, "us-east", "eu-west")).List[2, 4],
            Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.OneOfConst("apps", "team-a"), Gen.OneOfConst<string?>(null, "release", "{name}"), Gen.Int[0, 2], Values,
                Gen.Select(Gen.Bool, Values, (keep, v) => keep ? v : null).List[3, 3]).List[1, 2],
            (clusters, appSets) => new FleetCase(
                clusters.Select((c, i) => new ClusterCase("c" + i, c.Item1, c.Item2 || i == 0, c.Item3)).ToList(),
                appSets.Select((a, i) => new AppSetCase("app" + i, a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8)).ToList()));

    [Fact]
    public void Random_DSL_fleets_import_back_to_the_same_manifests() =>
        Property.Check(Fleets, fleet => RoundTripAsync(fleet).GetAwaiter().GetResult(), cases: 2);

    private static async Task RoundTripAsync(FleetCase fleet)
    {
        using var workspace = new ImportWorkspace();
        var declared = Path.Combine(workspace.Root, "declared");
        workspace.Write("declared/Declared.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Library</OutputType>\n  </PropertyGroup>\n  <Import Project=\"" + ImportWorkspace.LocalProps + "\" />\n</Project>\n");
        workspace.Write("declared/Fleet.cs", fleet.Source());
        var (exit, output) = Build(Path.Combine(declared, "Declared.csproj"));
        Assert.True(exit == 0, "the declared fleet does not build:\n" + output + "\n" + fleet.Source());

        var args = new List<string> { "--appset", "@declared/argocd/applicationsets", "--clusters", "@declared/argocd/clusters" };
        foreach (var appSet in fleet.AppSets) args.AddRange(new[] { "--values", "@declared/charts/" + appSet.Name });
        var run = await workspace.ImportAsync(args.ToArray());

        Assert.True(run.ExitCode == 0, run + "\n" + fleet.Source());
        Assert.DoesNotContain("left out", run.Stdout);
        Assert.DoesNotContain("DIFFERS", run.Stdout);
        Assert.Equal(fleet.Clusters.Count + fleet.AppSets.Count * (2 + Environments.Length), run.Stdout.Split('\n').Count(l => l.StartsWith("  same  ", StringComparison.Ordinal)));
    }

    private static string FleetSource(FleetCase fleet)
    {
        var sb = new StringBuilder("using System.Collections.Generic;\nusing HubDsl;\n\nnamespace Declared;\n\n[Fleet]\npublic static partial class Clusters\n{\n");
        foreach (var c in fleet.Clusters)
        {
            sb.Append("    public static readonly Cluster ").Append(char.ToUpperInvariant(c.Name[0]) + c.Name.Substring(1)).Append(" = new(\"").Append(c.Name).Append("\", \"https://").Append(c.Name).Append(".k8s.example.com\")\n    {\n        Labels = { [\"env\"] = \"")
                .Append(c.Environment).Append("\", [\"deploy\"] = \"").Append(c.Deploy ? "true" : "false").Append('"').Append(c.Region is null ? string.Empty : ", [\"region\"] = \"" + c.Region + "\"").Append(" },\n    };\n");
        }

        sb.Append("}\n");
        foreach (var a in fleet.AppSets)
        {
            var type = char.ToUpperInvariant(a.Name[0]) + a.Name.Substring(1);
            sb.Append("\npublic sealed record ").Append(type).Append("Image\n{\n    public string Tag { get; init; } = ").Append(Literal(a.Defaults.Tag)).Append(";\n}\n");
            sb.Append("\npublic sealed record ").Append(type).Append("Values : HelmValues\n{\n    public int Replicas { get; init; } = ").Append(a.Defaults.Replicas)
                .Append(";\n\n    public ").Append(type).Append("Image Image { get; init; } = new ").Append(type).Append("Image();\n\n    public bool Debug { get; init; } = ").Append(a.Defaults.Debug ? "true" : "false")
                .Append(";\n\n    public IReadOnlyList<string> Args { get; init; } = [").Append(string.Join(", ", a.Defaults.Args.Select(Literal))).Append("];\n}\n");
            var options = "\"" + a.Name + "\"" + (a.GoTemplate ? ", GoTemplate = true, MissingKey = MissingKey.Error" : string.Empty) + (a.Preserve ? ", PreserveResourcesOnDeletion = true" : string.Empty);
            sb.Append("\n[ApplicationSet(").Append(options).Append(")]\npublic static partial class ").Append(type).Append("\n{\n");
            sb.Append("    public static readonly ClusterSelector Targets = ").Append(a.ByExpression ? "ClusterSelector.Where(LabelExpression.In(\"env\", \"dev\", \"staging\", \"prod\"), LabelExpression.NotIn(\"deploy\", \"false\"))" : "ClusterSelector.WithLabels((\"deploy\", \"true\"))").Append(";\n\n");
            sb.Append("    public static readonly ApplicationTemplate Template = new($\"").Append(a.Name).Append("-{Param.Name}\")\n    {\n");
            sb.Append("        Labels = { [\"app\"] = \"").Append(a.Name).Append("\", [\"env\"] = Param.Label(\"env\") },\n");
            sb.Append("        Destination = new(Param.Server, \"").Append(a.Namespace).Append("\"),\n");
            sb.Append("        Source = new HelmSource(\"https://github.com/example/").Append(a.Name).Append("\", Path: \"charts/").Append(a.Name).Append("\", TargetRevision: \"main\")\n        {\n");
            if (a.ReleaseName is { } release) sb.Append("            ReleaseName = ").Append(release == "{name}" ? "$\"" + a.Name + "-{Param.Name}\"" : "\"" + release + "\"").Append(",\n");
            sb.Append("            ValueFiles = [\"values.yaml\", $\"values-{Param.Label(\"env\")}.yaml\"],\n");
            sb.Append("            Values = { [\"cluster\"] = Param.Name, [\"replicas\"] = 2 },\n        },\n");
            sb.Append(a.Sync switch
            {
                0 => string.Empty,
                1 => "        SyncPolicy = new() { Automated = new(Prune: true, SelfHeal: true), SyncOptions = [\"CreateNamespace=true\"] },\n",
                _ => "        SyncPolicy = new() { Retry = new(Limit: 4, Backoff: new(Duration: \"10s\")) },\n",
            });
            sb.Append("    };\n\n    [Values]\n    public static readonly ").Append(type).Append("Values Defaults = new();\n");
            for (var i = 0; i < Environments.Length; i++)
            {
                sb.Append("\n    [Values(\"").Append(Environments[i]).Append("\")]\n    public static readonly ").Append(type).Append("Values ").Append(char.ToUpperInvariant(Environments[i][0]) + Environments[i].Substring(1)).Append(" = ");
                if (a.Overrides[i] is not { } o)
                {
                    sb.Append("Defaults;\n");
                    continue;
                }

                sb.Append("Defaults with { Replicas = ").Append(o.Replicas).Append(", Image = new ").Append(type).Append("Image { Tag = ").Append(Literal(o.Tag)).Append(" }, Debug = ").Append(o.Debug ? "true" : "false")
                    .Append(", Args = [").Append(string.Join(", ", o.Args.Select(Literal))).Append("] };\n");
            }

            sb.Append("}\n");
        }

        return sb.ToString();
    }

    private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    private static (int ExitCode, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", project, "--no-dependencies", "-nologo", "-v:q", "-nodeReuse:false" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(600_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 10 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
