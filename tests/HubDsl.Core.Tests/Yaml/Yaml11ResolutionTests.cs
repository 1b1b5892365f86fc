using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Yaml;

/// <summary>
/// YamlResolution.Yaml11 reads plain scalars and keys as kubectl and Argo CD do: sigs.k8s.io/yaml v1.6.0 over go-yaml v2
/// (resolve.go resolve, and yaml.go convertToJSONableObject for keys). The expected values were checked against those
/// libraries by running them (Go 1.19, go-yaml v2.4.3, sigs.k8s.io/yaml v1.6.0).
/// </summary>
public sealed class Yaml11ResolutionTests
{
    [Theory]
    [InlineData("y", "Bool", "true")]
    [InlineData("Y", "Bool", "true")]
    [InlineData("yes", "Bool", "true")]
    [InlineData("Yes", "Bool", "true")]
    [InlineData("YES", "Bool", "true")]
    [InlineData("on", "Bool", "true")]
    [InlineData("On", "Bool", "true")]
    [InlineData("ON", "Bool", "true")]
    [InlineData("True", "Bool", "true")]
    [InlineData("n", "Bool", "false")]
    [InlineData("N", "Bool", "false")]
    [InlineData("no", "Bool", "false")]
    [InlineData("No", "Bool", "false")]
    [InlineData("off", "Bool", "false")]
    [InlineData("OFF", "Bool", "false")]
    [InlineData("FALSE", "Bool", "false")]
    [InlineData("tRUE", "String", "tRUE")]
    [InlineData("yEs", "String", "yEs")]
    [InlineData("~", "Null", "null")]
    [InlineData("Null", "Null", "null")]
    [InlineData("010", "Int", "8")]
    [InlineData("0777", "Int", "511")]
    [InlineData("00", "Int", "0")]
    [InlineData("0o10", "Int", "8")]
    [InlineData("0x1F", "Int", "31")]
    [InlineData("+0x1F", "Int", "31")]
    [InlineData("0b101", "Int", "5")]
    [InlineData("-0b11", "Int", "-3")]
    [InlineData("1_000", "Int", "1000")]
    [InlineData("1__0", "Int", "10")]
    [InlineData("-1_0", "Int", "-10")]
    [InlineData("0x_1F", "Int", "31")]
    [InlineData("08", "Float", "8.0")]
    [InlineData("09", "Float", "9.0")]
    [InlineData("+1", "Int", "1")]
    [InlineData("-0", "Int", "0")]
    [InlineData("1e3", "Float", "1000.0")]
    [InlineData(".5", "Float", "0.5")]
    [InlineData("5.", "Float", "5.0")]
    [InlineData("1.10", "Float", "1.1")]
    [InlineData("2024-01-02", "String", "2024-01-02")]
    [InlineData("2024-01-02T10:00:00Z", "String", "2024-01-02T10:00:00Z")]
    [InlineData("1:20", "String", "1:20")]
    [InlineData("1,000", "String", "1,000")]
    [InlineData("0x", "String", "0x")]
    [InlineData("0b102", "String", "0b102")]
    [InlineData(".", "String", ".")]
    [InlineData("+", "String", "+")]
    [InlineData(".inf", "Float", ".inf")]
    [InlineData("-.Inf", "Float", "-.inf")]
    public void Plain_scalars_resolve_like_go_yaml_v2(string text, string kind, string value)
    {
        var scalar = (YamlScalar)((YamlMapping)YamlReader.ParseAll("v: " + text, "x.yaml", YamlResolution.Yaml11)[0])["v"]!;
        Assert.Equal(kind, scalar.Kind.ToString());
        Assert.Equal(value, scalar.Value);
    }

    [Theory]
    [InlineData("y", "true")]
    [InlineData("n", "false")]
    [InlineData("on", "true")]
    [InlineData("010", "8")]
    [InlineData("1_000", "1000")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.0", "1")]
    [InlineData("0.1", "0.1")]
    [InlineData("1234567.0", "1.234567e+06")]
    [InlineData("0.1234567890123", "0.12345679")]
    [InlineData("'y'", "y")]
    [InlineData("\"010\"", "010")]
    [InlineData("name", "name")]
    public void Keys_become_the_json_keys_sigs_k8s_io_yaml_makes(string key, string expected)
    {
        var mapping = (YamlMapping)YamlReader.ParseAll(key + ": 1\n", "x.yaml", YamlResolution.Yaml11)[0];
        Assert.Equal(expected, Assert.Single(mapping.Keys));
    }

    [Fact]
    public void Flow_mappings_and_tags_follow_the_same_rules()
    {
        var mapping = (YamlMapping)YamlReader.ParseAll("{on: yes, 010: 0b11, n: !!int 017, s: !!str yes}", "x.yaml", YamlResolution.Yaml11)[0];
        Assert.Equal(new[] { "true", "8", "false", "s" }, mapping.Keys);
        Assert.Equal(YamlScalar.Bool(true), mapping["true"]);
        Assert.Equal(YamlScalar.Int(3), mapping["8"]);
        Assert.Equal(YamlScalar.Int(15), mapping["false"]);
        Assert.Equal(YamlScalar.String("yes"), mapping["s"]);
    }

    [Fact]
    public void Keys_that_collide_after_resolution_are_duplicates_and_a_null_key_is_refused()
    {
        var duplicate = Assert.Throws<YamlReaderException>(() => YamlReader.ParseAll("y: 1\ntrue: 2\n", "x.yaml", YamlResolution.Yaml11));
        Assert.Contains("\"true\" already defined at line 1", duplicate.Message);
        var nullKey = Assert.Throws<YamlReaderException>(() => YamlReader.ParseAll("~: 1\n", "x.yaml", YamlResolution.Yaml11));
        Assert.Contains("null mapping key", nullKey.Message);
    }

    [Fact]
    public void The_default_stays_yaml_1_2()
    {
        var mapping = (YamlMapping)YamlReader.ParseAll("y: yes\n010: 010\nv: 1_000\n", "x.yaml")[0];
        Assert.Equal(new[] { "y", "010", "v" }, mapping.Keys);
        Assert.Equal(YamlScalar.String("yes"), mapping["y"]);
        Assert.Equal(YamlScalar.Int(10), mapping["010"]);
        Assert.Equal(YamlScalar.String("1_000"), mapping["v"]);
    }
}
