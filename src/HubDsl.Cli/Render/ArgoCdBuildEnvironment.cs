using System.Text;

namespace HubDsl.Cli.Render;

/// <summary>
/// Argo CD's build environment for one Application (reposerver/repository/repository.go newEnv): the variables
/// its "Build Environment" docs list, and <see cref="Substitute"/>, its <c>Env.Envsubst</c>
/// (pkg/apis/application/v1alpha1/types.go), which Argo CD applies to Helm value file paths, file parameter
/// paths and parameter values only: never to inline values or the release name.
/// </summary>
internal sealed class ArgoCdBuildEnvironment
{
    private readonly Dictionary<string, string> _values;

    /// <summary>The environment of an Application (<paramref name="instanceName"/> is its instance name, <paramref name="revision"/> the resolved commit).</summary>
    public ArgoCdBuildEnvironment(string instanceName, string destinationNamespace, string project, string revision, string repoUrl, string sourcePath, string targetRevision)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ARGOCD_APP_NAME"] = instanceName,
            ["ARGOCD_APP_NAMESPACE"] = destinationNamespace,
            ["ARGOCD_APP_PROJECT_NAME"] = project,
            ["ARGOCD_APP_REVISION"] = revision,
            ["ARGOCD_APP_REVISION_SHORT"] = revision.Length > 7 ? revision[..7] : revision,
            ["ARGOCD_APP_REVISION_SHORT_8"] = revision.Length > 8 ? revision[..8] : revision,
            ["ARGOCD_APP_SOURCE_REPO_URL"] = repoUrl,
            ["ARGOCD_APP_SOURCE_PATH"] = sourcePath,
            ["ARGOCD_APP_SOURCE_TARGET_REVISION"] = targetRevision,
        };
    }

    /// <summary>The variables, by name.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// Go's <c>os.Expand</c> with Argo CD's mapping: <c>$NAME</c> and <c>${NAME}</c> become the variable's value
    /// (empty when it is not one of Argo CD's), <c>$$</c> is a literal <c>$</c>, a <c>$</c> not followed by a name stays,
    /// and bad syntax (<c>${}</c>, an unclosed <c>${</c>) is dropped, as Go does.
    /// </summary>
    public string Substitute(string text)
    {
        if (text.IndexOf('$') < 0) return text;
        var result = new StringBuilder(text.Length);
        var copiedTo = 0;
        for (var j = 0; j < text.Length; j++)
        {
            if (text[j] != '$' || j + 1 >= text.Length) continue;
            result.Append(text, copiedTo, j - copiedTo);
            var (name, width) = ShellName(text, j + 1);
            if (name.Length == 0 && width > 0)
            {
                // invalid syntax: Go eats the characters
            }
            else if (name.Length == 0)
            {
                result.Append('$');
            }
            else
            {
                result.Append(name == "$" ? "$" : _values.TryGetValue(name, out var value) ? value : string.Empty);
            }

            j += width;
            copiedTo = j + 1;
        }

        return result.Append(text, copiedTo, text.Length - copiedTo).ToString();
    }

    // Go's os.getShellName: the name after '$' and how many characters it takes.
    private static (string Name, int Width) ShellName(string text, int start)
    {
        var first = text[start];
        if (first == '{')
        {
            if (text.Length - start > 2 && IsSpecial(text[start + 1]) && text[start + 2] == '}') return (text.Substring(start + 1, 1), 3);
            for (var i = 1; start + i < text.Length; i++)
            {
                if (text[start + i] != '}') continue;
                return i == 1 ? (string.Empty, 2) : (text.Substring(start + 1, i - 1), i + 1);
            }

            return (string.Empty, 1);
        }

        if (IsSpecial(first)) return (first.ToString(), 1);
        var end = start;
        while (end < text.Length && (text[end] == '_' || char.IsAsciiLetterOrDigit(text[end]))) end++;
        return (text[start..end], end - start);
    }

    private static bool IsSpecial(char c) => c is '*' or '#' or '$' or '@' or '!' or '?' or '-' || char.IsAsciiDigit(c);
}
