using HubDsl.Core.Manifests;
using Xunit;

namespace HubDsl.E2E.Tests;

/// <summary>
/// The runtime scenarios of the emulator suite, against real clusters: register every spoke (twice: idempotent),
/// probe, label, apply a generated project (twice: unchanged), diff, dry run, prune, status, remove.
/// Everything it creates is named hubdsl-e2e-* and removed at the end.
/// </summary>
public sealed class RuntimeScenarioTests
{
    [E2EFact]
    public async Task Register_probe_label_apply_diff_prune_status_remove()
    {
        var env = E2EEnvironment.Load();
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var names = env.Spokes.ToDictionary(s => s, s => "hubdsl-e2e-" + new string(s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()));
        try
        {
            foreach (var spoke in env.Spokes)
            {
                var add = await env.RunAsync("cluster", "add", spoke, "--name", names[spoke], "--label", "hubdsl-e2e=true", "--upsert", "--yes");
                Assert.True(add.ExitCode == 0, add.Stderr);
                var again = await env.RunAsync("cluster", "add", spoke, "--name", names[spoke], "--label", "hubdsl-e2e=true", "--yes");
                Assert.True(again.ExitCode == 0, again.Stderr);
                Assert.Contains("unchanged", again.Stdout);

                var get = await env.RunAsync("cluster", "get", names[spoke], "-o", "json");
                Assert.True(get.ExitCode == 0, get.Stdout + get.Stderr);
                Assert.Equal("Successful", E2EEnvironment.Json(get.Stdout)["connection"]!["status"]!.GetValue<string>());
                Assert.DoesNotContain("bearerToken", get.Stdout);

                var set = await env.RunAsync("cluster", "set", names[spoke], "--label", "hubdsl-e2e-tier=gold");
                Assert.True(set.ExitCode == 0, set.Stderr);
            }

            // A generated project for these spokes.
            Directory.CreateDirectory(Path.Combine(folder, "argocd", "clusters"));
            Directory.CreateDirectory(Path.Combine(folder, "argocd", "applicationsets"));
            foreach (var spoke in env.Spokes)
            {
                var server = env.ServerOf(spoke);
                File.WriteAllText(Path.Combine(folder, "argocd", "clusters", names[spoke] + ".yaml"), string.Join("\n", new[]
                {
                    "# " + ManifestHeader.For("E2E." + names[spoke]), "apiVersion: v1", "kind: Secret", "metadata:", "  name: " + ClusterSecretNames.ForServer(server),
                    "  namespace: " + env.ArgoCdNamespace, "  labels:", "    argocd.argoproj.io/secret-type: cluster", "    app.kubernetes.io/managed-by: hubdsl",
                    "    hubdsl-e2e-deploy: 'true'", "    fleet.hubdsl.io/hubdsl-e2e: 'true'", "type: Opaque", "stringData:", "  name: " + names[spoke], "  server: " + server, string.Empty,
                }));
            }

            var appSet = Path.Combine(folder, "argocd", "applicationsets", "hubdsl-e2e.yaml");
            File.WriteAllText(appSet, "# " + ManifestHeader.For("E2E.AppSet") + "\n" + $$"""
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata:
                  name: hubdsl-e2e
                  namespace: {{env.ArgoCdNamespace}}
                  labels:
                    app.kubernetes.io/managed-by: hubdsl
                    fleet.hubdsl.io/hubdsl-e2e: 'true'
                spec:
                  generators:
                    - clusters:
                        selector:
                          matchLabels:
                            hubdsl-e2e-deploy: 'true'
                  template:
                    metadata:
                      name: 'hubdsl-e2e-{{"{{"}}name{{"}}"}}'
                    spec:
                      project: default
                      destination:
                        server: '{{"{{"}}server{{"}}"}}'
                        namespace: hubdsl-e2e
                      source:
                        repoURL: https://github.com/argoproj/argocd-example-apps
                        path: guestbook
                        targetRevision: HEAD

                """);

            Record(folder);
            var dry = await env.RunAsync("apply", "--project", folder, "--dry-run");
            Assert.True(dry.ExitCode == 0, dry.Stdout + dry.Stderr);
            var diff = await env.RunAsync("diff", "--project", folder);
            Assert.True(diff.ExitCode == 1, diff.Stdout + diff.Stderr);
            var apply = await env.RunAsync("apply", "--project", folder);
            Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
            var second = await env.RunAsync("apply", "--project", folder);
            Assert.All(second.Stdout.Trim().Split('\n'), l => Assert.EndsWith(" unchanged", l));
            var noDiff = await env.RunAsync("diff", "--project", folder);
            Assert.True(noDiff.ExitCode == 0, noDiff.Stdout + noDiff.Stderr);

            // Registered credentials survive apply.
            foreach (var spoke in env.Spokes)
            {
                var get = await env.RunAsync("cluster", "get", names[spoke], "-o", "json");
                Assert.Equal("Successful", E2EEnvironment.Json(get.Stdout)["connection"]!["status"]!.GetValue<string>());
            }

            var status = await env.RunAsync("status", "-o", "json");
            Assert.True(status.ExitCode is 0 or 1, status.Stderr);
            var json = E2EEnvironment.Json(status.Stdout).AsObject();
            Assert.Equal(new[] { "clusters", "applications", "problems" }, json.Select(p => p.Key).ToArray());

            // Prune: the ApplicationSet is no longer generated.
            File.Delete(appSet);
            Record(folder);
            var prune = await env.RunAsync("apply", "--project", folder, "--prune", "--yes");
            Assert.Contains("applicationset/hubdsl-e2e pruned", prune.Stdout);
        }
        finally
        {
            foreach (var spoke in env.Spokes)
            {
                await env.RunAsync("cluster", "rm", names[spoke], "--yes", "--context", spoke);
            }

            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [E2EFact]
    public async Task An_unknown_context_is_one_clear_line()
    {
        var env = E2EEnvironment.Load();

        var run = await env.RunAsync("cluster", "add", "hubdsl-e2e-no-such-context", "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no context 'hubdsl-e2e-no-such-context'", run.Stderr);
    }

    // The record a build writes beside its files (.hubdsl/E2E.files): apply and diff read exactly the files it lists.
    private static void Record(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "argocd"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => new KeyValuePair<string, string>(Path.GetRelativePath(folder, f).Replace('\\', '/'), HubDsl.FileSync.ContentHash.Of(File.ReadAllText(f))));
        Directory.CreateDirectory(Path.Combine(folder, HubDsl.FileSync.OutputRecord.Folder));
        File.WriteAllText(Path.Combine(folder, HubDsl.FileSync.OutputRecord.PathFor("E2E")), new HubDsl.FileSync.OutputRecord("E2E.csproj", files).Format());
    }
}
