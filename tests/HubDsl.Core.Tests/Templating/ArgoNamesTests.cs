using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>normalize is applicationset/utils/template_functions.go SanitizeName (cases as in cluster_test.go
/// TestSanitizeClusterName and TestGenerateParams), slugify is utils.go SlugifyName (utils_test.go TestSlugify); the
/// oracle cases cover the same functions through templates.</summary>
public class ArgoNamesTests
{
    [Theory]
    [InlineData("production_01/west", "production-01-west")]
    [InlineData("-.--CLUSTER/name  -./.-", "cluster-name")]
    [InlineData("My Cluster", "my-cluster")]
    [InlineData("arn:aws:eks:us-east-1:123:cluster/prod", "arn-aws-eks-us-east-1-123-cluster-prod")]
    [InlineData("https://1.2.3.4:6443", "https---1.2.3.4-6443")]
    [InlineData("a..b", "a..b")]
    [InlineData("___", "")]
    [InlineData("in-cluster", "in-cluster")]
    public void Normalize_matches_argo_cds_SanitizeName(string input, string expected) => Assert.Equal(expected, ArgoNames.Normalize(input));

    [Fact]
    public void Normalize_cuts_at_253_before_trimming()
    {
        string input = new string('a', 252) + "-b";
        Assert.Equal(new string('a', 252), ArgoNames.Normalize(input));
    }

    [Fact]
    public void Slugify_truncates_long_branch_names_at_a_word_boundary()
    {
        const string branch = "feat/a-really-long-pull-request-name-to-test-argo-slugification-and-branch-name-shortening-feature";
        Assert.Equal("feat-a-really-long-pull-request-name-to-test-argo", ArgoNames.Slugify(branch));
    }

    [Theory]
    [InlineData("Hello World.Foo bar", 50, true, "hello-world-foo-bar")]
    [InlineData("Hello World.Foo bar", 10, true, "hello")]
    [InlineData("Hello World.Foo bar", 10, false, "hello-worl")]
    [InlineData("abcdef", 3, true, "abc")]
    [InlineData("a-b", 0, true, "a-b")]
    [InlineData("a...b.c", 5, false, "a-b")]
    public void Slugify_matches_go(string input, int max, bool smart, string expected) =>
        Assert.Equal(expected, ArgoNames.Slugify(input, max, smart));

    [Fact]
    public void Slugify_with_negative_length_and_no_smart_truncation_is_rejected_like_gos_panic()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArgoNames.Slugify("abc", -1, false));
    }
}
