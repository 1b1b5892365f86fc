using System.CommandLine;
using System.Text.Json.Nodes;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Registration;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Manifests;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary><c>hubdsl cluster set</c>: merge labels into a cluster's Secret (credentials are never touched).</summary>
internal static class ClusterSetCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var name = new Argument<string>("NAME") { Description = "The cluster's name, server URL or Secret name." };
        var labels = ClusterCommand.Repeated("--label", "Add or change a label k=v (repeatable); other labels are kept.");
        var remove = ClusterCommand.Repeated("--remove-label", "Remove a label by key (repeatable).");
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
            var cluster = await hub.FindClusterAsync(wanted, ct) ?? throw ClusterCommand.NotFound(wanted, options.ArgoCdNamespace);
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
}
