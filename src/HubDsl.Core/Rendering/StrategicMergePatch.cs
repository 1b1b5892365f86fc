using System.Linq;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The strategic merge patch Argo CD applies for <c>templatePatch</c> (controllers/template/patch.go). The
/// Application spec declares no list merge keys, so: mappings merge recursively, lists and scalars are
/// replaced, an explicit null deletes the key (so an empty <c>spec:</c> clears the spec, issue #17040), and
/// the <c>$patch: replace|delete</c> directives are honoured. <c>metadata.finalizers</c> is a merge list in
/// ObjectMeta (patchStrategy=merge): the patch's finalizers are added to the template's, without duplicates
/// (apimachinery interleaves the order; HubDsl keeps the template's first).
/// </summary>
internal static class StrategicMergePatch
{
    public static YamlMapping Apply(YamlMapping target, YamlMapping patch) => Apply(target, patch, string.Empty);

    private static YamlMapping Apply(YamlMapping target, YamlMapping patch, string path)
    {
        var directive = patch["$patch"]?.AsString();
        if (directive == "replace") return WithoutDirectives(patch);
        var result = (YamlMapping)TemplateWalker.Clone(target);
        foreach (var entry in patch)
        {
            if (entry.Key.StartsWith("$", System.StringComparison.Ordinal)) continue;
            if (entry.Value is YamlScalar { Kind: ScalarKind.Null })
            {
                result.Remove(entry.Key);
            }
            else if (entry.Value is YamlMapping patchMap && patchMap["$patch"]?.AsString() == "delete")
            {
                result.Remove(entry.Key);
            }
            else if (entry.Value is YamlMapping patchChild && result[entry.Key] is YamlMapping targetChild)
            {
                result.Set(entry.Key, Apply(targetChild, patchChild, path + "/" + entry.Key));
            }
            else if (path == "/metadata" && entry.Key == "finalizers" && entry.Value is YamlSequence added && result[entry.Key] is YamlSequence existing)
            {
                var union = (YamlSequence)TemplateWalker.Clone(existing);
                foreach (var item in added)
                {
                    if (!union.Contains(item)) union.Add(TemplateWalker.Clone(item));
                }

                result.Set(entry.Key, union);
            }
            else
            {
                result.Set(entry.Key, entry.Value is YamlMapping m ? WithoutDirectives(m) : TemplateWalker.Clone(entry.Value));
            }
        }

        return result;
    }

    private static YamlMapping WithoutDirectives(YamlMapping mapping)
    {
        var result = new YamlMapping { Origin = mapping.Origin };
        foreach (var entry in mapping)
        {
            // Directives and nulls (deletions of keys that do not exist) leave no trace in new subtrees.
            if (entry.Key.StartsWith("$", System.StringComparison.Ordinal) || entry.Value is YamlScalar { Kind: ScalarKind.Null }) continue;
            result.Set(entry.Key, entry.Value is YamlMapping m ? WithoutDirectives(m) : TemplateWalker.Clone(entry.Value));
        }

        return result;
    }
}
