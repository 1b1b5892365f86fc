namespace HubDsl.Core.Rendering.Git;

/// <summary>A ref as <c>git ls-remote</c> advertises it: a name with a commit, or a symbolic ref (HEAD) with its target.</summary>
public sealed class GitRef
{
    /// <summary>A ref that names a commit.</summary>
    public GitRef(string name, string commit)
    {
        Name = name;
        Commit = commit;
    }

    private GitRef(string name, string? commit, string? symbolicTarget)
    {
        Name = name;
        Commit = commit;
        SymbolicTarget = symbolicTarget;
    }

    /// <summary>The full name: <c>HEAD</c>, <c>refs/heads/main</c>, <c>refs/tags/v1.0</c>.</summary>
    public string Name { get; }

    /// <summary>The commit SHA, or null for a symbolic ref.</summary>
    public string? Commit { get; }

    /// <summary>For a symbolic ref, the full name of the ref it points to.</summary>
    public string? SymbolicTarget { get; }

    /// <summary>A symbolic ref (<c>HEAD</c> pointing at <c>refs/heads/main</c>).</summary>
    public static GitRef Symbolic(string name, string target) => new(name, null, target);

    /// <inheritdoc/>
    public override string ToString() => Name + " -> " + (Commit ?? SymbolicTarget);
}
