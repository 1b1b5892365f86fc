using System.CommandLine;
using System.Text.Json.Nodes;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Registration;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Manifests;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl cluster add|list|get|set|rm</c>: register spoke clusters with the hub exactly as <c>argocd cluster
/// add</c> does, list them with a live connection probe, merge labels, and remove them with their RBAC.
/// </summary>
internal static class ClusterCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var command = new Command("cluster", "Register, list, label and remove spoke clusters on the Argo CD hub.");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Get(console));
        command.Subcommands.Add(Set(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Option<string[]> Repeated(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };

    private static Option<string> Format() =>
        new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "json");

    private static Option<double> ProbeTimeout() =>
        new("--probe-timeout") { Description = "Seconds to wait for each spoke's /version.", DefaultValueFactory = _ => 5 };

    private static Command Add(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var context = new Argument<string>("CONTEXT") { Description = "The spoke's kubeconfig context." };
        var name = new Option<string?>("--name") { Description = "The cluster name in Argo CD (default: the context name)." };
        var labels = Repeated("--label", "A label k=v for the cluster Secret (repeatable).");
        var annotations = Repeated("--annotation", "An annotation k=v for the cluster Secret (repeatable).");
        var namespaces = Repeated("--namespace", "Grant rights in this namespace only (repeatable): a Role and RoleBinding each instead of a ClusterRole.");
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

            var rbac = LoadRbac(chosenRbac, parse.GetValue(systemNamespace)!, nsList, parse.GetResult(systemNamespace) is { Implicit: false } && parse.GetValue(rbacFile) is not null, parse.GetValue(rbacFile) is null ? "--fleet" : "--rbac");

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
                foreach (var done in result.SpokeObjects) await console.Output.WriteLineAsync(done.Object + " " + Word(done.Outcome));
                await console.Output.WriteLineAsync("Cluster '" + result.Name + "' (" + result.Server + ") " + (result.HubSecret == ObjectOutcome.Unchanged ? "already registered, unchanged" : result.HubSecret == ObjectOutcome.Created ? "added" : "updated"));
                return ExitCodes.Success;
            }
            catch (ClusterRegistrationException e)
            {
                if (step is not null) console.Error.Write("\r\u001b[K");
                foreach (var done in e.Done) await console.Output.WriteLineAsync(done.Object + " " + Word(done.Outcome));
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
            foreach (var result in results) await console.Output.WriteLineAsync(result.Object + " " + Word(result.Outcome) + " (rollback)" + (result.Message is null ? string.Empty : ": " + Redactor.Scrub(result.Message)));
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

    private static Command List(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var format = Format();
        var timeout = ProbeTimeout();
        var command = new Command("list", "List the hub's clusters and probe each one's connection (concurrently).") { format, timeout };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            using var hub = HubClient.Connect(options);
            var clusters = await hub.ListClustersAsync(ct);
            var health = await ProbeAsync(console, clusters, parse.GetValue(timeout), options, ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Output.WriteLineAsync(new JsonObject { ["clusters"] = new JsonArray(health.Select(h => (JsonNode)FleetStatusReport.ClusterJson(h)).ToArray()) }.ToJsonString(JsonConvert.Indented));
            }
            else
            {
                WriteClusterTable(console, health);
            }

            return health.All(h => h.Reachable) ? ExitCodes.Success : ExitCodes.Problems;
        }));
        return command;
    }

    private static Command Get(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var name = new Argument<string>("NAME") { Description = "The cluster's name, server URL or Secret name." };
        var format = Format();
        var timeout = ProbeTimeout();
        var command = new Command("get", "Show one cluster and probe its connection.") { name, format, timeout };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            using var hub = HubClient.Connect(options);
            var wanted = parse.GetValue(name)!;
            var cluster = await hub.FindClusterAsync(wanted, ct) ?? throw NotFound(wanted, options.ArgoCdNamespace);
            var health = await ProbeAsync(console, new[] { cluster }, parse.GetValue(timeout), options, ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Output.WriteLineAsync(FleetStatusReport.ClusterJson(health[0]).ToJsonString(JsonConvert.Indented));
            }
            else
            {
                WriteClusterTable(console, health);
            }

            return health[0].Reachable ? ExitCodes.Success : ExitCodes.Problems;
        }));
        return command;
    }

    private static Command Set(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var name = new Argument<string>("NAME") { Description = "The cluster's name, server URL or Secret name." };
        var labels = Repeated("--label", "Add or change a label k=v (repeatable); other labels are kept.");
        var remove = Repeated("--remove-label", "Remove a label by key (repeatable).");
        var command = new Command("set", "Merge labels into a cluster's Secret (credentials are never touched).") { name, labels, remove };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            var add = KeyValueOptions.Parse(parse.GetValue(labels), "--label", validateLabels: true);
            var drop = (parse.GetValue(remove) ?? Array.Empty<string>()).ToList();
            foreach (var key in drop) KeyValueOptions.CheckLabel(key, null, "--remove-label");
            if (add.Count == 0 && drop.Count == 0) throw new UserInputException("cluster set needs --label k=v or --remove-label k");
            if (add.ContainsKey(ManifestLabels.SecretTypeKey) || drop.Contains(ManifestLabels.SecretTypeKey)) throw new UserInputException("'" + ManifestLabels.SecretTypeKey + "' makes the Secret a cluster; hubdsl does not change it");
            var both = add.Keys.Intersect(drop).ToList();
            if (both.Count > 0) throw new UserInputException("label '" + both[0] + "' is both set and removed");

            using var hub = HubClient.Connect(options);
            var wanted = parse.GetValue(name)!;
            var cluster = await hub.FindClusterAsync(wanted, ct) ?? throw NotFound(wanted, options.ArgoCdNamespace);
            var patchLabels = new JsonObject();
            foreach (var pair in add) patchLabels[pair.Key] = pair.Value;
            foreach (var key in drop) patchLabels[key] = null;
            await hub.Objects.MergePatchAsync(ResourceType.Secret, options.ArgoCdNamespace, cluster.SecretName, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = patchLabels } }, ClusterFieldManager.Name, ct);
            var changes = add.Select(p => p.Key + "=" + p.Value).Concat(drop.Select(k => "-" + k));
            await console.Output.WriteLineAsync("Cluster '" + cluster.Name + "' labels updated: " + string.Join(", ", changes));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var name = new Argument<string?>("NAME") { Description = "The cluster's name, server URL or Secret name (default: the cluster of --context's server).", Arity = ArgumentArity.ZeroOrOne };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var spokeContext = new Option<string?>("--context") { Description = "The kubeconfig context to remove the spoke's RBAC with (default: a context with the cluster's server, else the stored credentials). Without NAME: the spoke to clean, even when the hub has no cluster Secret for it (an interrupted cluster add)." };
        var systemNamespace = new Option<string>("--system-namespace") { Description = "Where cluster add put the ServiceAccount and its token.", DefaultValueFactory = _ => "kube-system" };
        var namespaces = Repeated("--namespace", "The namespaces given to cluster add --namespace (default: the cluster Secret's namespaces).");
        var timeout = ProbeTimeout();
        var rbacFile = new Option<string?>("--rbac") { Description = "The RBAC file given to cluster add --rbac, to remove those objects." };
        var command = new Command("rm", "Remove a cluster from the hub and, where the spoke is reachable, the RBAC and token cluster add created.") { name, yes, spokeContext, systemNamespace, namespaces, rbacFile, timeout };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            using var hub = HubClient.Connect(options);
            var wanted = parse.GetValue(name);
            var contextName = parse.GetValue(spokeContext);
            RegisteredCluster? cluster;
            KubeContext? byContext = null;
            if (wanted is not null)
            {
                cluster = await hub.FindClusterAsync(wanted, ct) ?? throw NotFound(wanted, options.ArgoCdNamespace);
            }
            else
            {
                if (contextName is null) throw new UserInputException("cluster rm needs the cluster's NAME, or --context CONTEXT to clean the spoke of that context");
                byContext = hub.Kubeconfig!.Resolve(contextName);
                cluster = await hub.FindClusterAsync(byContext.Server.TrimEnd('/'), ct);
            }

            var question = cluster is not null
                ? "Remove cluster '" + cluster.Name + "' (" + cluster.Server + ") from the hub and its argocd-manager RBAC from the spoke?"
                : "The hub has no cluster Secret for " + byContext!.Server.TrimEnd('/') + ". Remove the argocd-manager ServiceAccount, RBAC and token cluster add created on the spoke of context '" + contextName + "'?";
            if (!parse.GetValue(yes) && !console.Confirm(question, "re-run with --yes", out var refusal))
            {
                throw new UserInputException("cluster rm cancelled, nothing was changed: " + refusal);
            }

            // Spoke first, so a cluster whose RBAC could not be removed can still be found by a second rm.
            var nsList = (parse.GetValue(namespaces) ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
            var rbac = LoadRbac(parse.GetValue(rbacFile), parse.GetValue(systemNamespace)!, nsList.Count > 0 ? nsList : cluster?.Info.Namespaces ?? (IReadOnlyList<string>)Array.Empty<string>(), parse.GetResult(systemNamespace) is { Implicit: false });
            var (spoke, via) = cluster is not null
                ? SpokeClient(hub, cluster, contextName, options)
                : (KubeObjectClient.Create(hub.Kubeconfig!.ClientConfiguration(byContext!, options.InsecureSkipTlsVerify), options.Retry), "context " + byContext!.Name);
            var server = cluster?.Server ?? byContext!.Server.TrimEnd('/');
            var failed = false;
            if (spoke is null)
            {
                console.Warn("cluster '" + cluster!.Name + "' has no usable credentials and no kubeconfig context for " + cluster.Server + ": its RBAC stays on the spoke");
                failed = true;
            }
            else
            {
                using (spoke)
                {
                    string? unreachable = null;
                    try
                    {
                        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        limit.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(timeout)));
                        await spoke.Retry.ExecuteAsync(c => spoke.VersionAsync(c), limit.Token);
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        unreachable = e is OperationCanceledException ? "timed out" : KubeErrors.Describe(e);
                    }

                    if (unreachable is not null)
                    {
                        console.Warn("spoke " + server + " is not reachable (" + unreachable + "): its argocd-manager RBAC and token stay; remove them later with kubectl");
                        failed |= cluster is null;
                    }
                    else
                    {
                        foreach (var result in await new SpokeRbacInstaller(spoke).RemoveAsync(rbac, ct))
                        {
                            failed |= result.Outcome == ObjectOutcome.Failed;
                            await console.Output.WriteLineAsync(result.Object + " " + Word(result.Outcome) + (result.Message is null ? string.Empty : " (" + result.Message + ")") + " (via " + via + ")");
                        }
                    }
                }
            }

            if (cluster is null)
            {
                await console.Output.WriteLineAsync("No cluster Secret for " + server + " on the hub; the spoke of context '" + contextName + "' " + (failed ? "could not be cleaned" : "is clean"));
                return failed ? ExitCodes.Problems : ExitCodes.Success;
            }

            var deleted = await hub.Objects.DeleteAsync(ResourceType.Secret, options.ArgoCdNamespace, cluster.SecretName, dryRun: false, ct);
            await console.Output.WriteLineAsync(ResourceType.Secret.Describe(options.ArgoCdNamespace, cluster.SecretName) + " (hub) " + (deleted ? "deleted" : "already gone"));
            await console.Output.WriteLineAsync("Cluster '" + cluster.Name + "' removed");
            return failed ? ExitCodes.Problems : ExitCodes.Success;
        }));
        return command;
    }

    // An admin context for the spoke if the kubeconfig has one (--context, else one with the same server), else the stored credentials.
    private static (KubeObjectClient? Client, string Via) SpokeClient(HubClient hub, RegisteredCluster cluster, string? contextName, HubConnectionOptions options)
    {
        var kubeconfig = hub.Kubeconfig!;
        var context = contextName is not null ? kubeconfig.Resolve(contextName) : kubeconfig.FindByServer(cluster.Server, cluster.Name);
        if (context is not null)
        {
            return (KubeObjectClient.Create(kubeconfig.ClientConfiguration(context, options.InsecureSkipTlsVerify), options.Retry), "context " + context.Name);
        }

        if (cluster.Credentials is { ExternalAuth: null } credentials && (credentials.BearerToken.HasValue || credentials.KeyPem.HasValue || credentials.Password.HasValue))
        {
            return (KubeObjectClient.Create(HealthProber.Configuration(cluster.Server, credentials, options.InsecureSkipTlsVerify), options.Retry), "stored credentials");
        }

        return (null, string.Empty);
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

    private static SpokeRbac LoadRbac(string? file, string systemNamespace, IReadOnlyList<string> namespaces, bool systemNamespaceGiven, string option = "--rbac")
    {
        if (file is null) return SpokeRbac.ArgoCdDefault(systemNamespace, namespaces);
        if (systemNamespaceGiven) throw new UserInputException("--rbac and --system-namespace do not go together: the file's ServiceAccount says where it lives");
        try
        {
            var manifests = Input.ManifestFiles.Read(file).Select(JsonYaml.ToJson).ToList();
            return SpokeRbac.FromManifests(manifests, file);
        }
        catch (UserInputException e)
        {
            throw new UserInputException(option + ": " + e.Message); // the file came from this option
        }
    }

    private static async Task<IReadOnlyList<ClusterHealth>> ProbeAsync(RuntimeConsole console, IReadOnlyList<RegisteredCluster> clusters, double seconds, HubConnectionOptions options, CancellationToken ct)
    {
        using var progress = console.Progress("probing clusters", clusters.Count);
        return await new HealthProber(TimeSpan.FromSeconds(seconds), options.InsecureSkipTlsVerify, retry: options.Retry).ProbeAllAsync(clusters, progress, ct);
    }

    internal static void WriteClusterTable(RuntimeConsole console, IReadOnlyList<ClusterHealth> health)
    {
        var ansi = console.Ansi();
        var table = new Table().Border(TableBorder.Simple).AddColumns("NAME", "SERVER", "LABELS", "CONNECTION");
        foreach (var h in health)
        {
            var labels = string.Join(",", h.Cluster.DisplayLabels.Select(l => l.Key + "=" + l.Value));
            var connection = h.Reachable ? "[green]Successful[/]" : "[red]Failed[/]: " + Markup.Escape(Redactor.Scrub(h.Message));
            table.AddRow(Markup.Escape(h.Cluster.Name), Markup.Escape(h.Cluster.Server), Markup.Escape(labels), connection);
        }

        ansi.Write(table);
    }

    internal static string Word(ObjectOutcome outcome) => outcome switch
    {
        ObjectOutcome.Created => "created",
        ObjectOutcome.Updated => "updated",
        ObjectOutcome.Unchanged => "unchanged",
        ObjectOutcome.Deleted => "deleted",
        ObjectOutcome.NotFound => "not found",
        _ => "failed",
    };

    private static UserInputException NotFound(string name, string ns) =>
        new("no cluster named '" + name + "' in namespace " + ns + " (by name, server URL or Secret name); see hubdsl cluster list");
}
