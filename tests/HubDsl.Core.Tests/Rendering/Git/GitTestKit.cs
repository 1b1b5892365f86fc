using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// Argo CD's generator tests mock the repo service (applicationset/services/mocks Repos): this is that mock,
/// plus builders for ApplicationSets with one Git generator and a canonical JSON view of parameter sets.
/// </summary>
internal sealed class MockRepos : IGitRepoService
{
    public List<string> Directories { get; init; } = new();

    /// <summary>The files GetFiles returns for a pattern; <see cref="AnyPattern"/> for patterns not listed.</summary>
    public Dictionary<string, Dictionary<string, string>> FilesByPattern { get; init; } = new();

    public Dictionary<string, string>? AnyPattern { get; init; }

    public string? Error { get; init; }

    public int DirectoryCalls { get; private set; }

    public List<string> FileCalls { get; } = new();

    public IReadOnlyList<string> GetDirectories(string repoUrl, string revision)
    {
        DirectoryCalls++;
        if (Error is not null) throw new GitRepositoryException(RenderErrorReasons.ApplicationGenerationFromParamsError, Error);
        return Directories;
    }

    public IReadOnlyDictionary<string, byte[]> GetFiles(string repoUrl, string revision, string pattern)
    {
        FileCalls.Add(pattern);
        if (Error is not null) throw new GitRepositoryException(RenderErrorReasons.ApplicationGenerationFromParamsError, Error);
        var files = FilesByPattern.TryGetValue(pattern, out var f) ? f : AnyPattern ?? new Dictionary<string, string>();
        return files.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value));
    }
}

internal static class GitTestKit
{
    /// <summary>An ApplicationSet named "set" with one Git generator (repoURL "RepoURL", revision "Revision", as in git_test.go).</summary>
    public static string AppSet(string generatorBody, bool goTemplate = false, string project = "default", string repoUrl = "RepoURL", string revision = "Revision", string name = "app") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: set
          namespace: argocd
        spec:
          goTemplate: {{(goTemplate ? "true" : "false")}}
          generators:
            - git:
                repoURL: {{YamlQuoting.Inline(repoUrl)}}
                revision: {{YamlQuoting.Inline(revision)}}
        {{Indent(generatorBody, 8)}}
          template:
            metadata:
              name: {{YamlQuoting.Inline(name)}}
            spec:
              project: {{YamlQuoting.Inline(project)}}
              destination: {server: https://kubernetes.default.svc, namespace: default}
        """;

    public static RenderResult Render(string appSet, IGitRepoService? repos, RenderOptions? options = null)
    {
        options ??= new RenderOptions();
        options.GitRepositories = repos;
        return ApplicationSetRenderer.Render((YamlMapping)YamlReader.Parse(appSet, "appset.yaml"), Array.Empty<YamlMapping>(), options);
    }

    /// <summary>The generator errors (Argo CD's ApplicationGenerationFromParamsError, or HubDsl's OfflineUnsupported).</summary>
    public static List<RenderError> GeneratorErrors(RenderResult result) =>
        result.Errors.Where(e => e.Reason is RenderErrorReasons.ApplicationGenerationFromParamsError or RenderErrorReasons.OfflineUnsupported or RenderErrorReasons.RenderLimitExceeded).ToList();

    /// <summary>The parameter sets as canonical JSON (keys sorted, numbers as float64), one string per set.</summary>
    public static List<string> Sets(RenderResult result) => result.ParamSets.Select(Canonical).ToList();

    /// <summary>Expected sets written as JSON, in the same canonical form.</summary>
    public static List<string> Expected(params string[] json) => json.Select(j => Canonical(JsonNode.Parse(j))).ToList();

    public static string Canonical(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: sb.Append(JsonSerializer.Serialize(s)); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case long l: sb.Append(((double)l).ToString("R", CultureInfo.InvariantCulture)); break;
            case IReadOnlyDictionary<string, string> sm: WriteObject(sb, sm.ToDictionary(p => p.Key, p => (object?)p.Value)); break;
            case IReadOnlyDictionary<string, object?> m: WriteObject(sb, m); break;
            case JsonObject o: WriteObject(sb, o.ToDictionary(p => p.Key, p => (object?)p.Value)); break;
            case JsonArray a: WriteArray(sb, a.Select(x => (object?)x)); break;
            case JsonValue v when v.TryGetValue<string>(out var js): Write(sb, js); break;
            case JsonValue v when v.TryGetValue<bool>(out var jb): Write(sb, jb); break;
            case JsonValue v: Write(sb, v.GetValue<double>()); break;
            case IEnumerable<object?> list: WriteArray(sb, list); break;
            default: throw new InvalidOperationException("unexpected " + value.GetType());
        }
    }

    private static void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> map)
    {
        sb.Append('{');
        var first = true;
        foreach (var entry in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(JsonSerializer.Serialize(entry.Key)).Append(':');
            Write(sb, entry.Value);
        }

        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, IEnumerable<object?> items)
    {
        sb.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first) sb.Append(',');
            first = false;
            Write(sb, item);
        }

        sb.Append(']');
    }

    private static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join("\n", text.Trim('\n').Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }
}
