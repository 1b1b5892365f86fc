using System.CommandLine;
using HubDsl.Cli.Git;
using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl preview</c>'s options for generators that read outside the ApplicationSet: local repositories for
/// the Git generator (<c>--repo</c>, <c>--repo-default</c>, <c>--worktree</c>, and Argo CD's own
/// <c>--enable-new-git-file-globbing</c> and <c>--include-hidden-directories</c>), and parameter sets for the
/// generators that read live services (<c>--generator-params</c>).
/// </summary>
internal sealed class PreviewRepositoryOptions
{
    private readonly Option<string[]> repo = new("--repo")
    {
        Description = "URL=DIR: read the Git generator's repoURL URL from DIR, a local clone (its top folder) or a bare repository (repeatable). URLs compare as Argo CD compares them (case, one '.git' suffix; a trailing '/' counts).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> repoDefault = new("--repo-default") { Description = "DIR: the local repository for every repoURL no --repo names." };

    private readonly Option<bool> worktree = new("--worktree") { Description = "Read the clones' working trees as they are (uncommitted and untracked files too) instead of the revision's commit." };

    private readonly Option<bool> newGlobbing = new("--enable-new-git-file-globbing") { Description = "Git files patterns as doublestar globs, like the ApplicationSet controller's flag of that name (default: git ls-files pathspecs)." };

    private readonly Option<bool> hidden = new("--include-hidden-directories") { Description = "List directories whose name starts with '.', like the repo-server's flag of that name." };

    private readonly Option<string[]> generatorParams = new("--generator-params")
    {
        Description = "NAME=FILE: parameter sets for a generator that reads a live service (scmProvider, pullRequest, clusterDecisionResource, plugin); NAME is the generator's path as errors show it (spec.generators[0].pullRequest) or its kind (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(repo);
        command.Options.Add(repoDefault);
        command.Options.Add(worktree);
        command.Options.Add(newGlobbing);
        command.Options.Add(hidden);
        command.Options.Add(generatorParams);
    }

    public Values Read(ParseResult parse) => new(
        parse.GetValue(repo) ?? Array.Empty<string>(),
        parse.GetValue(repoDefault),
        parse.GetValue(worktree),
        parse.GetValue(newGlobbing),
        parse.GetValue(hidden),
        parse.GetValue(generatorParams) ?? Array.Empty<string>());

    /// <summary>The options as given.</summary>
    internal sealed record Values(string[] Repos, string? RepoDefault, bool Worktree, bool NewGlobbing, bool IncludeHidden, string[] GeneratorParams)
    {
        /// <summary>
        /// Sets up <paramref name="options"/>: the local repositories (checked now; disposed with the result) and the
        /// supplied parameter sets.
        /// </summary>
        /// <exception cref="UserInputException">A value is malformed, a folder is no repository, or a file holds no parameter sets.</exception>
        public IDisposable Apply(RenderOptions options)
        {
            var mappings = new List<(string, string)>();
            foreach (var value in Repos)
            {
                var (url, directory) = Split(value, "--repo", "URL=DIR");
                mappings.Add((url, directory));
            }

            if (Worktree && mappings.Count == 0 && RepoDefault is null) throw new UserInputException("--worktree reads the working trees of --repo and --repo-default folders; give one of them");
            if ((NewGlobbing || IncludeHidden) && mappings.Count == 0 && RepoDefault is null)
            {
                throw new UserInputException((NewGlobbing ? "--enable-new-git-file-globbing" : "--include-hidden-directories") + " applies to the repositories of --repo and --repo-default; give one of them");
            }

            var repositories = new LocalGitRepositories(mappings, RepoDefault, Worktree);
            options.GitRepositories = new GitRepoServer(repositories, new GitRepoServerOptions { NewGitFileGlobbing = NewGlobbing, IncludeHiddenDirectories = IncludeHidden });
            if (GeneratorParams.Length > 0) options.GeneratorParameters = ReadGeneratorParameters();
            return repositories;
        }

        private Dictionary<string, YamlSequence> ReadGeneratorParameters()
        {
            var sets = new Dictionary<string, YamlSequence>(StringComparer.Ordinal);
            foreach (var value in GeneratorParams)
            {
                var (name, file) = Split(value, "--generator-params", "NAME=FILE");
                var option = "--generator-params " + name;
                if (sets.ContainsKey(name)) throw new UserInputException(option + ": given twice; give each generator's parameter sets once");
                var objects = Read(option, file);
                if (objects is not YamlSequence sequence || sequence.Any(item => item is not YamlMapping))
                {
                    throw new UserInputException(option + ": '" + file + "' must hold a YAML (or JSON) list of parameter sets, each a mapping, as the generator would produce them");
                }

                sets[name] = sequence;
            }

            return sets;
        }

        private static YamlNode Read(string option, string file)
        {
            if (Directory.Exists(file)) throw new UserInputException(option + ": '" + file + "' is a folder, not a YAML file");
            if (!File.Exists(file)) throw new UserInputException(option + ": '" + file + "' does not exist");
            if (new FileInfo(file).Length > YamlReaderLimits.MaxTextLength) throw new UserInputException(option + ": '" + file + "' is larger than the " + YamlReaderLimits.MaxTextLength + " characters HubDsl reads from one YAML file");
            try
            {
                return YamlReader.Parse(File.ReadAllText(file, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true)), file);
            }
            catch (YamlReaderException e)
            {
                throw new UserInputException(option + ": '" + file + "' is not valid YAML (line " + e.Line + ", column " + e.Column + "): " + e.Reason);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
            {
                throw new UserInputException(option + ": cannot read '" + file + "': " + e.Message);
            }
        }

        // "A=B" split at the first '=' (a path or a generator name never needs one before it; a URL rarely does).
        private static (string Left, string Right) Split(string value, string option, string shape)
        {
            var equals = value.IndexOf('=');
            if (equals <= 0 || equals == value.Length - 1) throw new UserInputException(option + ": '" + value + "' is not " + shape);
            return (value.Substring(0, equals), value.Substring(equals + 1));
        }
    }
}
