using System.Text;
using System.Text.Json;

namespace HubDsl.Benchmarks;

// The section on hubdsl watch's save-to-files time (WatchLatency), beside dotnet build and pkl eval.
public static partial class BenchmarkReport
{
    public static string WatchSection(string resultsFolder)
    {
        var md = new StringBuilder();
        Watch(md, resultsFolder);
        return md.ToString();
    }

    private static void Watch(StringBuilder md, string folder)
    {
        var file = Path.Combine(folder, "watch.json");
        if (!File.Exists(file)) return;
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var results = json.RootElement.GetProperty("results").EnumerateArray().Select(r => (
            Fleet: r.GetProperty("Fleet").GetString()!,
            Clusters: r.GetProperty("Clusters").GetInt32(),
            Tool: r.GetProperty("Tool").GetString()!,
            Median: r.GetProperty("median").GetDouble(),
            Runs: r.GetProperty("Milliseconds").GetArrayLength(),
            Note: r.GetProperty("Note").GetString()!)).ToList();
        md.Append("## Save to files: `hubdsl watch`\n\n")
          .Append("`bench/HubDsl.Benchmarks/WatchLatency.cs` (`watch-latency`): a real `hubdsl watch` process on a real project; once it has reported `ready` ")
          .Append("(its warm-up after the load), each round saves one edit (the prod replica count) and times from just before the save until ")
          .Append("`helm/values-prod.yaml` on disk holds the new value (read, generator, compiler and analyzer diagnostics, file sync, and the debounce, which ")
          .Append("runs beside them). In the same run: `dotnet build` after the same edit, and `pkl eval -m` of the same ")
          .Append("1,000-cluster fleet (bench/peers; Pkl has no incremental mode). p50 is the median; the ratio is the tool's p50 over watch's. ")
          .Append(json.RootElement.TryGetProperty("started", out var started) ? "Run of its own, started " + started.GetString() + "; l" : "L")
          .Append("oad average at its end: ").Append(json.RootElement.GetProperty("load").GetString()).Append(" (1, 5, 15 minutes; 2 cores shared with other work, so the wall times here are not comparable with the sections above).\n\n")
          .Append("| fleet | tool | p50 | runs | × watch | target | what is timed |\n|---|---|---|---|---|---|---|\n");
        foreach (var group in results.GroupBy(r => r.Clusters).OrderBy(g => g.Key))
        {
            var watch = group.FirstOrDefault(r => r.Tool == "hubdsl watch");
            var target = group.Key == 1000 ? 400.0 : 150.0;
            foreach (var r in group)
            {
                var name = r.Fleet == "synthetic" ? "synthetic, " + r.Clusters.ToString("#,0", Invariant) + " clusters" : r.Fleet + " (" + r.Clusters + " clusters)";
                md.Append("| ").Append(name).Append(" | ").Append(r.Tool).Append(" | ").Append(r.Median.ToString("#,0", Invariant)).Append(" ms | ").Append(r.Runs)
                  .Append(" | ").Append(watch.Tool is null || r.Tool == "hubdsl watch" ? string.Empty : (r.Median / watch.Median).ToString("0.0", Invariant) + "×")
                  .Append(" | ").Append(r.Tool == "hubdsl watch" ? "< " + target.ToString("0", Invariant) + " ms: " + (r.Median < target ? "yes" : "**no**") : string.Empty)
                  .Append(" | ").Append(r.Note).Append(" |\n");
            }
        }

        md.Append('\n');
    }
}
