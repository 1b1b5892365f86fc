using HubDsl.Core.Validation;

namespace HubDsl.Core.Tests.Validation;

/// <summary>
/// The single-value rules the analyzers and the CLI share, on their own: label syntax (apimachinery
/// validation.IsQualifiedName / IsValidLabelValue), resource quantities (apimachinery resource.ParseQuantity),
/// portable generated paths and credential shapes.
/// </summary>
public sealed class ValidationRulesTests
{
    [Theory]
    [InlineData("env")]
    [InlineData("app.kubernetes.io/name")]
    [InlineData("a_b.c-d")]
    [InlineData("example.com/Upper_Case")]
    public void Valid_label_keys_have_no_problem(string key) => Assert.Null(LabelRules.KeyProblem(key));

    [Theory]
    [InlineData("/name", "the prefix before '/' is empty")]
    [InlineData("Example.com/name", "the prefix 'Example.com' must be a lowercase DNS subdomain of at most 253 characters")]
    [InlineData("example.com/", "the name part is empty")]
    [InlineData("-env", "the name part '-env' must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'")]
    [InlineData("a/b/c", "the name part 'b/c' must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'")]
    public void Invalid_label_keys_say_what_is_wrong(string key, string problem) => Assert.Equal(problem, LabelRules.KeyProblem(key));

    [Fact]
    public void Label_names_and_values_stop_at_63_characters()
    {
        Assert.Null(LabelRules.KeyProblem(new string('a', 63)));
        Assert.Equal("the name part has 64 characters; at most 63 are allowed", LabelRules.KeyProblem(new string('a', 64)));
        Assert.Null(LabelRules.ValueProblem(new string('v', 63)));
        Assert.Equal("it has 64 characters; at most 63 are allowed", LabelRules.ValueProblem(new string('v', 64)));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("prod", true)]
    [InlineData("v1.2_3-x", true)]
    [InlineData("-prod", false)]
    [InlineData("prod.", false)]
    [InlineData("a b", false)]
    [InlineData("prod\n", false)]
    public void Label_values_follow_apimachinery(string value, bool valid) => Assert.Equal(valid, LabelRules.ValueProblem(value) is null);

    [Theory]
    [InlineData("500m", 0.5)]
    [InlineData("64Mi", 67108864.0)]
    [InlineData("1k", 1000.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData(".5", 0.5)]
    [InlineData("+2Gi", 2147483648.0)]
    public void Quantities_have_their_value_in_base_units(string text, double value)
    {
        Assert.True(Quantity.IsValid(text));
        Assert.Equal(value, Quantity.Value(text)!.Value, 6);
    }

    [Theory]
    [InlineData("64mi", "64Mi")]
    [InlineData("1GI", "1Gi")]
    [InlineData("100 m", "100m")]
    [InlineData("512MiB", "512Mi")]
    [InlineData("lots", null)]
    [InlineData("64Mi", null)]
    public void Near_miss_quantities_get_their_one_fix(string text, string? fix)
    {
        Assert.Equal(fix, Quantity.SuggestFix(text));
        if (fix is not null) Assert.False(Quantity.IsValid(text));
    }

    [Theory]
    [InlineData("apps/prod/app.yaml", null)]
    [InlineData("", "it is empty")]
    [InlineData("apps//app.yaml", "it has an empty folder name")]
    [InlineData("../app.yaml", "'..' leaves its folder")]
    [InlineData("apps/./app.yaml", "'.' names the folder itself")]
    [InlineData("apps/a:b.yaml", "'a:b.yaml' contains ':', which Windows does not allow in names")]
    [InlineData("apps/app.", "'app.' ends with '.', which Windows drops (so it is another name there)")]
    public void Generated_paths_must_be_portable(string path, string? problem) => Assert.Equal(problem, PortablePaths.Problem(path));

    [Fact]
    public void A_path_name_is_limited_in_UTF8_bytes_not_characters()
    {
        Assert.Null(PortablePaths.Problem(new string('a', PortablePaths.MaxNameBytes)));
        // 128 two-byte characters are 256 bytes.
        Assert.Equal("'" + new string('é', 45) + "...' is 256 bytes long; file systems allow at most 255", PortablePaths.Problem(new string('é', 128)));
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIE", "a PEM private key")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "an AWS access key")]
    [InlineData("Bearer abcdefghijklmnopqrstuvwxyz012345", "a bearer token")]
    [InlineData("https://github.com/acme/charts.git", null)]
    [InlineData("AKIA-not-a-key", null)]
    public void Credentials_are_recognised_by_their_shape(string text, string? kind) => Assert.Equal(kind, CredentialPatterns.ShapeOf(text));

    [Theory]
    [InlineData("password", true)]
    [InlineData("apiKey", true)]
    [InlineData("db_token", true)]
    [InlineData("clientSecret", true)]
    [InlineData("passwordSecretName", false)]
    [InlineData("tokenRef", false)]
    [InlineData("monkey", false)]
    public void Member_names_that_hold_a_secret_are_told_from_names_that_point_at_one(string name, bool holdsSecret) =>
        Assert.Equal(holdsSecret, CredentialPatterns.IsSecretName(name));
}
