using System.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Registration;
using HubDsl.Cli.Terminal;
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
        command.Subcommands.Add(ClusterAddCommand.Create(console));
        command.Subcommands.Add(ClusterListCommand.Create(console));
        command.Subcommands.Add(ClusterGetCommand.Create(console));
        command.Subcommands.Add(ClusterSetCommand.Create(console));
        command.Subcommands.Add(ClusterRemoveCommand.Create(console));
        return command;
    }

    internal static Option<string[]> Repeated(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };

    internal static SpokeRbac LoadRbac(string? file, string systemNamespace, IReadOnlyList<string> namespaces, bool systemNamespaceGiven, string option = "--rbac")
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

    internal static async Task<IReadOnlyList<ClusterHealth>> ProbeAsync(RuntimeConsole console, IReadOnlyList<RegisteredCluster> clusters, double seconds, HubConnectionOptions options, CancellationToken ct)
    {
        using var progress = console.Progress("probing clusters", clusters.Count);
        return await new HealthProber(TimeSpan.FromSeconds(seconds), options.InsecureSkipTlsVerify, retry: options.Retry).ProbeAllAsync(clusters, progress, ct);
    }

    internal static void WriteClusterTable(RuntimeConsole console, IReadOnlyList<ClusterHealth> health)
    {
        var ansi = console.Ansi();
        // SHARD: the application controller shard the Secret names; empty when Argo CD's own distribution decides.
        var table = new Table().Border(TableBorder.Simple).AddColumns("NAME", "SERVER", "SHARD", "LABELS", "CONNECTION");
        foreach (var h in health)
        {
            var labels = string.Join(",", h.Cluster.DisplayLabels.Select(l => l.Key + "=" + l.Value));
            var connection = h.Reachable ? "[green]Successful[/]" : "[red]Failed[/]: " + Markup.Escape(Redactor.Scrub(h.Message));
            table.AddRow(Markup.Escape(h.Cluster.Name), Markup.Escape(h.Cluster.Server), Markup.Escape(h.Cluster.Info.Shard ?? string.Empty), Markup.Escape(labels), connection);
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

    internal static UserInputException NotFound(string name, string ns) =>
        new("no cluster named '" + name + "' in namespace " + ns + " (by name, server URL or Secret name); see hubdsl cluster list");
}
