using System.Diagnostics;
using HubDsl.Cli.Tests.Import;
using HubDsl.Cli.Tests.Runtime;
using HubDsl.Tests.Shared;

namespace HubDsl.Cli.Tests.Render;

/// <summary>
/// `hubdsl render --diff-base` in its default mode: the base revision has no generated manifests (they are not
/// committed), so the render builds the project in the temporary worktree and compares that fleet with the working
/// tree's. A real HubDsl project in a temporary git repository, built against this repository's HubDsl; slow (three
/// `dotnet build`s), so it runs with the other tests that build projects, one at a time.
/// </summary>
[Collection(ImportBuildCollection.Name)]
public sealed class RenderDiffBuildTests
{
    [HelmFact]
    public void The_base_is_built_in_its_worktree_and_its_fleet_compared()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-render-build-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            Write(folder, "Fleet.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <Import Project="{ImportWorkspace.LocalProps}" />
                </Project>
                """);
            Write(folder, ".gitignore", "bin/\nobj/\nargocd/\n.hubdsl/\n");
            Write(folder, "Clusters.cs", """
                using HubDsl;

                namespace Fleet;

                [Fleet]
                public static partial class Clusters
                {
                    public static readonly Cluster Prod = new("prod", "https://prod.k8s.example.com") { Labels = { ["env"] = "prod" } };

                    public static readonly Cluster Staging = new("staging", "https://staging.k8s.example.com") { Labels = { ["env"] = "staging" } };
                }
                """);
            Write(folder, "Web.cs", """
                using HubDsl;

                namespace Fleet;

                [ApplicationSet("web")]
                public static partial class Web
                {
                    public static readonly ClusterSelector Targets = ClusterSelector.Where(LabelExpression.In("env", "prod", "staging"));

                    public static readonly ApplicationTemplate Template = new($"web-{Param.Name}")
                    {
                        Destination = new(Param.Server, "web"),
                        Source = new HelmSource("https://github.com/example/fleet", Path: "chart")
                        {
                            Values = { ["greeting"] = "hello", ["env"] = Param.Label("env") },
                        },
                    };
                }
                """);
            Write(folder, "chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
            Write(folder, "chart/templates/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web
                data:
                  greeting: {{ .Values.greeting | quote }}
                  env: {{ .Values.env | quote }}
                """);
            Build(folder);
            Run(folder, "git", "init", "-q", "-b", "main");
            Run(folder, "git", "add", "-A");
            Run(folder, "git", "-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "the fleet");
            Assert.Equal(string.Empty, Run(folder, "git", "ls-files", "argocd").Trim()); // the base has no manifests until it is built

            File.WriteAllText(Path.Combine(folder, "Web.cs"), File.ReadAllText(Path.Combine(folder, "Web.cs")).Replace("\"hello\"", "\"good morning\"", StringComparison.Ordinal));
            Build(folder);

            var (exit, stdout, stderr) = RenderTool.Run(folder, null, "render", "--diff-base", "HEAD");

            Assert.True(exit == 1, stdout + stderr);
            var rows = stdout.Split('\n').TakeWhile(l => l.Length > 0).Skip(1).Select(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToArray();
            Assert.Equal(new[] { "prod web-prod 0 0 1", "staging web-staging 0 0 1" }, rows);
            Assert.True(Count(stdout, "-  greeting: hello\n+  greeting: 'good morning'") == 2, stdout);
            Assert.Single(Run(folder, "git", "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void Write(string folder, string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static void Build(string folder) => Run(folder, "dotnet", "build", "-nologo", "-v:q", "-nodeReuse:false", "-clp:ErrorsOnly", "--no-dependencies");

    private static string Run(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(600_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " " + string.Join(" ", args) + " did not finish in 600 s");
        }

        Assert.True(process.ExitCode == 0, program + " " + string.Join(" ", args) + ":\n" + output.Result + error.Result);
        return output.Result;
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;
}
