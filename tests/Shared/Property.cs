using System;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CsCheck;

namespace HubDsl.Tests.Shared;

/// <summary>
/// How every property test runs, so that it passes on every run and still searches for new failures:
/// <list type="number">
/// <item>its regression seeds (cases that once failed), each replayed exactly;</item>
/// <item>a fixed list of cases: a CsCheck PCG stream derived from the test's name, the same on every machine
/// and every run (this is what makes CI deterministic);</item>
/// <item>a random search bounded in time (<c>HUBDSL_PROPERTY_SEARCH_SECONDS</c>, default 1; 0 turns it off),
/// whose failure prints the case's seed and how to replay it.</item>
/// </list>
/// <c>HUBDSL_PROPERTY_SEED=&lt;seed&gt;</c> replays one case instead (seeds are CsCheck's, as every failure prints
/// them). Linked into the test projects that have property tests.
/// </summary>
internal static class Property
{
    private const string SeedVariable = "HUBDSL_PROPERTY_SEED";
    private const string SearchVariable = "HUBDSL_PROPERTY_SEARCH_SECONDS";

    /// <summary>Checks <paramref name="assert"/> on the regression seeds, <paramref name="cases"/> fixed cases, then a bounded random search.</summary>
    public static void Check<T>(Gen<T> gen, Action<T> assert, int cases, string[]? regressionSeeds = null, [CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        var replay = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrWhiteSpace(replay))
        {
            RunSeed(gen, assert, replay.Trim(), test, file, "replayed from " + SeedVariable);
            return;
        }

        foreach (var seed in regressionSeeds ?? Array.Empty<string>()) RunSeed(gen, assert, seed, test, file, "regression seed");

        // One PCG stream per test, from its name: every run generates the same cases in the same order.
        var pcg = new PCG(StableHash(test), 0x48756244736CUL);
        for (var i = 0; i < cases; i++)
        {
            var seed = pcg.ToString(pcg.State);
            var value = gen.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new PropertyFailedException("fixed case " + i + " of " + cases + " failed (seed " + Quote(seed) + ")." + Replay(seed, test, file) + "\n" + e.Message, e);
            }
        }

        var seconds = SearchSeconds();
        if (seconds <= 0) return;
        try
        {
            gen.Sample(assert, time: seconds, threads: 1);
        }
        catch (CsCheckException e)
        {
            var found = Regex.Match(e.Message, "Set seed: \"([^\"]+)\"");
            var seed = found.Success ? found.Groups[1].Value : "(see CsCheck's message)";
            throw new PropertyFailedException("the random search (" + seconds + " s) found a failing case, seed " + Quote(seed) + "." + Replay(seed, test, file) + "\n" + e.Message, e);
        }
    }

    /// <inheritdoc cref="Check{T}(Gen{T}, Action{T}, int, string[], string, string)"/>
    public static void Check<T1, T2>(Gen<(T1, T2)> gen, Action<T1, T2> assert, int cases, string[]? regressionSeeds = null, [CallerMemberName] string test = "", [CallerFilePath] string file = "") =>
        Check(gen, t => assert(t.Item1, t.Item2), cases, regressionSeeds, test, file);

    /// <inheritdoc cref="Check{T}(Gen{T}, Action{T}, int, string[], string, string)"/>
    public static void Check<T1, T2, T3, T4>(Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, int cases, string[]? regressionSeeds = null, [CallerMemberName] string test = "", [CallerFilePath] string file = "") =>
        Check(gen, t => assert(t.Item1, t.Item2, t.Item3, t.Item4), cases, regressionSeeds, test, file);

    private static void RunSeed<T>(Gen<T> gen, Action<T> assert, string seed, string test, string file, string what)
    {
        T value;
        try
        {
            value = gen.Generate(PCG.Parse(seed), null, out _);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new PropertyFailedException(what + " " + Quote(seed) + " is not a CsCheck seed: " + e.Message, e);
        }

        try
        {
            assert(value);
        }
        catch (Exception e)
        {
            throw new PropertyFailedException(what + " " + Quote(seed) + " failed." + Replay(seed, test, file) + "\n" + e.Message, e);
        }
    }

    private static int SearchSeconds()
    {
        var text = Environment.GetEnvironmentVariable(SearchVariable);
        return int.TryParse(text, out var seconds) ? seconds : 1;
    }

    private static string Replay(string seed, string test, string file) =>
        " Replay it with " + SeedVariable + "=" + seed + " dotnet test " + ProjectOf(file) + " --filter FullyQualifiedName~" + test +
        ", and keep it by adding " + Quote(seed) + " to the test's regression seeds.";

    private static string ProjectOf(string file)
    {
        var match = Regex.Match(file.Replace('\\', '/'), "(tests/[^/]+)/");
        return match.Success ? match.Groups[1].Value : "<test project>";
    }

    private static string Quote(string seed) => "\"" + seed + "\"";

    // FNV-1a: string.GetHashCode differs between runs.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
