using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

// HUB018: an ApplicationSet reaching outside the limits its AppProject declares; Argo CD would refuse the
// Applications ("application destination ... is not permitted in project", "application repo ... is not permitted").
public static partial class FleetValidator
{
    private static void CheckProject(FindingList findings, ApplicationSetModel appSet, List<(FleetModel Fleet, ClusterModel Cluster)> clusters, string? fleetId)
    {
        if (appSet.Project is not { } project) return;
        var declaration = Declaration(appSet.ClassName);
        var templateSpec = YamlTree.Find(appSet.Manifest, "spec", "template", "spec") as YamlMapping;
        var repo = YamlTree.Find(templateSpec ?? new YamlMapping(), "source", "repoURL") as YamlScalar;
        if (project.SourceRepos.Count > 0 && repo is not null && !project.SourceRepos.Any(pattern => Glob(pattern, repo.Value)))
        {
            findings.Add(DiagnosticIds.OutsideProject,
                declaration + ": the source repository '" + repo.Value + "' is not among AppProject '" + project.Name + "' SourceRepos (" + string.Join(", ", project.SourceRepos) + "); Argo CD refuses the Applications. Add it to SourceRepos or use an allowed repository.",
                repo.Origin ?? project.Origin ?? appSet.Origin);
        }

        if (project.Destinations.Count == 0) return;
        var ns = YamlTree.Find(templateSpec ?? new YamlMapping(), "destination", "namespace")?.AsString() ?? string.Empty;
        var outside = AppProjectManifest.Targeted(appSet, clusters.Where(c => c.Fleet.Namespace == appSet.Namespace).Select(c => c.Cluster), fleetId)
            .Where(c => !project.Destinations.Any(d => Glob(d.Key, c.Server) && Glob(d.Value, ns)))
            .Select(c => c.Name)
            .ToList();
        if (outside.Count > 0)
        {
            findings.Add(DiagnosticIds.OutsideProject,
                declaration + ": AppProject '" + project.Name + "' does not allow namespace '" + ns + "' on " + Clusters(outside) + ", which the selector targets; Argo CD refuses those Applications. Add the destinations to the project or narrow the selector.",
                project.Origin ?? appSet.SelectorOrigin ?? appSet.Origin);
        }
    }

    // Argo CD's project patterns: '*' matches any run of characters.
    private static bool Glob(string pattern, string value)
    {
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(value, regex, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
