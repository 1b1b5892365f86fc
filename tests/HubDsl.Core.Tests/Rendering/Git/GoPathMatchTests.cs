using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.Git.GitTestKit;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// The directory filter is Go's path.Match (applicationset/generators/git.go filterApps). The table rows are
/// results of Go 1.19.8's path.Match itself (a generated sample of 20,000 pattern/name pairs agreed entirely;
/// these are a spread of matches, misses and malformed patterns); a malformed pattern's item is skipped.
/// </summary>
public sealed class GoPathMatchTests
{
    [Theory]
    [InlineData("?**", "b", true)]
    [InlineData("[é-ü]", "ü", true)]
    [InlineData("[é-ü]", "é", true)]
    [InlineData("[^a]*", "!b", true)]
    [InlineData("[a-c]**", "c-", true)]
    [InlineData("[^a]", "-", true)]
    [InlineData("***[a-c][^a]", "ab]", true)]
    [InlineData("*[a-c]", "-aa", true)]
    [InlineData("**[^a]", ".!", true)]
    [InlineData("*.[^a]", ".ü", true)]
    [InlineData("/[^a]c", "/]c", true)]
    [InlineData("*[^a][\\]]", "ü]", true)]
    [InlineData("[^a]ab", "-ab", true)]
    [InlineData("[a-c]**", "ccc", true)]
    [InlineData("[!a]", "a", true)]
    [InlineData("[\\]]", "]", true)]
    [InlineData("**?", "*", true)]
    [InlineData("*[a-c]", "ab", true)]
    [InlineData("éé-/", "aé!", false)]
    [InlineData("c[!a]", ".-", false)]
    [InlineData("éa--", "aaü", false)]
    [InlineData("c[a-c].[!a]", "cb", false)]
    [InlineData("*[!a][a-c]", "ab-", false)]
    [InlineData("[**[-a]]", "!abaa", false)]
    [InlineData("c", "!", false)]
    [InlineData("\\*[!a]", "ab-/", false)]
    [InlineData("[é-ü]a-", ".aab/", false)]
    [InlineData("^*", "é", false)]
    [InlineData("bc", "-a/aü", false)]
    [InlineData("b", "aa*", false)]
    [InlineData(".\\*?]", "é", false)]
    [InlineData("[.[é-ü][\\]]", "ü", false)]
    [InlineData("^-\\*[]a]", "abc", null)]
    [InlineData("[a-][!a]]", "éé", null)]
    [InlineData("[-a]/é", "c**", null)]
    [InlineData("*[a-]^", "ü", null)]
    [InlineData("?a[é-ü][]a]", "!", null)]
    [InlineData("[-a][-a]a", "é.!", null)]
    [InlineData("[!a]é\\", "b", null)]
    [InlineData("[[b", "-é", null)]
    [InlineData("[]a][a-].]", "aaaaaa", null)]
    [InlineData("[-a]", "", null)]
    [InlineData("*", "a/b", false)]
    [InlineData("**", "a/b", false)]
    [InlineData("*/*", "a/b", true)]
    [InlineData("a/**/b", "a/b", false)]
    [InlineData("/d/*", "d/e", false)]
    [InlineData("d/[!f]", "d/!", true)]
    [InlineData("*guestbook*", "helm-guestbook", true)]
    [InlineData("A", "a", false)]
    [InlineData("x/[", "x/y", null)]
    public void Directory_patterns_match_as_Go_path_Match(string pattern, string name, bool? expected)
    {
        // One directory per row; a malformed pattern (expected null) is skipped, so nothing is kept.
        var repos = new MockRepos { Directories = new() { name } };
        var result = Render(AppSet("directories: [{path: " + HubDsl.Core.Yaml.YamlQuoting.Inline(pattern) + "}]"), repos);
        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(expected == true ? 1 : 0, result.ParamSets.Count);
    }
}
