using System.Threading.Tasks;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace HubDsl.Cli.Tests;

/// <summary>
/// The preview corpus (Fixtures/corpus): one ApplicationSet of our own for each generator and template feature Argo CD's
/// ApplicationSet documentation shows (the page and section are in each file's <c># feature:</c> line), rendered
/// against the corpus fleet (Fixtures/corpus/clusters) and, for the Git generator, the repository
/// <see cref="CorpusGitRepository"/> builds, given as <c>--repo https://git.example.com/platform/apps.git=DIR</c>.
/// Each file says what Argo CD does with it (<c># expect:</c>): it renders N Applications, or it fails with the reason
/// Argo CD (or the API server) gives, or HubDsl cannot compute it offline (OfflineUnsupported: a generator that reads a
/// live service, or a repository HubDsl was given no copy of).
/// </summary>
public sealed class PreviewCorpusTests : IClassFixture<CorpusGitRepository.Fixture>
{
    /// <summary>The repository URL the corpus's Git generator documents read.</summary>
    public const string RepoUrl = "https://git.example.com/platform/apps.git";

    private static readonly string Corpus = ToolRunner.Fixture("corpus");
    private static readonly Regex Expectation = new(@"^# expect: (?:renders (?<count>\d+)|error (?<reason>\w+): (?<message>.+)|(?<offline>offline-unsupported))$", RegexOptions.Multiline);

    private readonly ITestOutputHelper _output;
    private readonly string _repository;

    public PreviewCorpusTests(ITestOutputHelper output, CorpusGitRepository.Fixture repository)
    {
        _output = output;
        _repository = repository.Path;
    }

    public static IEnumerable<object[]> Documents() =>
        Directory.GetFiles(Corpus, "*.yaml").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { f! });

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_document_does_what_Argo_CD_does(string file)
    {
        var text = File.ReadAllText(Path.Combine(Corpus, file));
        var expect = Expectation.Match(text);
        Assert.True(expect.Success, file + " has no '# expect:' line");
        Assert.Matches(@"(?m)^# feature: .+$", text);

        var (exit, json) = await Preview(file);
        var applications = json["applications"]!.AsArray();
        var errors = json["errors"]!.AsArray().Select(e => (Reason: (string)e!["reason"]!, Message: (string)e["message"]!)).ToList();
        var describe = file + ": exit " + exit + ", " + applications.Count + " application(s), errors: " + string.Join(" | ", errors.Select(e => e.Reason + ": " + e.Message));

        if (expect.Groups["count"].Success)
        {
            Assert.True(exit == 0 && errors.Count == 0, describe);
            Assert.True(int.Parse(expect.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) == applications.Count, describe);
        }
        else if (expect.Groups["reason"].Success)
        {
            var reason = expect.Groups["reason"].Value;
            Assert.True(errors.Any(e => e.Reason == reason && e.Message.Contains(expect.Groups["message"].Value, StringComparison.Ordinal)), describe);
            Assert.True(exit == (reason == "InvalidApplicationSet" ? 2 : 1), describe);
        }
        else
        {
            Assert.True(errors.Count > 0 && errors.All(e => e.Reason == "OfflineUnsupported"), describe);
            Assert.True(exit == 1, describe);
            Assert.Empty(applications);
        }
    }

    [Fact]
    public void The_corpus_covers_every_generator_and_reports_its_classes()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var features = new List<string>();
        foreach (var path in Directory.GetFiles(Corpus, "*.yaml"))
        {
            var text = File.ReadAllText(path);
            var expect = Expectation.Match(text);
            Assert.True(expect.Success, path);
            var key = expect.Groups["count"].Success ? "renders" : expect.Groups["reason"].Success ? "fails as Argo CD does (" + expect.Groups["reason"].Value + ")" : "OfflineUnsupported";
            counts[key] = counts.GetValueOrDefault(key) + 1;
            features.Add(Regex.Match(text, "(?m)^# feature: (.+)$").Groups[1].Value);
        }

        foreach (var (key, count) in counts) _output.WriteLine(count + " " + key);
        // Every generator page of the docs has at least one document.
        foreach (var page in new[] { "Generators-List", "Generators-Cluster:", "Generators-Git:", "Generators-Git-File-Globbing", "Generators-Matrix", "Generators-Merge", "Generators-SCM-Provider", "Generators-Pull-Request", "Generators-Cluster-Decision-Resource", "Generators-Plugin", "Generators-Post-Selector", "GoTemplate", "Template:", "Progressive-Syncs", "Controlling-Resource-Modification", "Application-Deletion" })
        {
            Assert.True(features.Any(f => f.StartsWith(page, StringComparison.Ordinal)), "no corpus document for " + page);
        }
    }

    [Fact]
    public void The_git_fixture_repository_for_the_Git_generator_documents_is_built()
    {
        var files = CorpusGitRepository.Git(_repository, "ls-tree", "-r", "--name-only", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("apps/guestbook/kustomization.yaml", files);
        Assert.Contains("apps/experimental/kustomization.yaml", files);
        Assert.Contains("clusters/dev/config.json", files);
        Assert.Contains("targets/eu.json", files);
        Assert.Contains("teams/payments/billing/app.json", files);
        Assert.Contains("broken/config.json", files);
    }

    private async Task<(int Exit, JsonObject Json)> Preview(string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(new[] { "preview", "--appset", Path.Combine(Corpus, file), "--clusters", Path.Combine(Corpus, "clusters"), "--repo", RepoUrl + "=" + _repository, "-o", "json" }, output, error);
        Assert.True(output.ToString().Length > 0, file + ": no output (exit " + exit + "): " + error);
        return (exit, JsonNode.Parse(output.ToString())!.AsObject());
    }
}

