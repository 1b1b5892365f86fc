using System;
using System.Collections.Generic;
using HubDsl.Core.Rendering.Git;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The Git generator (applicationset/generators/git.go, Argo CD v3.5.1), answered by
/// <see cref="RenderOptions.GitRepositories"/> instead of the repo-server. The AppProject is looked up first
/// when the template's project is not templated; <c>directories</c> win over <c>files</c>. Directories: every
/// directory of the revision, in walk order, kept when some include item <c>path.Match</c>es it and no
/// exclude item does. Files: the union of the include patterns' files minus the exclude patterns' files, in
/// byte order, each file's objects in order. Every set gets <c>path</c> params (with <c>pathParamPrefix</c>)
/// and the generator's <c>values</c>.
/// </summary>
internal static class GitGenerator
{
    private const string Prefix = "error generating params from git: ";

    public static List<Dictionary<string, object?>> Generate(RenderContext context, YamlMapping spec, string path)
    {
        var repoUrl = spec["repoURL"]?.AsString() ?? string.Empty;
        var revision = spec["revision"]?.AsString() ?? string.Empty;
        var pathParamPrefix = spec["pathParamPrefix"]?.AsString() ?? string.Empty;
        var values = TemplatedValues.Read(spec["values"] as YamlMapping);
        var directories = Items(spec["directories"]);
        var files = Items(spec["files"]);

        // git.go: the project is read before anything else (for signature verification) unless it is templated.
        var project = ((context.ApplicationSetTemplate?["spec"] as YamlMapping)?["project"]?.AsString()) ?? string.Empty;
        if (project.IndexOf("{{", StringComparison.Ordinal) < 0 && context.Options.Projects is { } projects && !Contains(projects, project))
        {
            throw new GeneratorFailure("error getting project " + project + ": appprojects.argoproj.io \"" + project + "\" not found");
        }

        if (directories.Count == 0 && files.Count == 0) throw new GeneratorFailure("ApplicationSet is empty");
        var service = context.Options.GitRepositories
            ?? throw new GeneratorFailure(path + ": HubDsl was given no local repositories, so it cannot read " + Quote(repoUrl) + " offline (RenderOptions.GitRepositories)", RenderErrorReasons.OfflineUnsupported);

        return directories.Count > 0
            ? FromDirectories(context, service, repoUrl, revision, directories, pathParamPrefix, values, path)
            : FromFiles(context, service, repoUrl, revision, files, pathParamPrefix, values, path);
    }

    private static List<Dictionary<string, object?>> FromDirectories(RenderContext context, IGitRepoService service, string repoUrl, string revision, List<(string Path, bool Exclude)> items, string pathParamPrefix, List<KeyValuePair<string, YamlScalar>> values, string path)
    {
        IReadOnlyList<string> all;
        try
        {
            all = service.GetDirectories(repoUrl, revision);
        }
        catch (GitRepositoryException e)
        {
            throw Failure(e, path, Prefix + "error getting directories from repo: ");
        }

        // filterApps: exclude wins over include whatever the order; a malformed pattern is skipped (Argo CD logs it).
        var kept = new List<string>();
        foreach (var appPath in all)
        {
            bool include = false, exclude = false;
            foreach (var item in items)
            {
                if (!GoPathMatch.Match(item.Path, appPath, out _)) continue;
                if (item.Exclude) exclude = true;
                else include = true;
            }

            if (include && !exclude) kept.Add(appPath);
        }

        if (all is GitDirectoryListing { Submodules.Count: > 0 } listing) CheckSubmodules(listing, items, repoUrl, path);

        var result = new List<Dictionary<string, object?>>();
        foreach (var app in kept)
        {
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (context.GoTemplate)
            {
                var pathParams = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["path"] = app,
                    ["basename"] = GoPath.Base(app),
                    ["basenameNormalized"] = ArgoNames.Normalize(GoPath.Base(app)),
                    ["segments"] = app.Split('/'),
                };
                if (pathParamPrefix.Length > 0) parameters[pathParamPrefix] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["path"] = pathParams };
                else parameters["path"] = pathParams;
            }
            else
            {
                var name = pathParamPrefix.Length > 0 ? pathParamPrefix + ".path" : "path";
                parameters[name] = app;
                parameters[name + ".basename"] = GoPath.Base(app);
                parameters[name + ".basenameNormalized"] = ArgoNames.Normalize(GoPath.Base(app));
                GitFileParameters.AddSegments(parameters, name, app);
            }

