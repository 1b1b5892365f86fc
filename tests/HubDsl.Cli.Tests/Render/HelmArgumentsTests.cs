using HubDsl.Cli.Render;

namespace HubDsl.Cli.Tests.Render;

/// <summary>The helm template command line, checked against Argo CD's util/helm/cmd.go Cmd.template and its tests.</summary>
public sealed class HelmArgumentsTests
{
    [Fact]
    public void Every_option_is_passed_in_the_order_of_Cmd_template()
    {
        var input = new HelmTemplateInput
        {
            ChartFolder = "/repo/chart",
            ReleaseName = "rel",
            Namespace = "ns",
            KubeVersion = "1.30.0",
            Set = new[] { KeyValuePair.Create("a", "1,2") },
            SetString = new[] { KeyValuePair.Create("b", "x") },
            SetFile = new[] { KeyValuePair.Create("c", "/repo/chart/c.txt") },
            ValueFiles = new[] { "/repo/chart/values.yaml", "/repo/chart/values-prod.yaml" },
            InlineValues = "k: v\n",
            ApiVersions = new[] { "example.com/v1" },
            SkipSchemaValidation = true,
            SkipTests = true,
        };

        Assert.Equal(
            new[]
            {
                "template", ".", "--name-template", "rel", "--namespace", "ns", "--kube-version", "1.30.0",
                "--set", "a=1\\,2", "--set-string", "b=x", "--set-file", "c=/repo/chart/c.txt",
                "--values", "/repo/chart/values.yaml", "--values", "/repo/chart/values-prod.yaml", "--values", "/tmp/inline",
                "--api-versions", "example.com/v1", "--include-crds", "--skip-schema-validation", "--skip-tests",
            },
            input.Arguments("/tmp/inline"));
    }

    [Fact]
    public void SkipCrds_drops_include_crds_and_an_empty_namespace_is_not_passed()
    {
        var input = new HelmTemplateInput { ChartFolder = "/c", ReleaseName = "r", Namespace = string.Empty, SkipCrds = true };
        Assert.Equal(new[] { "template", ".", "--name-template", "r" }, input.Arguments(null));
    }

    // util/helm/helm_test.go TestHelmArgCleaner.
    [Theory]
    [InlineData("val", "val")]
    [InlineData("not, clean", "not\\, clean")]
    [InlineData("a\\,b,c", "a\\,b\\,c")]
    [InlineData("{a,b,c}", "{a,b,c}")]
    [InlineData(",,,,,\\,", "\\,\\,\\,\\,\\,\\,")]
    [InlineData("\\,,\\\\,,", "\\,\\,\\\\,\\,")]
    public void Set_values_are_escaped_as_cleanSetParameters_does(string value, string expected) => Assert.Equal(expected, HelmTemplateInput.EscapeSetValue(value));

    // reposerver/repository/repository_test.go TestGenerateHelmKubeVersion ("1.30.11+IKS" is passed as 1.30.11), k8s ParseGeneric.
    [Theory]
    [InlineData("1.30.11+IKS", "1.30.11")]
    [InlineData("v1.29", "1.29")]
    [InlineData("v1.30.2-eks-1", "1.30.2")]
    public void KubeVersion_is_normalized_as_parseKubeVersion_does(string declared, string passed) => Assert.Equal(passed, HelmSourceResolver.KubeVersion(declared));

    [Theory]
    [InlineData("1")]
    [InlineData("latest")]
    public void A_kube_version_that_is_not_one_is_an_error(string declared) => Assert.Throws<RenderInputException>(() => HelmSourceResolver.KubeVersion(declared));
}
