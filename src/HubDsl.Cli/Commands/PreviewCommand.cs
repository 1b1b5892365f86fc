using System.CommandLine;
using System.Text.Json.Nodes;
using HubDsl.Cli.Input;
using HubDsl.Cli.Output;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl preview</c>: what Argo CD's ApplicationSet controller will generate, rendered offline with the
/// same renderer the analyzers use, for an ApplicationSet YAML file or for the HubDsl project's manifests.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(TextWriter output)
    {
        var appSet = new Option<string?>("--appset") { Description = "A YAML file holding one argoproj.io/v1alpha1 ApplicationSet. Without it, the HubDsl project's generated ApplicationSets are previewed." };
        var clusters = new Option<string[]>("--clusters") { Description = "YAML files or folders with cluster Secrets as stored in the hub (repeatable).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var inCluster = new Option<bool>("--in-cluster") { Description = "Whether the hub's local in-cluster cluster exists (default true, as in a default Argo CD install).", DefaultValueFactory = _ => true, Arity = ArgumentArity.ExactlyOne };
        var showParams = new Option<bool>("--params") { Description = "Show the parameter sets the template is rendered with." };
        var format = new Option<string>("--output", "-o") { Description = "table, yaml or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "yaml", "json");
        var project = new Option<string?>("--project") { Description = "The HubDsl project folder (default: the current folder)." };

        var command = new Command("preview", "Render ApplicationSets offline with Argo CD's exact semantics.") { appSet, clusters, inCluster, showParams, format, project };
        command.SetAction(parse => Run(
            parse.GetValue(appSet), parse.GetValue(clusters) ?? Array.Empty<string>(), parse.GetValue(inCluster), parse.GetValue(showParams),
            parse.GetValue(format)!, parse.GetValue(project), output));
        return command;
    }

    private static int Run(string? appSetFile, string[] clusterPaths, bool inCluster, bool showParams, string format, string? project, TextWriter output)
    {
        var (appSets, secrets) = appSetFile is null ? FromProject(project ?? Directory.GetCurrentDirectory(), clusterPaths) : (new[] { LoadApplicationSet(appSetFile) }, LoadSecrets(clusterPaths));
        var options = new RenderOptions { IncludeInCluster = inCluster };
        var results = appSets.Select(a => ApplicationSetRenderer.Render(a, secrets, options)).ToList();
        var problems = results.Any(r => r.Errors.Count > 0);

        if (showParams)
        {
            var paramSets = results.SelectMany(r => r.ParamSets).Select(p => JsonConvert.FromParam(p)).ToArray();
            if (format == "json") output.WriteLine(JsonLimits.Write(new JsonObject { ["paramSets"] = new JsonArray(paramSets) }, indented: true, "-o json: the parameter sets"));
            else if (format == "yaml") output.Write(string.Join("---\n", paramSets.Select(p => YamlWriter.Write(Runtime.JsonYaml.ToYaml(p)))));
            else WriteParamsTable(results, output);
            return problems ? ExitCodes.Problems : ExitCodes.Success;
        }

        var applications = results.SelectMany(r => r.Applications).ToList();
        var errors = results.SelectMany(r => r.Errors).ToList();
        switch (format)
        {
            case "json":
                var json = new JsonObject
                {
                    ["applications"] = new JsonArray(applications.Select(WritableApplication).ToArray()),
                    ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["reason"] = e.Reason, ["message"] = e.Message }).ToArray()),
                };
                output.WriteLine(JsonLimits.Write(json, indented: true, "-o json: the preview"));
                break;
            case "yaml":
                output.Write(string.Join("---\n", applications.Select(a => YamlWriter.Write(a))));
                foreach (var e in errors) output.WriteLine("# error " + e.Reason + ": " + e.Message.Replace("\n", " "));
                break;
            default:
                WriteTable(applications, errors, secrets, output);
                break;
        }

        return problems ? ExitCodes.Problems : ExitCodes.Success;
    }

    // An Application as JSON, refused by name (before anything is written) when it nests deeper than the
    // JSON output holds inside its {"applications": [...]} envelope.
    private static JsonNode? WritableApplication(YamlMapping application)
    {
        var node = JsonConvert.From(application);
        var depth = JsonLimits.Depth(node);
        var allowed = JsonLimits.MaxDepth - JsonLimits.EnvelopeDepth;
        if (depth > allowed)
        {
            var name = (application["metadata"] as YamlMapping)?["name"]?.AsString() ?? "(unnamed)";
            throw new UserInputException("-o json: Application '" + name + "' nests " + depth + " levels deep; JSON output holds Applications up to " + allowed + " levels (use -o yaml)");
        }

        return node;
    }

    private static YamlMapping LoadApplicationSet(string file)
    {
        var objects = Read("--appset", file);
        var appSets = objects.Where(o => ManifestFiles.IsKind(o, "argoproj.io/v1alpha1", "ApplicationSet")).ToList();
        if (appSets.Count == 1) return appSets[0];
        if (appSets.Count > 1) throw new UserInputException("--appset: '" + file + "' holds " + appSets.Count + " ApplicationSets; give one per file.");
        if (objects.Count == 0)
        {
            var empty = File.ReadAllText(file).Trim().Length == 0;
            throw new UserInputException("--appset: '" + file + "' " + (empty ? "is empty" : "holds no Kubernetes object (no YAML mapping with apiVersion and kind)") + "; give a file with one argoproj.io/v1alpha1 ApplicationSet.");
        }

        var kinds = objects.Select(o => (o["apiVersion"]?.AsString() ?? "?") + " " + (o["kind"]?.AsString() ?? "?")).ToList();
        throw new UserInputException("--appset: '" + file + "' holds no argoproj.io/v1alpha1 ApplicationSet (found " + string.Join(", ", kinds) + ").");
    }

    // Each --clusters path must contribute: a path with no Secret in it is a mistake, not an empty fleet.
    private static List<YamlMapping> LoadSecrets(IEnumerable<string> paths)
    {
        var secrets = new List<YamlMapping>();
        foreach (var path in paths)
        {
            var files = Expand("--clusters", path).ToList();
            var found = files.SelectMany(f => Read("--clusters", f)).Where(o => ManifestFiles.IsKind(o, "v1", "Secret")).ToList();
            if (found.Count == 0)
            {
                var what = Directory.Exists(path) ? "holds no v1 Secret (" + files.Count + " YAML file(s) under it)"
                    : File.ReadAllText(path).Trim().Length == 0 ? "is empty" : "holds no v1 Secret";
                throw new UserInputException("--clusters: '" + path + "' " + what + "; give the cluster Secrets as stored in the hub.");
            }

            secrets.AddRange(found);
        }

        return secrets;
    }

    // A problem with a file given on the command line names the option it came from.
    private static IReadOnlyList<YamlMapping> Read(string option, string file)
    {
        try
        {
            return ManifestFiles.Read(file);
        }
        catch (UserInputException e)
        {
            throw new UserInputException(option + ": " + e.Message);
        }
    }

    private static IReadOnlyList<string> Expand(string option, string path)
    {
        try
        {
            return ManifestFiles.Expand(path).ToList();
        }
        catch (UserInputException e)
        {
            throw new UserInputException(option + ": " + e.Message);
        }
    }

    // The project's own generated manifests: exactly the ApplicationSets and cluster Secrets its build recorded
    // (.hubdsl/<Project>.files), each checked against the record; a broken one is an error, never skipped.
    private static (IReadOnlyList<YamlMapping>, List<YamlMapping>) FromProject(string folder, string[] extraClusters)
    {
        if (!Directory.Exists(folder)) throw new UserInputException("--project: '" + folder + "' " + (File.Exists(folder) ? "is a file, not a project folder (for one ApplicationSet file use --appset)" : "does not exist"));
        var objects = Runtime.ProjectManifests.GeneratedHubFiles(folder).SelectMany(f => ManifestFiles.Parse(f.Text, f.FullPath)).ToList();
        var appSets = objects.Where(o => ManifestFiles.IsKind(o, "argoproj.io/v1alpha1", "ApplicationSet")).ToList();
        if (appSets.Count == 0) throw new UserInputException("the project in '" + folder + "' generates no ApplicationSet; declare one, or pass --appset FILE");
        var secrets = objects.Where(o => ManifestFiles.IsKind(o, "v1", "Secret")).Concat(LoadSecrets(extraClusters)).ToList();
        return (appSets, secrets);
    }

    private static void WriteTable(IReadOnlyList<YamlMapping> applications, IReadOnlyList<RenderError> errors, IReadOnlyList<YamlMapping> secrets, TextWriter output)
    {
        var console = Console(output);
        var clusterNames = new Dictionary<string, string>(StringComparer.Ordinal) { [ClusterInfo.InClusterServer] = ClusterInfo.InClusterName };
        var shards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            if (!ClusterSecretParser.TryParse(secret, out var info, out _)) continue;
            clusterNames[info.NormalizedServer] = info.Name;
            if (info.Shard is not null)
            {
                shards[info.NormalizedServer] = info.Shard;
                shards[info.Name] = info.Shard;
            }
        }

        // SHARD: the application controller shard the cluster's Secret names (empty: Argo CD's own distribution).
        var table = new Table().Border(TableBorder.Simple).AddColumns("NAME", "CLUSTER", "SHARD", "NAMESPACE", "PROJECT", "VALUE FILES");
        foreach (var app in applications)
        {
            var spec = app["spec"] as YamlMapping;
            var destination = spec?["destination"] as YamlMapping;
            var server = destination?["server"]?.AsString();
            var cluster = destination?["name"]?.AsString() ?? (server is not null && clusterNames.TryGetValue(server.TrimEnd('/'), out var n) ? n : server ?? string.Empty);
            var files = (((spec?["source"] as YamlMapping)?["helm"] as YamlMapping)?["valueFiles"] as YamlSequence)?.Select(f => f.AsString() ?? string.Empty) ?? Array.Empty<string>();
            var shard = server is not null && shards.TryGetValue(server.TrimEnd('/'), out var s) ? s : destination?["name"]?.AsString() is { } byName && shards.TryGetValue(byName, out var t) ? t : string.Empty;
            table.AddRow(Markup.Escape((app["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty), Markup.Escape(cluster), Markup.Escape(shard),
                Markup.Escape(destination?["namespace"]?.AsString() ?? string.Empty), Markup.Escape(spec?["project"]?.AsString() ?? string.Empty), Markup.Escape(string.Join(", ", files)));
        }

        console.Write(table);
        foreach (var e in errors) console.MarkupLine("[red]error[/] " + Markup.Escape(e.Reason + ": " + e.Message));
        console.WriteLine(applications.Count + " application(s), " + errors.Count + " error(s)");
    }

    private static void WriteParamsTable(IReadOnlyList<RenderResult> results, TextWriter output)
    {
        var console = Console(output);
        var index = 0;
        foreach (var set in results.SelectMany(r => r.ParamSets))
        {
            var table = new Table().Border(TableBorder.Simple).Title("parameter set " + ++index).AddColumns("KEY", "VALUE");
            foreach (var pair in Flatten(JsonConvert.FromParam(set), string.Empty)) table.AddRow(Markup.Escape(pair.Key), Markup.Escape(pair.Value));
            console.Write(table);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Flatten(JsonNode? node, string prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var pair in obj)
            {
                foreach (var inner in Flatten(pair.Value, prefix.Length == 0 ? pair.Key : prefix + "." + pair.Key)) yield return inner;
            }
        }
        else
        {
            yield return KeyValuePair.Create(prefix, node?.ToJsonString(JsonLimits.Compact) ?? "null");
        }
    }

    // The process's standard output is a terminal unless redirected; any other writer is plain text.
    private static IAnsiConsole Console(TextWriter output) =>
        RuntimeConsole.Ansi(output, output == System.Console.Out && !System.Console.IsOutputRedirected);
}
