using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

// HUB010, HUB011, HUB013 in Helm values.
public static partial class FleetValidator
{
    private static void CheckValues(FindingList findings, ApplicationSetModel appSet, ValuesModel values)
    {
        var declaration = Declaration(appSet.ClassName, values.MemberName);
        Walk(findings, declaration, values.Values, string.Empty);
    }

    private static void Walk(FindingList findings, string declaration, YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMapping mapping:
                if (IsResourcesMap(path)) CheckResources(findings, declaration, mapping, path);
                foreach (var entry in mapping)
                {
                    var childPath = path.Length == 0 ? entry.Key : path + "." + entry.Key;
                    if (entry.Value is YamlScalar { Kind: ScalarKind.String } secret && secret.Value.Length > 0 && CredentialPatterns.IsSecretName(entry.Key))
                    {
                        findings.Add(DiagnosticIds.CredentialLiteral,
                            declaration + ": '" + childPath + "' holds a password-like value as text. " + SecretFix + " Put the name of the Kubernetes Secret in the values instead.",
                            secret.Origin);
                    }

                    Walk(findings, declaration, entry.Value, childPath);
                }

                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Count; i++) Walk(findings, declaration, sequence[i], path + "[" + i + "]");
                break;
            case YamlScalar { Kind: ScalarKind.String } scalar when CredentialPatterns.ShapeOf(scalar.Value) is { } kind:
                findings.Add(DiagnosticIds.CredentialLiteral, declaration + ": '" + path + "' holds " + kind + ". " + SecretFix, scalar.Origin);
                break;
        }
    }

    // A container's resources: a "resources" map holding "requests" and/or "limits".
    private static bool IsResourcesMap(string path) => path == "resources" || path.EndsWith(".resources", System.StringComparison.Ordinal);

    private static void CheckResources(FindingList findings, string declaration, YamlMapping resources, string path)
    {
        var requests = resources["requests"] as YamlMapping;
        var limits = resources["limits"] as YamlMapping;
        foreach (var (kind, list) in new[] { ("requests", requests), ("limits", limits) })
        {
            if (list is null) continue;
            foreach (var entry in list)
            {
                if (entry.Value is not YamlScalar scalar || scalar.Kind == ScalarKind.Null) continue;
                if (scalar.Kind is ScalarKind.Int or ScalarKind.Float) continue;
                if (Quantity.IsValid(scalar.Value)) continue;
                var fix = Quantity.SuggestFix(scalar.Value);
                findings.Add(new Finding(DiagnosticIds.InvalidQuantity,
                    declaration + ": " + path + "." + kind + "." + entry.Key + " = '" + scalar.Value + "' is not a Kubernetes quantity" +
                    (fix is null ? " (a number with an optional suffix such as m, Mi, Gi, k, M, G, with no spaces)." : "; did you mean '" + fix + "'?"),
                    scalar.Origin)
                {
                    Properties = fix is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["fix"] = fix },
                });
            }
        }

        if (requests is null || limits is null) return;
        foreach (var entry in requests)
        {
            if (limits[entry.Key] is not YamlScalar limit || entry.Value is not YamlScalar request) continue;
            var requested = Quantity.Value(request.Value);
            var limited = Quantity.Value(limit.Value);
            if (requested is null || limited is null || requested <= limited) continue;
            findings.Add(DiagnosticIds.RequestExceedsLimit,
                declaration + ": " + path + ".requests." + entry.Key + " (" + request.Value + ") is more than the limit (" + limit.Value + "); Kubernetes rejects the Pod. Lower the request or raise the limit.",
                request.Origin ?? limit.Origin);
        }
    }

}
