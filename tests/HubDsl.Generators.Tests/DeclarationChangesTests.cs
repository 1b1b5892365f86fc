using HubDsl.Generators.Caching;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Generators.Tests;

/// <summary>Which edits the evaluation cache treats as a changed member, as nothing, or as structural.</summary>
public sealed class DeclarationChangesTests
{
    [Theory]
    [InlineData("namespace N; static class C { static readonly int F = 1; }", "namespace N; static class C { static readonly int F = 2; }", "N.C.F")]
    [InlineData("namespace N { namespace M { class O { class I { static int P { get; } = 1; } } } }", "namespace N { namespace M { class O { class I { static int P { get; } = 2; } } } }", "N.M.O+I.P")]
    [InlineData("class G<T> { static int P => 1; }", "class G<T> { static int P => 2; }", "G`1.P")]
    [InlineData("record R { public int A { get; init; } = 1; }", "record R { public int A { get; init; } = 2; }", "R.A")]
    [InlineData("class C { static int M() { return 1; } }", "class C { static int M() { return 2; } }", "")]
    [InlineData("System.Console.WriteLine(1); class C { }", "System.Console.WriteLine(2); var x = 3; class C { }", "")]
    public void An_initializer_or_body_edit_names_only_the_members_the_evaluator_reads(string before, string after, string expected)
    {
        var changed = DeclarationChanges.Between(CSharpSyntaxTree.ParseText(before), CSharpSyntaxTree.ParseText(after), default);
        Assert.NotNull(changed);
        Assert.Equal(expected, string.Join(",", changed!.OrderBy(k => k, StringComparer.Ordinal)));

        // The key found from syntax is the key the evaluator gives the member's symbol.
        if (expected.Length == 0) return;
        var compilation = CSharpCompilation.Create("Keys", new[] { CSharpSyntaxTree.ParseText(after) });
        var symbols = compilation.GlobalNamespace.GetMembers().SelectMany(AllMembers);
        Assert.Contains(expected, symbols.Select(HubDsl.Generators.Evaluation.MemberKeys.Of));
    }

    private static IEnumerable<Microsoft.CodeAnalysis.ISymbol> AllMembers(Microsoft.CodeAnalysis.INamespaceOrTypeSymbol container) =>
        container.GetMembers().SelectMany(m => m is Microsoft.CodeAnalysis.INamespaceOrTypeSymbol inner ? AllMembers(inner) : new[] { m });

    [Theory]
    [InlineData("class C { const int F = 1; }", "class C { const int F = 2; }")]                        // constants are folded into their readers
    [InlineData("enum E { A = 1 }", "enum E { A = 2 }")]
    [InlineData("class C { C() { } }", "class C { C() { System.Console.WriteLine(); } }")]              // a constructor body decides evaluability
    [InlineData("class C { static int F = 1; }", "class C { static int F = 1; static int G = 1; }")]      // a member added
    [InlineData("class C { static int F = 1; }", "class C { static long F = 1; }")]
    [InlineData("using A; class C { }", "using B; class C { }")]
    [InlineData("[X(1)] class C { }", "[X(2)] class C { }")]
    [InlineData("record R(int A = 1);", "record R(int A = 2);")]
    [InlineData("class C { }", "System.Console.WriteLine(); class C { }")]                              // a Program type appears
    public void Anything_else_is_structural(string before, string after)
    {
        Assert.Null(DeclarationChanges.Between(CSharpSyntaxTree.ParseText(before), CSharpSyntaxTree.ParseText(after), default));
    }
}
