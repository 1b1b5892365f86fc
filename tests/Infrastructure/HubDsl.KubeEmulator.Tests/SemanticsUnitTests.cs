using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

/// <summary>The building blocks without HTTP: selectors, merge patches, field ownership, request bodies.</summary>
public sealed class SemanticsUnitTests
{
    [Fact]
    public void Merge_patch_follows_rfc_7386()
    {
        var target = JsonNode.Parse("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"}}");
        var patch = JsonNode.Parse("{\"a\":\"z\",\"c\":{\"f\":null}}");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"a\":\"z\",\"c\":{\"d\":\"e\"}}"), JsonMergePatch.Apply(target, patch)));
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
