using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

// HUB016: RollingSync steps against the Applications the template generates, with Argo CD's step selection
// (applicationset/controllers buildAppDependencyList): every expression must hold; a missing label fails In
// and passes NotIn; an Application matched by several steps belongs to the first; one matched by none never syncs.
public static partial class FleetValidator
{
    private static void CheckRollingSync(FindingList findings, Model.ApplicationSetModel appSet, List<(YamlMapping Application, string Cluster)> applications)
    {
        if (YamlTree.Find(appSet.Manifest, "spec", "strategy", "rollingSync", "steps") is not YamlSequence steps || steps.Count == 0) return;
        var declaration = Declaration(appSet.ClassName);
        var covered = new HashSet<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            var matched = applications.Where(a => StepSelects(steps[i], Labels(a.Application))).Select(a => a.Cluster).ToList();
            foreach (var cluster in matched) covered.Add(cluster);
            if (matched.Count == 0)
            {
                findings.AddAbsence(DiagnosticIds.RollingSyncCoverage,
                    declaration + ": RollingSync step " + (i + 1) + " selects none of the generated Applications; the rollout skips it. Check its expressions against the template's Labels.",
                    steps[i].Origin ?? steps.Origin ?? appSet.Origin);
            }
        }

        var uncovered = applications.Where(a => !covered.Contains(a.Cluster)).Select(a => a.Cluster).ToList();
        if (uncovered.Count > 0)
        {
            findings.Add(DiagnosticIds.RollingSyncCoverage,
                declaration + ": no RollingSync step selects the Application for " + Clusters(uncovered) + ", so the rollout never syncs it (RollingSync also turns automated sync off). Add a step, or a template label the steps match.",
                steps.Origin ?? appSet.Origin);
        }
    }

    private static bool StepSelects(YamlNode step, IReadOnlyDictionary<string, string> labels)
    {
        if (YamlTree.Find(step, "matchExpressions") is not YamlSequence expressions) return true;
        foreach (var expression in expressions.OfType<YamlMapping>())
        {
            var key = expression["key"]?.AsString() ?? string.Empty;
            var op = expression["operator"]?.AsString();
            var values = (expression["values"] as YamlSequence)?.Select(v => v.AsString()).ToList() ?? new List<string?>();
            if (labels.TryGetValue(key, out var value))
            {
                var contains = values.Contains(value);
                if (op == "In" ? !contains : op == "NotIn" ? contains : true) return false;
            }
            else if (op != "NotIn")
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyDictionary<string, string> Labels(YamlMapping application)
    {
        var labels = new Dictionary<string, string>(System.StringComparer.Ordinal);
        if (YamlTree.Find(application, "metadata", "labels") is YamlMapping mapping)
        {
            foreach (var entry in mapping)
            {
                if (entry.Value.AsString() is { } text) labels[entry.Key] = text;
            }
        }

        return labels;
    }
}
