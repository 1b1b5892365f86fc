using System.Reflection;
using HubDsl.Core.Declarations;

namespace HubDsl.Core.Tests.Declarations;

/// <summary>Core and the generator recognise declarations by these names: each must name a real type of the DSL.</summary>
public sealed class DslNamesTests
{
    private static readonly Assembly Dsl = typeof(HubDsl.Param).Assembly;

    public static TheoryData<string, string> TypeNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in typeof(DslNames).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name != nameof(DslNames.Namespace)))
        {
            data.Add(field.Name, (string)field.GetRawConstantValue()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Each_name_is_a_public_type_of_the_dsl_with_that_name(string constant, string fullName)
    {
        var type = Dsl.GetType(fullName);
        Assert.True(type is { IsPublic: true }, "DslNames." + constant + " = \"" + fullName + "\" is not a public type of the DSL assembly " + Dsl.GetName().Name);
        Assert.Equal(constant, type!.Name);
        Assert.Equal(constant.EndsWith("Attribute", StringComparison.Ordinal), typeof(Attribute).IsAssignableFrom(type));
    }

    [Fact]
    public void The_namespace_is_the_dsl_namespace() => Assert.Equal(DslNames.Namespace, typeof(HubDsl.Param).Namespace);

    [Fact]
    public void Every_dsl_attribute_is_listed()
    {
        var listed = TypeNames().Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);
        var attributes = Dsl.GetExportedTypes().Where(t => typeof(Attribute).IsAssignableFrom(t)).Select(t => t.FullName!).ToList();
        Assert.NotEmpty(attributes);
        Assert.All(attributes, name => Assert.Contains(name, listed));
    }
}