            TemplatedValues.Append(context, values, parameters, app, path, Prefix + "error generating params from apps: failed to append templated values: ");
            result.Add(parameters);
        }

        return result;
    }

    private static List<Dictionary<string, object?>> FromFiles(RenderContext context, IGitRepoService service, string repoUrl, string revision, List<(string Path, bool Exclude)> items, string pathParamPrefix, List<KeyValuePair<string, YamlScalar>> values, string path)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            foreach (var item in items)
            {
                if (!item.Exclude)
                {
                    foreach (var file in service.GetFiles(repoUrl, revision, item.Path)) contents[file.Key] = file.Value;
                }
            }

            foreach (var item in items)
            {
                if (item.Exclude)
                {
                    foreach (var file in service.GetFiles(repoUrl, revision, item.Path)) contents.Remove(file.Key);
                }
            }
        }
        catch (GitRepositoryException e)
        {
            // GetFiles errors reach the condition without a wrapper of the generator's own.
            throw Failure(e, path, Prefix);
        }

        var filePaths = new List<string>(contents.Keys);
        filePaths.Sort(GitPaths.ByteOrder);
        var result = new List<Dictionary<string, object?>>();
        foreach (var filePath in filePaths)
        {
            var where = "unable to process file '" + filePath + "' from repository '" + repoUrl + "': ";
            List<Dictionary<string, object?>> objects;
            try
            {
                objects = GitFileParameters.Parse(contents[filePath]);
            }
            catch (GeneratorFailure e)
            {
                throw e.Wrap(Prefix + where);
            }

            for (var i = 0; i < objects.Count; i++)
            {
                var parameters = GitFileParameters.ParameterSet(objects[i], filePath, pathParamPrefix, context.GoTemplate);
                var description = objects.Count == 1 ? filePath : filePath + " item " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                TemplatedValues.Append(context, values, parameters, description, path, Prefix + where + "failed to append templated values: ");
                result.Add(parameters);
                RenderLimitFailure.CheckParameterSets(context, result.Count, path);
            }
        }

        return result;
    }

    // Argo CD checks submodules out; HubDsl does not read them, so a pattern that can reach inside one is unknowable.
    private static void CheckSubmodules(GitDirectoryListing listing, List<(string Path, bool Exclude)> items, string repoUrl, string path)
    {
        foreach (var submodule in listing.Submodules)
        {
            foreach (var item in items)
            {
                if (!item.Exclude && MayMatchBelow(item.Path, submodule))
                {
                    throw new GeneratorFailure(path + ": the directory pattern '" + item.Path + "' may match directories inside the submodule '" + submodule + "' of " + Quote(repoUrl) +
                        "; Argo CD checks submodules out, HubDsl does not read them", RenderErrorReasons.OfflineUnsupported);
                }
            }
        }
    }

    // path.Match never lets a wildcard cross '/', so a pattern reaches below a folder only with more segments
    // whose leading ones match the folder's.
    private static bool MayMatchBelow(string pattern, string folder)
    {
        var patternSegments = pattern.Split('/');
        var folderSegments = folder.Split('/');
        if (patternSegments.Length <= folderSegments.Length) return false;
        for (var i = 0; i < folderSegments.Length; i++)
        {
            if (!GoPathMatch.Match(patternSegments[i], folderSegments[i], out _)) return false;
        }

        return true;
    }

    private static GeneratorFailure Failure(GitRepositoryException e, string path, string argoPrefix) =>
        e.Reason == RenderErrorReasons.ApplicationGenerationFromParamsError
            ? new GeneratorFailure(argoPrefix + e.Message)
            : new GeneratorFailure(path + ": " + e.Message, e.Reason);

    // The directories or files items: each a mapping with path and exclude (non-mappings are skipped).
    private static List<(string Path, bool Exclude)> Items(YamlNode? node)
    {
        var items = new List<(string, bool)>();
        if (node is not YamlSequence sequence) return items;
        foreach (var item in sequence)
        {
            if (item is not YamlMapping mapping) continue;
            items.Add((mapping["path"]?.AsString() ?? string.Empty, mapping["exclude"] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" }));
        }

        return items;
    }

    private static bool Contains(IReadOnlyCollection<string> projects, string project)
    {
        foreach (var p in projects)
        {
            if (string.Equals(p, project, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static string Quote(string repoUrl) => "'" + repoUrl + "'";
}
