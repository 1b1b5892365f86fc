using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

/// <summary>The building blocks without HTTP: selectors, patches, field ownership.</summary>
public sealed class SemanticsUnitTests
{
    [Fact]
    public void Json_patch_supports_every_operation_and_fails_tests_atomically()
    {
        var document = JsonNode.Parse("{\"a\":{\"b\":1},\"list\":[1,2]}")!;
        var patch = JsonNode.Parse("""
            [
              {"op":"copy","from":"/a/b","path":"/c"},
              {"op":"move","from":"/a","path":"/moved"},
              {"op":"add","path":"/list/-","value":3},
              {"op":"replace","path":"/list/0","value":0},
              {"op":"test","path":"/c","value":1}
            ]
            """)!.AsArray();

        var result = JsonPatch.Apply(document, patch);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"c\":1,\"moved\":{\"b\":1},\"list\":[0,2,3]}"), result));
        var failing = JsonNode.Parse("[{\"op\":\"test\",\"path\":\"/a/b\",\"value\":2}]")!.AsArray();
        Assert.Equal(422, Assert.Throws<KubeApiException>(() => JsonPatch.Apply(document, failing)).Code);
    }

    [Fact]
    public void Merge_patch_follows_rfc_7386()
    {
        var target = JsonNode.Parse("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"}}");
        var patch = JsonNode.Parse("{\"a\":\"z\",\"c\":{\"f\":null}}");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"a\":\"z\",\"c\":{\"d\":\"e\"}}"), JsonMergePatch.Apply(target, patch)));
    }

    [Fact]
    public void Strategic_merge_patch_honours_replace_and_delete_directives()
    {
        var target = JsonNode.Parse("{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"annotations\":{\"x\":\"y\"}}}")!.AsObject();
        var patch = JsonNode.Parse("{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"c\":\"3\"},\"annotations\":{\"$patch\":\"delete\"}}}")!.AsObject();

        var result = StrategicMergePatch.Apply(target, patch);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"metadata\":{\"labels\":{\"c\":\"3\"}}}"), result));
    }

    [Fact]
    public void Label_selector_rejects_garbage()
    {
        Assert.Equal(400, Assert.Throws<KubeApiException>(() => LabelSelector.Parse("a in (b")).Code);
        Assert.Equal(400, Assert.Throws<KubeApiException>(() => LabelSelector.Parse("a,,b")).Code);
        Assert.True(LabelSelector.Parse("").Matches(new Dictionary<string, string>()));
    }

    [Fact]
    public void Managed_fields_round_trip_through_fieldsV1()
    {
        var obj = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"n","labels":{"a.b/c":"1"},"annotations":{"x":"y"}},"data":{"k":"dg=="},"type":"Opaque"}
            """)!.AsObject();
        var ledger = ManagedFieldsLedger.Read(new JsonObject());
        ledger.SetApplied("m", "v1", ManagedFieldsLedger.TrackedLeaves(obj), DateTimeOffset.UnixEpoch);

        ledger.Write(obj);
        var reread = ManagedFieldsLedger.Read(obj);

        var fields = reread.Find("m", "Apply")!.Fields.Select(f => f.ToString()).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(new[] { ".data.k", ".metadata.annotations.x", ".metadata.labels.a.b/c", ".type" }, fields);
        Assert.Equal("1970-01-01T00:00:00Z", obj["metadata"]!["managedFields"]![0]!["time"]!.GetValue<string>());
    }

    [Fact]
    public void Yaml_bodies_type_plain_scalars_and_keep_quoted_strings()
    {
        var node = RequestBodyParser.Parse("a: 1\nb: \"1\"\nc: true\nd: ~\ne: 1.5\nf: [x, 'y']\n")!;

        Assert.Equal("{\"a\":1,\"b\":\"1\",\"c\":true,\"d\":null,\"e\":1.5,\"f\":[\"x\",\"y\"]}", node.ToJsonString());
    }
}
