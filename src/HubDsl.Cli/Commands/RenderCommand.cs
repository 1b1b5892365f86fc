using System.CommandLine;
using HubDsl.Cli.Input;
using HubDsl.Cli.Render;
using HubDsl.Cli.Terminal;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl render</c>: every Application the project's ApplicationSets generate whose source is a Helm chart in
/// this repository, rendered by real <c>helm template</c> with exactly what Argo CD's repo server passes, one folder
/// per cluster and Application.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var project = new Option<string?>("--project") { Description = "The HubDsl project folder (default: the current folder); build it first." };
        var sourceRoot = new Option<string?>("--source-root") { Description = "The folder that stands for the root of the Applications' repository: source paths resolve inside it (default: the project folder)." };
        var repos = new Option<string[]>("--repo") { Description = "Only sources with this repoURL are this repository's (repeatable; default: any Git source whose path is a chart under --source-root).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var clusters = new Option<string[]>("--cluster") { Description = "Only this cluster (repeatable).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var appSets = new Option<string[]>("--appset") { Description = "Only this ApplicationSet (repeatable).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output", "-o") { Description = "A folder (one folder per cluster and Application, one file per object), or - for standard output.", DefaultValueFactory = _ => "-" };
        var revision = new Option<string?>("--revision") { Description = "The commit $ARGOCD_APP_REVISION names (default: the checked-out commit)." };
        var tracking = new Option<string>("--tracking-method") { Description = "The hub's application.resourceTrackingMethod: annotation (default since Argo CD 3.0), label or annotation+label.", DefaultValueFactory = _ => "annotation" };
        tracking.AcceptOnlyFromAmong("annotation", "label", "annotation+label");
        var labelKey = new Option<string>("--instance-label-key") { Description = "The hub's application.instanceLabelKey (label tracking).", DefaultValueFactory = _ => "app.kubernetes.io/instance" };
        var installationId = new Option<string?>("--installation-id") { Description = "The hub's installationID, if set." };
        var argoNamespace = new Option<string>("--argocd-namespace") { Description = "The namespace Argo CD runs in.", DefaultValueFactory = _ => "argocd" };
        var inCluster = new Option<bool>("--in-cluster") { Description = "Whether the hub's in-cluster cluster exists (default true).", DefaultValueFactory = _ => true, Arity = ArgumentArity.ExactlyOne };
        var parallel = new Option<int?>("--parallel") { Description = "helm processes at once (1 to 64; default: the processor count)." };
        var helmTimeout = new Option<double>("--helm-timeout") { Description = "Seconds one helm template may take.", DefaultValueFactory = _ => 120 };
        var diffBase = new Option<string?>("--diff-base") { Description = "Also render the fleet at this git revision (a temporary worktree, built with the same SDK) and print what changes per cluster and Application (exit 0 nothing, 1 changes, 2 errors)." };
        var markdown = new Option<bool>("--markdown") { Description = "With --diff-base: print a pull-request comment (collapsed sections per cluster, size-limited)." };
        var markdownLimit = new Option<int?>("--markdown-limit") { Description = "With --markdown: the comment's maximum size in characters (default 60000; GitHub allows 65536)." };
        var baseNoBuild = new Option<bool>("--base-no-build") { Description = "With --diff-base: use the base's committed generated manifests instead of building it." };
        var buildTimeout = new Option<double>("--build-timeout") { Description = "Seconds the base's dotnet build may take (with --diff-base).", DefaultValueFactory = _ => 900 };

        var command = new Command("render", "Render every Application's Helm chart with helm template, as Argo CD's repo server does.")
        {
            project, sourceRoot, repos, clusters, appSets, output, revision, tracking, labelKey, installationId, argoNamespace, inCluster, parallel, helmTimeout,
            diffBase, markdown, markdownLimit, baseNoBuild, buildTimeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var projectFolder = parse.GetValue(project) ?? Directory.GetCurrentDirectory();
            var root = parse.GetValue(sourceRoot) ?? projectFolder;
            if (!Directory.Exists(root)) throw new UserInputException("--source-root: '" + root + "' is not a folder");
            var workers = parse.GetValue(parallel) ?? Math.Clamp(Environment.ProcessorCount, 1, 16);
            if (workers is < 1 or > 64) throw new UserInputException("--parallel: " + workers + " is not from 1 to 64");
            var settings = new RenderSettings
            {
                SourceRoot = Path.GetFullPath(root),
                Repositories = parse.GetValue(repos) ?? Array.Empty<string>(),
                Clusters = parse.GetValue(clusters) ?? Array.Empty<string>(),
                ApplicationSets = parse.GetValue(appSets) ?? Array.Empty<string>(),
                Revision = parse.GetValue(revision) ?? BaseWorktree.Head(root),
                Tracking = parse.GetValue(tracking) switch { "label" => TrackingMethod.Label, "annotation+label" => TrackingMethod.AnnotationAndLabel, _ => TrackingMethod.Annotation },
                InstanceLabelKey = parse.GetValue(labelKey)!,
                InstallationId = parse.GetValue(installationId) ?? string.Empty,
                ArgoCdNamespace = parse.GetValue(argoNamespace)!,
                IncludeInCluster = parse.GetValue(inCluster),
                Parallelism = workers,
                HelmTimeout = TimeSpan.FromSeconds(parse.GetValue(helmTimeout)),
            };

            if (parse.GetValue(diffBase) is { } reference)
            {
                if (parse.GetValue(output) != "-") throw new UserInputException("-o: --diff-base prints the differences; render to a folder without --diff-base");
                var limit = parse.GetValue(markdownLimit) ?? MarkdownDiffReport.DefaultLimit;
                if (limit < 1000) throw new UserInputException("--markdown-limit: " + limit + " is below 1000 characters");
                return await DiffAsync(reference, projectFolder, settings, parse.GetValue(markdown), limit, parse.GetValue(baseNoBuild), TimeSpan.FromSeconds(parse.GetValue(buildTimeout)), console, ct);
            }

            if (parse.GetValue(markdown)) throw new UserInputException("--markdown: only with --diff-base");
            var (sets, secrets) = ProjectFleet.Load(projectFolder);
            using var helm = new HelmRunner(HelmLocator.Find(projectFolder, AppContext.BaseDirectory), settings.Parallelism, settings.HelmTimeout);
            var render = await FleetRenderer.RenderAsync(sets, secrets, settings, helm, ct);
            var target = parse.GetValue(output)!;
            if (target == "-")
            {
                RenderOutput.WriteStream(render, console.Output);
            }
            else
            {
                var outcome = RenderOutput.WriteFolder(render, target, projectFolder);
                console.Error.WriteLine("hubdsl: wrote " + outcome.Written.Count + " file(s), deleted " + outcome.Deleted.Count + " under " + target);
            }

            Report(render, helm, console);
            return render.HasErrors ? ExitCodes.Problems : ExitCodes.Success;
        });
        return command;
    }

    // The fleet at the base revision and in the working tree, compared. Exit 0 nothing changed, 1 changes, 2 errors.
    private static async Task<int> DiffAsync(string reference, string projectFolder, RenderSettings settings, bool markdown, int limit, bool noBuild, TimeSpan buildTimeout, RuntimeConsole console, CancellationToken ct)
    {
        var top = BaseWorktree.TopLevel(projectFolder);
        var projectRelative = Path.GetRelativePath(top, Path.GetFullPath(projectFolder));
        var rootRelative = Path.GetRelativePath(top, settings.SourceRoot);
        if (projectRelative.StartsWith("..", StringComparison.Ordinal) || rootRelative.StartsWith("..", StringComparison.Ordinal))
        {
            throw new UserInputException("--diff-base: the project and --source-root must be inside the git repository " + top);
        }

        var (sets, secrets) = ProjectFleet.Load(projectFolder);
        using var helm = new HelmRunner(HelmLocator.Find(projectFolder, AppContext.BaseDirectory), settings.Parallelism, settings.HelmTimeout);
        var head = await FleetRenderer.RenderAsync(sets, secrets, settings, helm, ct);

        FleetRender before;
        string? leftBehind;
        var worktree = BaseWorktree.Create(top, reference);
        try
        {
            if (!noBuild) worktree.Build(projectRelative, buildTimeout);
            var baseProject = Path.Combine(worktree.Folder, projectRelative);
            var baseSettings = settings with { SourceRoot = Path.GetFullPath(Path.Combine(worktree.Folder, rootRelative)), Revision = worktree.Commit };
            before = Directory.Exists(baseProject) ? await RenderFleetAsync(baseProject, baseSettings, helm, ct) : new FleetRender();
        }
        finally
        {
            // Always removed, also after a failure or Ctrl+C.
            worktree.Dispose();
            leftBehind = worktree.LeftBehind;
        }

        if (leftBehind is not null) console.Warn(leftBehind);
        var diffs = RenderDiff.Compare(before, head);
        console.Output.Write(markdown ? MarkdownDiffReport.Write(diffs, reference, limit) : DiffReport.Text(diffs, reference));
        foreach (var error in before.ApplicationSetErrors) console.Error.WriteLine("hubdsl: base: " + error);
        foreach (var error in head.ApplicationSetErrors) console.Error.WriteLine("hubdsl: " + error);
        foreach (var diff in diffs.Where(d => d.Error is not null)) console.Error.WriteLine("hubdsl: " + diff.Cluster + "/" + diff.Name + ": " + diff.Error);
        console.Error.WriteLine("hubdsl: " + helm.Runs + " helm template run(s) for both revisions");
        if (before.HasErrors || head.HasErrors) return ExitCodes.BadInput;
        return diffs.Count > 0 ? ExitCodes.Problems : ExitCodes.Success;
    }

    private static async Task<FleetRender> RenderFleetAsync(string projectFolder, RenderSettings settings, HelmRunner helm, CancellationToken ct)
    {
        try
        {
            var (sets, secrets) = ProjectFleet.Load(projectFolder);
            return await FleetRenderer.RenderAsync(sets, secrets, settings, helm, ct);
        }
        catch (UserInputException e)
        {
            throw new UserInputException("--diff-base: the fleet at the base: " + e.Message);
        }
    }

    /// <summary>Errors, warnings and skipped Applications on standard error, then a one-line summary.</summary>
    internal static void Report(FleetRender render, HelmRunner helm, RuntimeConsole console)
    {
        foreach (var error in render.ApplicationSetErrors) console.Error.WriteLine("hubdsl: " + error);
        foreach (var app in render.Applications)
        {
            if (app.Error is not null) console.Error.WriteLine("hubdsl: " + app.Folder + ": " + app.Error);
            foreach (var warning in app.Warnings) console.Warn(app.Folder + ": " + warning);
        }

        foreach (var skipped in render.Skipped) console.Error.WriteLine("hubdsl: skipped " + skipped.Cluster + "/" + skipped.Name + ": " + skipped.Skipped);
        var clusters = render.Applications.Select(a => a.Cluster).Distinct().Count();
        console.Error.WriteLine("hubdsl: rendered " + render.Applications.Count(a => a.Error is null) + " Application(s) on " + clusters + " cluster(s) with " + helm.Runs +
            " helm template run(s) for " + render.DistinctInputs + " distinct input(s); " + render.Applications.Count(a => a.Error is not null) + " failed, " + render.Skipped.Count + " skipped");
    }
}
