using System.CommandLine;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Registration;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Manifests;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl cluster add</c>: the argocd-manager ServiceAccount, RBAC and token on a spoke, then the cluster Secret on
/// the hub, exactly as <c>argocd cluster add</c> makes them; on Ctrl+C it says what it created (or rolls it back).
/// </summary>
internal static class ClusterAddCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var context = new Argument<string>("CONTEXT") { Description = "The spoke's kubeconfig context." };
        var name = new Option<string?>("--name") { Description = "The cluster name in Argo CD (default: the context name)." };
        var labels = ClusterCommand.Repeated("--label", "A label k=v for the cluster Secret (repeatable).");
        var annotations = ClusterCommand.Repeated("--annotation", "An annotation k=v for the cluster Secret (repeatable).");
        var namespaces = ClusterCommand.Repeated("--namespace", "Grant rights in this namespace only (repeatable): a Role and RoleBinding each instead of a ClusterRole.");
        var clusterResources = new Option<bool>("--cluster-resources") { Description = "With --namespace: let Argo CD manage cluster-scoped resources (clusterResources: true)." };
        var systemNamespace = new Option<string>("--system-namespace") { Description = "Where the argocd-manager ServiceAccount and its token live.", DefaultValueFactory = _ => "kube-system" };
        var project = new Option<string?>("--project") { Description = "Make the cluster project-scoped." };
        var shard = new Option<int?>("--shard") { Description = "The application controller shard for the cluster." };
        var upsert = new Option<bool>("--upsert") { Description = "Overwrite an existing, different cluster Secret for the same server." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var rbacFile = new Option<string?>("--rbac") { Description = "A YAML file with the ServiceAccount and RBAC to create on the spoke instead of argocd cluster add's (e.g. the build's spokes/<cluster>/argocd-manager.yaml)." };
        var tokenTimeout = new Option<double>("--token-timeout") { Description = "Seconds to wait for the spoke's token controller.", DefaultValueFactory = _ => 30 };
        var rollback = new Option<bool>("--rollback-on-cancel") { Description = "When interrupted (Ctrl+C), remove what this run created instead of listing it." };
        var fleetFolder = new Option<string?>("--fleet") { Description = "The HubDsl project folder (default: the current folder): its spokes/<cluster>/argocd-manager.yaml, when present, is the RBAC to create, and when it declares the cluster the hub Secret gets its fleet label." };
        var command = new Command("add", "Create the argocd-manager ServiceAccount, RBAC and token on a spoke, then register it on the hub.")
        {
            context, name, labels, annotations, namespaces, clusterResources, systemNamespace, project, shard, upsert, yes, rbacFile, tokenTimeout, fleetFolder, rollback,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            var spokeName = parse.GetValue(context)!;
            var labelPairs = KeyValueOptions.Parse(parse.GetValue(labels), "--label", validateLabels: true);
            var annotationPairs = KeyValueOptions.Parse(parse.GetValue(annotations), "--annotation", validateLabels: false);
            var nsList = (parse.GetValue(namespaces) ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
            if (labelPairs.ContainsKey(ManifestLabels.SecretTypeKey)) throw new UserInputException("--label: '" + ManifestLabels.SecretTypeKey + "' is set by hubdsl itself");
            if (parse.GetValue(clusterResources) && nsList.Count == 0) throw new UserInputException("--cluster-resources needs --namespace (without it the cluster is managed cluster-wide)");
            var timeout = parse.GetValue(tokenTimeout);
            if (timeout <= 0) throw new UserInputException("--token-timeout must be positive");

            using var hub = HubClient.Connect(options);
            var spokeContext = hub.Kubeconfig!.Resolve(spokeName);
            if (parse.GetValue(rbacFile) is not null && nsList.Count > 0) throw new UserInputException("--rbac and --namespace do not go together: the file's Roles say which namespaces");
            var chosenRbac = parse.GetValue(rbacFile) ?? BuildRbacFile(parse.GetValue(fleetFolder), parse.GetValue(name) ?? spokeName, nsList, parse.GetResult(systemNamespace) is { Implicit: false });
            if (chosenRbac is not null && parse.GetValue(rbacFile) is null)
            {
                // What the build generated for this cluster: committed and applied RBAC cannot differ.
                await console.Error.WriteLineAsync("hubdsl: using the RBAC the build generated for this cluster: " + chosenRbac);
            }

            var rbac = ClusterCommand.LoadRbac(chosenRbac, parse.GetValue(systemNamespace)!, nsList, parse.GetResult(systemNamespace) is { Implicit: false } && parse.GetValue(rbacFile) is not null, parse.GetValue(rbacFile) is null ? "--fleet" : "--rbac");

            // The Secret belongs to the fleet that declares the cluster (the same server, so the same Secret):
            // its apply --prune may remove it later. A cluster no fleet declares is never pruned.
            if (DeclaringFleet(console, parse.GetValue(fleetFolder), spokeContext.Server, options.ArgoCdNamespace) is { } declaring)
            {
                labelPairs[FleetIdentity.LabelKey(declaring)] = ManifestLabels.FleetValue;
                await console.Error.WriteLineAsync("hubdsl: fleet '" + declaring + "' declares this cluster: its hub Secret gets the label " + FleetIdentity.LabelKey(declaring) + "=true");
            }

            if (!parse.GetValue(yes))
            {
                var scope = chosenRbac is { } file ? "the privileges in " + file
                    : nsList.Count == 0 ? "full cluster level privileges" : "full namespace level privileges in " + string.Join(", ", nsList);
                var question = "WARNING: This will create a service account `" + rbac.ServiceAccountName + "` on the cluster referenced by context `" + spokeName + "` with " + scope + ". Do you want to continue?";
                if (!console.Confirm(question, "re-run with --yes to grant them", out var refusal))
                {
                    throw new UserInputException("cluster add cancelled, nothing was changed: " + refusal);
                }
            }

            using var spoke = KubeObjectClient.Create(hub.Kubeconfig.ClientConfiguration(spokeContext, options.InsecureSkipTlsVerify), options.Retry);
            var registrar = new SpokeRegistrar(hub, spoke);
            var request = new ClusterRegistrationRequest
            {
                Spoke = spokeContext,
                Name = parse.GetValue(name),
                Labels = labelPairs,
                Annotations = annotationPairs,
                Project = parse.GetValue(project),
                Shard = parse.GetValue(shard) is int n && n >= 0 ? n : parse.GetValue(shard) is null ? null : throw new UserInputException("--shard must be 0 or more"),
                ClusterResources = parse.GetValue(clusterResources),
                Rbac = rbac,
                Upsert = parse.GetValue(upsert),
                TokenTimeout = TimeSpan.FromSeconds(timeout),
                InsecureSkipTlsVerify = options.InsecureSkipTlsVerify,
            };
            Action<string>? step = console.IsErrorTerminal ? s => { console.Error.Write("\r\u001b[K" + s); console.Error.Flush(); } : null;
            try
            {
                var result = await registrar.RegisterAsync(request, step, ct);
                if (step is not null) console.Error.Write("\r\u001b[K");
                foreach (var done in result.SpokeObjects) await console.Output.WriteLineAsync(done.Object + " " + ClusterCommand.Word(done.Outcome));
                await console.Output.WriteLineAsync("Cluster '" + result.Name + "' (" + result.Server + ") " + (result.HubSecret == ObjectOutcome.Unchanged ? "already registered, unchanged" : result.HubSecret == ObjectOutcome.Created ? "added" : "updated"));
                return ExitCodes.Success;
            }
            catch (ClusterRegistrationException e)
            {
                if (step is not null) console.Error.Write("\r\u001b[K");
                foreach (var done in e.Done) await console.Output.WriteLineAsync(done.Object + " " + ClusterCommand.Word(done.Outcome));
                var removeCommand = RemoveSpokeCommand(spokeName, chosenRbac, parse.GetResult(systemNamespace) is { Implicit: false } && chosenRbac is null ? parse.GetValue(systemNamespace) : null, nsList);
                if (e.IsCancelled)
                {
                    await ReportCancelledAsync(console, new RegistrationRollback(hub, spoke), e.Progress, spokeName, spokeContext.Server.TrimEnd('/'), removeCommand, parse.GetValue(rollback));
                    return ExitCodes.Problems;
                }

                var created = e.Created;
                var tail = created.Count == 0 ? " (it created nothing)" : "; it created " + string.Join(", ", created) + ", which a re-run reuses (or remove them: " + removeCommand + ")";
                await console.Error.WriteLineAsync("hubdsl: cluster add " + spokeName + " failed: " + Redactor.Scrub(e.Message) + tail);
                return e.IsUserError ? ExitCodes.BadInput : ExitCodes.Problems;
            }
        }));
        return command;
    }

    // Ctrl+C during cluster add: what it created, what may exist (a request under way), and how to remove it; or,
    // with --rollback-on-cancel, remove it (under a fresh, bounded deadline: the command's token is cancelled).
    private static async Task ReportCancelledAsync(RuntimeConsole console, RegistrationRollback rollback, RegistrationProgress progress, string spokeName, string server, string removeCommand, bool rollBackOnCancel)
    {
        var error = console.Error;
        await error.WriteLineAsync("hubdsl: cluster add " + spokeName + " cancelled" + (progress.Step is null ? string.Empty : " during: " + progress.Step));
        if (rollBackOnCancel)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var results = await rollback.UndoAsync(progress, deadline.Token);
            foreach (var result in results) await console.Output.WriteLineAsync(result.Object + " " + ClusterCommand.Word(result.Outcome) + " (rollback)" + (result.Message is null ? string.Empty : ": " + Redactor.Scrub(result.Message)));
            var left = results.Where(r => r.Outcome == ObjectOutcome.Failed).Select(r => r.Object).ToList();
            await error.WriteLineAsync(left.Count == 0
                ? "hubdsl: removed what this run had created" + (results.Count == 0 ? " (nothing)" : " (listed above)") + "; objects that existed before it were left as they were"
                : "hubdsl: could not remove " + string.Join(", ", left) + "; remove them with: " + removeCommand);
            return;
        }

        var created = progress.CreatedOnSpoke.Select(o => o.ToString()).ToList();
        await error.WriteLineAsync(created.Count == 0 ? "hubdsl: it created nothing on the spoke" : "hubdsl: it created on the spoke: " + string.Join(", ", created));
        if (progress.PendingCreate is { } pending) await error.WriteLineAsync("hubdsl: the request creating " + pending + " was under way: it may exist too");
        if (progress.HubSecretPending)
        {
            await error.WriteLineAsync("hubdsl: the request writing the hub's cluster Secret " + progress.HubSecretName + " was under way: it may have been written (hubdsl cluster get " + server + ")");
        }
        else if (progress.HubSecretWasAbsent)
        {
            await error.WriteLineAsync("hubdsl: the hub has no cluster Secret for " + server + ", so cluster list does not show the cluster");
        }

        if (created.Count > 0 || progress.PendingCreate is not null)
        {
            await error.WriteLineAsync("hubdsl: remove them with: " + removeCommand + " (or run cluster add again to finish: it reuses them; --rollback-on-cancel removes them on Ctrl+C)");
        }
    }

    // The cluster rm command that removes, by context, what cluster add created on the spoke (the hub may have no Secret).
    private static string RemoveSpokeCommand(string context, string? rbacFile, string? systemNamespace, IReadOnlyList<string> namespaces)
    {
        static string Quote(string text) => text.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\') ? "'" + text.Replace("'", "'\\''") + "'" : text;
        var command = "hubdsl cluster rm --context " + Quote(context);
        if (rbacFile is not null) command += " --rbac " + Quote(rbacFile);
        if (systemNamespace is not null) command += " --system-namespace " + systemNamespace;
        foreach (var ns in namespaces) command += " --namespace " + ns;
        return command;
    }

    // The build's spokes/<cluster>/argocd-manager.yaml in the fleet folder (default: the current one), unless the
    // command line asks for something else (namespaces or a system namespace of its own).
    private static string? BuildRbacFile(string? folder, string clusterName, IReadOnlyList<string> namespaces, bool systemNamespaceGiven)
    {
        if (folder is not null && !Directory.Exists(folder)) throw new UserInputException("--fleet: folder '" + folder + "' " + (File.Exists(folder) ? "is a file, not a folder" : "does not exist"));
        if (namespaces.Count > 0 || systemNamespaceGiven) return null;
        var path = Path.Combine(folder ?? Directory.GetCurrentDirectory(), HubDsl.Core.Manifests.FleetManifests.SpokeFile(clusterName));
        return File.Exists(path) ? path : null;
    }

    // The fleet of the project in the folder (default: the current one) when it generates the cluster Secret for this
    // server; an explicit --fleet that declares no such cluster is said, a current folder that is no project is not.
    private static string? DeclaringFleet(RuntimeConsole console, string? folder, string server, string argoCdNamespace)
    {
        var secretName = ClusterSecretNames.ForServer(server.TrimEnd('/'));
        if (secretName is null) return null;
        if (folder is null && !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "argocd"))) return null; // not a project: do not scan it
        IReadOnlyList<DesiredObject> objects;
        try
        {
            objects = ProjectManifests.Load(folder ?? Directory.GetCurrentDirectory(), argoCdNamespace);
        }
        catch (UserInputException) when (folder is null)
        {
            return null;
        }

        var secret = objects.FirstOrDefault(o => o.Type == ResourceType.Secret && o.Name == secretName);
        if (secret is null)
        {
            if (folder is not null) console.Warn("the fleet in '" + folder + "' declares no cluster with server " + server.TrimEnd('/') + ": the hub Secret gets no fleet label (no fleet's apply --prune will remove it)");
            return null;
        }

        var fleets = FleetOwnership.Fleets(secret.Configuration);
        return fleets.Count == 1 ? fleets[0] : throw new UserInputException("'" + secret.SourceFile + "' has " + (fleets.Count == 0 ? "no fleet label: it was generated by an older HubDsl; rebuild the project" : "several fleet labels"));
    }
}
