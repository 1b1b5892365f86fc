using System.Linq;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Records;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

public class ValuesRecordTests
{
    private static ValuesPropertyModel Property(ValuesRecordModel model, string key) => model.Properties.Single(p => p.Key == key);

    [Fact]
    public void Every_key_gets_a_valid_distinct_name_that_maps_back_to_it()
    {
        var model = ValuesRecordBuilder.Build(FixtureCharts.Read("record-names"), "Values");
        Assert.Equal("RedisHa", Property(model, "redis-ha").Name);
        Assert.Equal("ServerInsecure", Property(model, "server.insecure").Name);
        Assert.Equal("Class", Property(model, "class").Name);
        Assert.Equal("Class2", Property(model, "Class").Name);
        Assert.Equal("_8080", Property(model, "8080").Name);
        Assert.Equal("ToString2", Property(model, "toString").Name);
        Assert.Equal("WithSpace", Property(model, "with space").Name);
        Assert.Equal("Ünïcode", Property(model, "ünïcode").Name);
        Assert.Equal(model.Properties.Count, model.Properties.Select(p => p.Name).Distinct().Count());
        // a nested record's type name never clashes with a property of the record that holds it
        Assert.Equal("ImageValues", Property(model, "imageValues").Name);
        Assert.Equal("ImageValues2", Property(model, "image").Type.Record!.TypeName);
    }

    [Fact]
    public void Types_come_from_the_defaults_when_there_is_no_schema()
    {
        var model = ValuesRecordBuilder.Build(FixtureCharts.Read("record-names"), "Values");
        Assert.Equal("global::System.Collections.Generic.IReadOnlyDictionary<string, string>", ValuesRecordEmitter.TypeName(Property(model, "annotations").Type));
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<int>", ValuesRecordEmitter.TypeName(Property(model, "numbers").Type));
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<object?>", ValuesRecordEmitter.TypeName(Property(model, "mixed").Type));
        Assert.Equal("int?", ValuesRecordEmitter.TypeName(Property(model, "nothing").Type));
        Assert.Equal("double", ValuesRecordEmitter.TypeName(Property(model, "ratio").Type));
        Assert.Equal("long", ValuesRecordEmitter.TypeName(Property(model, "big").Type));
        Assert.Equal(ValuesTypeKind.Record, Property(model, "nested").Type.Kind);
        Assert.Equal("A number with no default", Property(model, "nothing").Doc);
    }

    [Fact]
    public void Types_come_from_the_schema_where_it_says()
    {
        var model = ValuesRecordBuilder.Build(FixtureCharts.Read("schema-app"), "AppValues");
        Assert.Equal("int", ValuesRecordEmitter.TypeName(Property(model, "replicaCount").Type));
        Assert.Equal("How many pods run the app", Property(model, "replicaCount").Doc);
        var service = Property(model, "service").Type.Record!;
        Assert.Equal("int?", ValuesRecordEmitter.TypeName(Property(service, "nodePort").Type)); // only in the schema: no default
        Assert.Equal("global::System.Collections.Generic.IReadOnlyDictionary<string, string>?", ValuesRecordEmitter.TypeName(Property(model, "labels").Type)); // patternProperties; only in the schema, so nullable
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<string>?", ValuesRecordEmitter.TypeName(Property(model, "tags").Type));
        var image = Property(model, "image").Type.Record!; // through $ref
        Assert.Equal("The image repository", Property(image, "repository").Doc);
        var db = Property(model, "db").Type.Record!; // the subchart's values under its key, typed by its own schema
        Assert.Equal("int", ValuesRecordEmitter.TypeName(Property(db, "port").Type));
        Assert.DoesNotContain(db.Properties, p => p.Key == "global"); // global is the top-level one
    }

    [Fact]
    public void The_model_is_equal_for_the_same_chart() =>
        Assert.Equal(ValuesRecordBuilder.Build(FixtureCharts.Read("schema-app"), "A"), ValuesRecordBuilder.Build(FixtureCharts.Read("schema-app"), "A"));
}
