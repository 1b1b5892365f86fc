using System.Linq;
using System.Text.Json;
using CsCheck;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Charts;

/// <summary>
/// Random values objects for the schema-app fixture: keys and scalars drawn from the schema's own vocabulary (so
/// every keyword passes and fails in turn) plus some it does not know, nested up to three levels.
/// </summary>
internal static class RandomValues
{
    private static readonly string[] Keys =
    [
        "replicaCount", "image", "repository", "tag", "pullPolicy", "service", "type", "port", "nodePort", "resources", "cpu", "mode",
        "name", "tags", "ports", "extra", "key", "labels", "Team", "tls", "enabled", "secretName", "global", "region", "db", "user", "other",
    ];

    private static readonly Gen<YamlNode> Scalar = Gen.Frequency(
        (4, Gen.OneOfConst("ClusterIP", "NodePort", "simple", "custom-abc", "custom-1", "app", "App", "a", "ab", "abcdefghij", "eu", "europe", "Always", "x/y", "").Select(s => (YamlNode)YamlScalar.String(s))),
        (3, Gen.OneOfConst(-1L, 0L, 1L, 2L, 3L, 5L, 10L, 11L, 80L, 1023L, 1024L, 5432L, 65535L, 65536L).Select(n => (YamlNode)YamlScalar.Int(n))),
        (1, Gen.OneOfConst(0.5, 2.0, 1.5).Select(d => (YamlNode)YamlScalar.Float(d))),
        (1, Gen.Bool.Select(b => (YamlNode)YamlScalar.Bool(b))),
        (1, Gen.Const((YamlNode)YamlScalar.Null)));

    private static Gen<YamlNode> Node(int depth) =>
        depth == 0
            ? Scalar
            : Gen.Frequency(
                (4, Scalar),
                (1, Node(depth - 1).Array[0, 3].Select(items => (YamlNode)new YamlSequence(items))),
                (2, Mapping(depth - 1, 3).Select(m => (YamlNode)m)));

    private static Gen<YamlMapping> Mapping(int depth, int maxKeys) =>
        Gen.Select(Gen.OneOfConst(Keys), Node(depth)).Array[0, maxKeys].Select(entries =>
        {
            var m = new YamlMapping();
            foreach (var (key, value) in entries) m.Set(key, value);
            return m;
        });

    public static readonly Gen<YamlMapping> Values = Mapping(3, 4);

    public static string ToJson(YamlNode node)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping m:
                w.WriteStartObject();
                foreach (var e in m)
                {
                    w.WritePropertyName(e.Key);
                    Write(w, e.Value);
                }

                w.WriteEndObject();
                break;
            case YamlSequence s:
                w.WriteStartArray();
                foreach (var item in s) Write(w, item);
                w.WriteEndArray();
                break;
            case YamlScalar { Kind: ScalarKind.Null }:
                w.WriteNullValue();
                break;
            case YamlScalar { Kind: ScalarKind.Bool } b:
                w.WriteBooleanValue(b.Value == "true");
                break;
            case YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } n:
                w.WriteRawValue(n.Value);
                break;
            case YamlScalar s:
                w.WriteStringValue(s.Value);
                break;
        }
    }
}
