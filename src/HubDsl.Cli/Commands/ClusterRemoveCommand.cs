using System.CommandLine;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Registration;
using HubDsl.Cli.Terminal;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl cluster rm</c>: the spoke's argocd-manager RBAC and token (where the spoke is reachable), then the
/// hub's cluster Secret.
/// </summary>
internal static class ClusterRemoveCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var name = new Argument<string?>("NAME") { Description = "The cluster's name, server URL or Secret name (default: the cluster of --context's server).", Arity = ArgumentArity.ZeroOrOne };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var spokeContext = new Option<string?>("--context") { Description = "The kubeconfig context to remove the spoke's RBAC with (default: a context with the cluster's server, else the stored credentials). Without NAME: the spoke to clean, even when the hub has no cluster Secret for it (an interrupted cluster add)." };
        var systemNamespace = new Option<string>("--system-namespace") { Description = "Where cluster add put the ServiceAccount and its token.", DefaultValueFactory = _ => "kube-system" };
        var namespaces = ClusterCommand.Repeated("--namespace", "The namespaces given to cluster add --namespace (default: the cluster Secret's namespaces).");
        var timeout = ReportOptions.ProbeTimeout();
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
                cluster = await hub.FindClusterAsync(wanted, ct) ?? throw ClusterCommand.NotFound(wanted, options.ArgoCdNamespace);
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
            var rbac = ClusterCommand.LoadRbac(parse.GetValue(rbacFile), parse.GetValue(systemNamespace)!, nsList.Count > 0 ? nsList : cluster?.Info.Namespaces ?? (IReadOnlyList<string>)Array.Empty<string>(), parse.GetResult(systemNamespace) is { Implicit: false });
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
                            await console.Output.WriteLineAsync(result.Object + " " + ClusterCommand.Word(result.Outcome) + (result.Message is null ? string.Empty : " (" + result.Message + ")") + " (via " + via + ")");
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
}
