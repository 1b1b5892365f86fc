using System.Threading;
using System.Threading.Tasks;
using System.Collections.Immutable;
using HubDsl.Cli.Watch;
using HubDsl.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// Correctness under real editing: sequences of 50 edits (the kinds the generator's cache tests toggle: one
/// cluster's initializer, a values member another is made from, a default every values member starts from, a
/// static field and a constant in another file, a method body, an added declaration, a description, plus a
/// cluster renamed, which turns files stale) saved one after another and run through watch.
/// <para>
/// Builds take a minute each here, so the design compares with as few builds as is sound. After every edit, watch's
/// tree (written incrementally, with the generator's warm state) must equal the tree a cold pass writes (a fresh
/// load-free session, generator and file sync from scratch, in a twin folder that follows the same edits): that
/// catches any drift of the warm state, at every state. That the cold pass writes what <c>dotnet build</c> writes
/// is checked where it matters: at state 0 (<see cref="WatchOnceTests"/>), and here at states 25 and 50 of the fixed
/// sequence, where a twin folder that saw only builds must hold the same bytes as watch's (manifests, record, and
/// stale files deleted). The bounded random search (tests/Shared/Property.cs) runs further sequences against the
/// cold pass only.
/// </para>
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class WatchEditSequenceTests
{
    private const string SharedSource = """
        namespace AgentFleet;

        public static class Shared
        {
            public const string Region = "eu";
            public static readonly string Owner = "team-a";
            public static int Compute() { return 1; }
        }
        """;

    // Each edit switches a file between two texts.
    private static readonly (string File, string Before, string After)[] Edits =
    [
        ("Clusters.cs", "https://dr-api.example.com", "https://dr-eu.example.com"),
        ("Agent.cs", "Replicas = 3,", "Replicas = 4,"),
        ("Agent.cs", "AgentValues Defaults = new();", "AgentValues Defaults = new() { Replicas = 2 };"),
        ("Shared.cs", "Owner = \"team-a\"", "Owner = \"team-b\""),
        ("Shared.cs", "Region = \"eu\"", "Region = \"us\""),
        ("Shared.cs", "{ return 1; }", "{ return 2; }"),
        ("Shared.cs", "public static int Compute()", "public sealed class Extra { }\n    public static int Compute()"),
        ("Agent.cs", "Description = \"The agent on every spoke labelled deploy=true\"", "Description = \"The agent\""),
        ("Clusters.cs", "new(\"dr\", ", "new(\"dr-eu\", "),
    ];

    // The fixed sequence the builds check (50 edits, every kind several times).
    private static readonly int[] FixedSequence =
        [0, 1, 8, 2, 3, 4, 5, 6, 7, 8, 1, 1, 2, 0, 3, 8, 4, 6, 5, 7, 2, 0, 1, 8, 3, 6, 4, 2, 5, 0, 7, 8, 1, 3, 2, 6, 0, 4, 8, 5, 1, 7, 3, 2, 8, 0, 6, 4, 1, 2];

    private static readonly int[] BuildStates = [25, 50];

    [Fact]
    public async Task Fifty_edits_through_watch_leave_the_bytes_dotnet_build_leaves()
    {
        Assert.Equal(50, FixedSequence.Length);
        using var fleet = Prepared("sequence");
        using var built = fleet.Watched.Twin("sequence-build");
        await fleet.RunAsync(FixedSequence, state =>
        {
            if (!BuildStates.Contains(state)) return;
            foreach (var file in Directory.GetFiles(fleet.Watched.Root, "*.cs")) File.Copy(file, built.Path(Path.GetFileName(file)), overwrite: true);
            built.Build();
            FleetCopy.AssertSameTree(built.Tree(), fleet.Watched.Tree(), "state " + state + " against dotnet build");
        });
    }

    [Fact]
    public async Task Edits_after_a_warm_up_leave_the_bytes_a_cold_pass_leaves()
    {
        // The warm-up runs the generator and the analyzers on compilations it throws away (they still pass through the
        // evaluation caches): what the edits after it write must not depend on it.
        using var fleet = Prepared("warmed");
        await fleet.RunAsync(FixedSequence.Take(10).ToArray(), _ => { }, warmUp: true);
    }

    [Fact]
    public void Random_edit_sequences_through_watch_leave_the_bytes_a_cold_pass_leaves()
    {
        using var fleet = Prepared("search");
        Property.Check(CsCheck.Gen.Int[0, Edits.Length - 1].Array[50], edits => fleet.RunAsync(edits, _ => { }).GetAwaiter().GetResult(), cases: 1);
    }

    private static PreparedFleet Prepared(string name)
    {
        var watched = FleetCopy.Create(name);
        // A declared fleet: the cold passes compile under other assembly names, which would otherwise name the fleet.
        watched.Edit("AgentFleet.csproj", "<OutputType>Library</OutputType>", "<OutputType>Library</OutputType>\n    <HubDslFleet>agentfleet</HubDslFleet>");
        File.WriteAllText(watched.Path("Shared.cs"), SharedSource);
        watched.Edit("Clusters.cs", "Labels = { [\"env\"] = \"staging\", [\"deploy\"] = \"true\" },", "Labels = { [\"env\"] = \"staging\", [\"deploy\"] = \"true\", [\"region\"] = Shared.Region, [\"owner\"] = Shared.Owner },");
        return new PreparedFleet(watched, watched.Twin(name + "-cold"));
    }

    /// <summary>The watched copy, its warm loop, and a twin the cold passes write into.</summary>
    private sealed class PreparedFleet(FleetCopy watched, FleetCopy cold) : IDisposable
    {
        private readonly Dictionary<string, string> _original = Directory.GetFiles(watched.Root, "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        private WatchHarness? _watch;

        public FleetCopy Watched => watched;

        /// <summary>Applies the edits one by one from the original sources; after each, compares with a cold pass and calls <paramref name="atState"/> (1-based).</summary>
        public async Task RunAsync(int[] edits, Action<int> atState, bool warmUp = false)
        {
            // Back to the original sources (a case of the search starts where the last one ended).
            var reset = new List<string>();
            foreach (var (file, text) in _original)
            {
                if (File.ReadAllText(watched.Path(file)) == text) continue;
                File.WriteAllText(watched.Path(file), text);
                reset.Add(watched.Path(file));
            }

            if (_watch is null)
            {
                _watch = new WatchHarness(watched);
                Assert.True(await _watch.StartAsync(), "the first pass failed: " + _watch.LastReport);
            }
            else if (reset.Count > 0)
            {
                Assert.True(await _watch.SavedAsync([.. reset]), "the reset failed: " + _watch.LastReport);
            }

            for (var state = 1; state <= edits.Length; state++)
            {
                if (warmUp) await _watch.Loop.WarmUpAsync(CancellationToken.None);
                var (file, before, after) = Edits[edits[state - 1]];
                var text = File.ReadAllText(watched.Path(file));
                // Toggled: an edit whose new text contains the old one (an added declaration) is undone first.
                var edited = text.Contains(after, StringComparison.Ordinal) ? text.Replace(after, before, StringComparison.Ordinal) : text.Replace(before, after, StringComparison.Ordinal);
                Assert.NotEqual(text, edited);
                File.WriteAllText(watched.Path(file), edited);
                Assert.True(await _watch.SavedAsync(watched.Path(file)), "state " + state + " was not written: " + _watch.LastReport);

                await ColdPassAsync(_watch.Loop.Project!);
                FleetCopy.AssertSameTree(cold.Tree(), watched.Tree(), "state " + state + " (edit " + edits[state - 1] + ") against a cold pass");
                atState(state);
            }
        }

        // The sources as they are now, parsed afresh into a new compilation (another assembly name, so the generator's
        // evaluation cache starts empty), a new generator driver, and the file sync writing into the cold twin.
        private async Task ColdPassAsync(LoadedProject project)
        {
            var trees = project.Documents.Values.Select(t => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(t.FilePath)), project.ParseOptions, t.FilePath)).ToList();
            var compilation = project.Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).WithAssemblyName("Cold" + Guid.NewGuid().ToString("N"));
            var coldProject = project with
            {
                ProjectFile = cold.ProjectFile,
                Settings = project.Settings with { OutputRoot = cold.Root },
                Compilation = compilation,
                Documents = trees.ToImmutableDictionary(t => t.FilePath, t => (SyntaxTree)t),
            };
            var result = await new WarmSession(coldProject).RunAsync(CancellationToken.None);
            Assert.False(result.HasErrors, "the cold pass has errors: " + string.Join("\n", result.Errors));
            var written = ManifestWriter.Write(coldProject, result.Manifests, verified: null, CancellationToken.None);
            Assert.True(written.Succeeded, "the cold pass could not write: " + string.Join("\n", written.Problems));
        }

        public void Dispose()
        {
            watched.Dispose();
            cold.Dispose();
        }
    }
}
