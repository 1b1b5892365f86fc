using System.Text;
using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>A repository held in memory: one commit per name, refs pointing at them; the same one for every URL unless mapped.</summary>
internal sealed class InMemoryRepository : IGitRepositoryReader, IGitRepository
{
    private readonly Dictionary<string, Dictionary<string, (GitEntryKind Kind, string Content)>> commits = new(StringComparer.Ordinal);

    public List<GitRef> RefList { get; } = new();

    /// <summary>URLs this repository answers for; empty means every URL.</summary>
    public List<string> Urls { get; } = new();

    public string Location => "the in-memory repository";

    public IReadOnlyList<GitRef> Refs => RefList;

    public int Reads { get; private set; }

    /// <summary>Adds a commit; paths ending in " -> target" are links, "sub/" with kind Submodule are gitlinks.</summary>
    public InMemoryRepository Commit(string sha, params (string Path, string Content)[] files)
    {
        var tree = new Dictionary<string, (GitEntryKind, string)>(StringComparer.Ordinal);
        foreach (var (path, content) in files) tree[path] = (GitEntryKind.File, content);
        commits[sha] = tree;
        return this;
    }

    public InMemoryRepository Link(string sha, string path, string target)
    {
        commits[sha][path] = (GitEntryKind.SymbolicLink, target);
        return this;
    }

    public InMemoryRepository Submodule(string sha, string path)
    {
        commits[sha][path] = (GitEntryKind.Submodule, string.Empty);
        return this;
    }

    public InMemoryRepository Ref(string name, string sha)
    {
        RefList.Add(new GitRef(name, sha));
        return this;
    }

    public InMemoryRepository Head(string target)
    {
        RefList.Insert(0, GitRef.Symbolic("HEAD", target));
        return this;
    }

    public IGitRepository Open(string repoUrl)
    {
        if (Urls.Count > 0 && !Urls.Any(u => GitUrl.Same(u, repoUrl)))
        {
            throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "no local repository for '" + repoUrl + "'");
        }

        return this;
    }

    public string? FindCommit(string hexPrefix)
    {
        var matches = commits.Keys.Where(k => k.StartsWith(hexPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public GitSnapshot ReadCommit(string commit)
    {
        Reads++;
        return new Snapshot(commit, commits[commit]);
    }

    private sealed class Snapshot : GitSnapshot
    {
        private readonly Dictionary<string, (GitEntryKind Kind, string Content)> tree;

        public Snapshot(string commit, Dictionary<string, (GitEntryKind, string)> tree)
        {
            Commit = commit;
            this.tree = tree;
            Entries = tree.Select(p => new GitEntry(p.Key, p.Value.Item1)).ToList();
        }

        public override string Commit { get; }

        public override IReadOnlyList<GitEntry> Entries { get; }

        public override byte[] Read(GitEntry entry) => Encoding.UTF8.GetBytes(tree[entry.Path].Content);
    }
}
