using CsCheck;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;
using HubDsl.Generators.Evaluation;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// The text a project records its public values in must read back as the same value (or both hosts of a
/// referenced library would disagree), and reading arbitrary text must never throw.
/// </summary>
public sealed class DslValueTextTests
{
    private static readonly Gen<string> Text = Gen.OneOf(Gen.String, Gen.Const(""), Gen.Const("a:b,c"), Gen.Const("\"\\\n\r\t\0\u2028\ud800"), Gen.Const("12:x"));

    private static readonly Gen<DslValue> Values = Gen.Recursive<DslValue>((depth, inner) =>
    {
        var scalar = Gen.Select(Gen.Enum<ScalarKind>(), Text, (k, t) => (DslValue)new DslScalar(k, t));
        var enumValue = Gen.Select(Text, Text, Text, (a, b, c) => (DslValue)new DslEnum(a, b, c));
        if (depth > 3) return Gen.OneOf(scalar, enumValue);
        var items = inner.Array[0, 3].Select(a => a.ToEquatableArray());
        return Gen.OneOf(
            scalar,
            enumValue,
            items.Select(i => (DslValue)new DslList(i)),
            items.Select(i => (DslValue)new DslTuple(i)),
            items.Select(i => (DslValue)new DslInterpolation(i)),
            Gen.Select(inner, inner, (k, v) => new DslEntry(k, v)).Array[0, 3].Select(e => (DslValue)new DslMap(e.ToEquatableArray())),
            Gen.Select(Text, Gen.Bool, Gen.Select(Text, Gen.OneOf(Text, Gen.Const((string)null!)), inner, (n, k, v) => new DslProperty(n, k, v)).Array[0, 3], (t, h, p) => (DslValue)new DslObject(t, p.ToEquatableArray(), h)),
            Gen.Select(Text, Text, Gen.OneOf(inner, Gen.Const((DslValue)null!)), items, (t, m, r, a) => (DslValue)new DslCall(t, m, r, a)));
    });

    [Fact]
    public void Every_value_reads_back_as_itself() =>
        Values.Sample(value => Assert.Equal(value, DslValueText.Read(DslValueText.Write(value))), iter: 2000, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Any_text_is_read_without_throwing() =>
        Gen.OneOf(Gen.String, Values.Select(v => DslValueText.Write(v)).SelectMany(t => Gen.Int[0, Math.Max(0, t.Length - 1)].Select(cut => t.Substring(0, cut))))
            .Sample(text => { _ = DslValueText.Read(text); }, iter: 2000, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Deep_nesting_is_refused_not_overflowed()
    {
        var text = string.Concat(Enumerable.Repeat("l1,", 100_000)) + "s0,0:" ;
        Assert.Null(DslValueText.Read(text));
        var shallow = string.Concat(Enumerable.Repeat("l1,", 10)) + "s0,0:";
        Assert.NotNull(DslValueText.Read(shallow));
    }
}