/// <summary>A small git repository with the layout the corpus's Git generator documents read (built by the tests).</summary>
public static class CorpusGitRepository
{
    public static string Build(string path)
    {
        Directory.CreateDirectory(path);
        var files = new Dictionary<string, string>
        {
            ["apps/guestbook/kustomization.yaml"] = "resources: [deployment.yaml]\n",
            ["apps/guestbook/deployment.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: guestbook\n",
            ["apps/shop/kustomization.yaml"] = "resources: []\n",
            ["apps/experimental/kustomization.yaml"] = "resources: []\n",
            ["apps/shop/app.json"] = "{\"name\": \"shop\"}\n",
            ["clusters/dev/config.json"] = "{\"cluster\": {\"name\": \"dev\", \"address\": \"https://dev.k8s.example.com\"}}\n",
            ["clusters/prod-eu/config.json"] = "{\"cluster\": {\"name\": \"prod-eu\", \"address\": \"https://prod-eu.k8s.example.com\"}}\n",
            ["clusters/eu/prod/config.yaml"] = "cluster:\n  name: prod-eu\n  tier: critical\n",
            ["targets/eu.json"] = "{\"region\": \"eu\"}\n",
            ["teams/payments/billing/app.json"] = "{\"app\": {\"name\": \"billing\"}}\n",
            ["broken/config.json"] = "invalid json file\n",
        };
        foreach (var (name, content) in files)
        {
            var file = Path.Combine(path, name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        Git(path, "init", "--quiet", "--initial-branch=main");
        Git(path, "add", ".");
        Git(path, "-c", "user.name=HubDsl tests", "-c", "user.email=tests@hubdsl.invalid", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "corpus fixture");
        return path;
    }

    public static string Git(string repo, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repo };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("git " + string.Join(" ", args) + " failed: " + stderr);
        return stdout;
    }

    /// <summary>One repository for the whole test class, deleted after it.</summary>
    public sealed class Fixture : IDisposable
    {
        public string Path { get; } = Build(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hubdsl-corpus-git-" + Guid.NewGuid().ToString("N")));

        public void Dispose() => Delete(Path);
    }

    public static void Delete(string path)
    {
        foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(path, recursive: true);
    }
}
