using System.Threading.Tasks;
using HubDsl.Core.Manifests;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>
/// `hubdsl apply --concurrency`: one request per object (after one list per kind), several in flight at once, the
/// report in the apply order whatever order the answers come in, and one failure not stopping the others.
/// </summary>
public sealed class ApplyAtScaleTests
{
    private const int Clusters = 12;

    private static string Server(int i) => "https://c" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + ".example.com";

    private static TestProject Project(RuntimeFleet fleet)
    {
        var project = new TestProject(Path.Combine(fleet.Folder, "project"));
        for (var i = 0; i < Clusters; i++) project.Cluster("c" + i, Server(i), ("deploy", "true"));
        return project.AppSet("agent").AppSet("other");
    }

    // The report kubectl-style, in the order apply documents: AppProjects, then Secrets, then ApplicationSets, each by name.
    private static string[] Expected(string word) =>
        Enumerable.Range(0, Clusters).Select(i => "secret/" + ClusterSecretNames.ForServer(Server(i))).Order(StringComparer.Ordinal)
            .Concat(new[] { "applicationset/agent", "applicationset/other" })
            .Select(o => o + " " + word)
            .ToArray();

    private static bool IsObjectRead(RequestLogEntry e) =>
        e.Method == "GET" && (e.Path.Contains("/secrets/", StringComparison.Ordinal) || e.Path.Contains("/applicationsets/", StringComparison.Ordinal));

    [Fact]
    public async Task Apply_sends_one_request_per_object_and_reports_in_order_when_answers_arrive_out_of_order()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var project = Project(fleet);

        // The first Secret's apply answers last: with several requests in flight every other one overtakes it.
        var first = ClusterSecretNames.ForServer(Server(0))!;
        fleet.Hub.Faults.Latency = TimeSpan.FromMilliseconds(300);
        fleet.Hub.Faults.LatencyMatches = e => e.Method == "PATCH" && e.Path.EndsWith("/" + first, StringComparison.Ordinal);
        var created = await fleet.RunAsync("apply", "--project", project.Folder, "--concurrency", "8");
        var before = fleet.Hub.Requests.Entries.Count;
        var unchanged = await fleet.RunAsync("apply", "--project", project.Folder);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal(Expected("created"), created.Stdout.Trim().Split('\n'));
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Equal(Expected("unchanged"), unchanged.Stdout.Trim().Split('\n'));

        // The second run: one apply per object, no read per object, one list per kind.
        var second = fleet.Hub.Requests.Entries.Skip(before).ToList();
        Assert.Equal(Clusters + 2, second.Count(e => e.Method == "PATCH"));
        Assert.DoesNotContain(second, IsObjectRead);
        Assert.Equal(2, second.Count(e => e.Method == "GET"));
        Assert.Equal(Clusters + 2 + 2, second.Count);
    }

    [Fact]
    public async Task A_failure_in_the_middle_is_reported_in_its_place_and_the_others_are_applied()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var project = Project(fleet);
        var middle = Expected("created")[Clusters / 2].Split(' ')[0].Split('/')[1];
        fleet.Hub.Faults.FailNext(1, 422, matches: e => e.Method == "PATCH" && e.Path.EndsWith("/" + middle, StringComparison.Ordinal));

        var run = await fleet.RunAsync("apply", "--project", project.Folder, "--concurrency", "4", "-o", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var objects = JsonNode.Parse(run.Stdout)!["objects"]!.AsArray();
        Assert.Equal(
            Expected("created").Select(line => line.Split(' ')[0].Split('/')[1]),
            objects.Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal("failed", objects[Clusters / 2]!["result"]!.GetValue<string>());
        Assert.Contains("injected", objects[Clusters / 2]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(objects.Where((_, i) => i != Clusters / 2), o => Assert.Equal("created", o!["result"]!.GetValue<string>()));
        Assert.Null(fleet.Hub.Resources.TryGet(ResourceCatalog.Secrets, "argocd", middle));
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "other"));
    }

    [Fact]
    public async Task An_object_applied_over_one_made_without_the_fleet_label_is_configured_then_unchanged()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var project = Project(fleet);
        fleet.Hub.Seed("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: { name: agent, namespace: argocd }
            spec: { generators: [], template: { metadata: {}, spec: { project: default, destination: {} } } }
            """);

        var first = await fleet.RunAsync("apply", "--project", project.Folder);
        var second = await fleet.RunAsync("apply", "--project", project.Folder);

        Assert.Contains("applicationset/agent configured", first.Stdout);
        Assert.Contains("applicationset/other created", first.Stdout);
        Assert.Equal(Expected("unchanged"), second.Stdout.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_kind_that_cannot_be_listed_is_read_object_by_object()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var project = Project(fleet);
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", project.Folder)).ExitCode);
        fleet.Hub.Faults.FailNext(1, 403, matches: e => e.Method == "GET" && e.Path.EndsWith("/secrets", StringComparison.Ordinal));
        var before = fleet.Hub.Requests.Entries.Count;

        var run = await fleet.RunAsync("apply", "--project", project.Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Expected("unchanged"), run.Stdout.Trim().Split('\n'));
        Assert.Equal(Clusters, fleet.Hub.Requests.Entries.Skip(before).Count(e => e.Method == "GET" && e.Path.Contains("/secrets/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    [InlineData("many")]
    public async Task A_concurrency_out_of_range_is_a_usage_error(string value)
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var project = Project(fleet);

        var run = await fleet.RunAsync("apply", "--project", project.Folder, "--concurrency", value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--concurrency", run.Stderr);
        Assert.DoesNotContain(fleet.Hub.Requests.Entries, e => e.Method == "PATCH");
    }
}
