#!/usr/bin/env bash
# Runs every HubDsl benchmark and writes BENCHMARKS.md at the repository root (issue 8):
#   BenchmarkDotNet suites (generator, analyzers, emitter, preview renderer; status fan-out), the generator's
#   per-step times, the peers (Pkl, per-cluster helm template), the build cost with and without HubDsl, and
#   `hubdsl render` (scripts/measure-render.sh), apply at fleet scale and controller shards (appended after the report).
# Raw results stay in bench-results/ (git-ignored). Takes about 15 minutes on a 2-core machine; run it on a
# quiet machine. Usage: bench/run-all.sh [--quick]   (--quick: BenchmarkDotNet's Dry job, to check the plumbing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
job="Short"
build_runs=5
if [ "${1:-}" = "--quick" ]; then job="Dry"; build_runs=1; fi

results="$root/bench-results"
rm -rf "$results" && mkdir -p "$results"
date -u +"%Y-%m-%d %H:%M UTC (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))" > "$results/started.txt"
{
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') ($(nproc) cores available)"
  echo "Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo)"
  echo "OS: $(. /etc/os-release && echo "$PRETTY_NAME") ($(uname -r))"
  echo ".NET SDK: $(dotnet --version)"
} > "$results/machine.txt"

echo "== Tools (Helm for the per-cluster peer, Pkl) =="
bash .ci/install-tools.sh
bash bench/peers/install-pkl.sh

echo "== Build (Release) =="
dotnet build -c Release bench/HubDsl.Benchmarks -nologo -v:q
dotnet build -c Release bench/HubDsl.Runtime.Benchmarks -nologo -v:q
bench="dotnet bench/HubDsl.Benchmarks/bin/Release/net10.0/HubDsl.Benchmarks.dll"

echo "== BenchmarkDotNet: generator, analyzers, emitter, renderer =="
# A loaded machine builds the generated benchmark projects slowly (BenchmarkDotNet gives up after 2 minutes by default).
$bench --filter '*' --job "$job" --buildTimeout 1200 --exporters json --artifacts "$results/bdn"
echo "== BenchmarkDotNet: status fan-out =="
dotnet bench/HubDsl.Runtime.Benchmarks/bin/Release/net10.0/HubDsl.Runtime.Benchmarks.dll --filter '*' --job "$job" --exporters json --artifacts "$results/bdn-runtime"

echo "== Generator steps =="
$bench generator-steps 10,100,1000 5 "$results/generator-steps.json"

echo "== Recorded values (export generator) =="
$bench values-export 1000 15 "$results/values-export.json"

echo "== Peers =="
$bench peers 10,100,1000 "$results/peers.json"

echo "== hubdsl watch: save to files, beside dotnet build and pkl eval =="
$bench watch-latency 15 "$build_runs" "$results/watch.json"

echo "== Build cost =="
bash bench/scripts/measure-build-cost.sh "$results/build-cost.json" "$build_runs"

echo "== Report =="
$bench report "$results" "$root/BENCHMARKS.md"

echo "== hubdsl render (issue 20): 1,000 clusters, the per-cluster helm peer, a diff =="
bash bench/scripts/measure-render.sh "$results/render.json" "$results/render.md" 1000 3
cat "$results/render.md" >> "$root/BENCHMARKS.md"

echo "== apply at fleet scale and controller shards (issue 19) =="
# Harnesses that print their own Markdown tables (one run per cell; the sequential baseline at 10,000 clusters
# takes minutes); written to files first so a failure leaves BENCHMARKS.md without a half section.
dotnet bench/HubDsl.Runtime.Benchmarks/bin/Release/net10.0/HubDsl.Runtime.Benchmarks.dll apply-scale > "$results/apply-scale.md"
$bench shards > "$results/shards.md"
{
  printf '\n## Apply at fleet scale (issue 19)\n\n'
  printf '`hubdsl apply` of the synthetic fleet'"'"'s hub objects to the in-process emulated hub (`tests/Infrastructure`) answering\n'
  printf 'every request after 5 ms, onto an empty hub and again with nothing changed; one run per cell after a warm-up\n'
  printf '(`bench/HubDsl.Runtime.Benchmarks/ApplyScale.cs`). *Sequential baseline*: a read and an apply per object, one\n'
  printf 'object after another (what apply did before); *one request per object*: one list per kind, then one server-side\n'
  printf 'apply per object. Target: 1,000 clusters in under 3 s.\n\n'
  cat "$results/apply-scale.md"
  printf '\n## Controller shards (issue 19)\n\n'
  printf 'The shard assignment (`src/HubDsl.Core/Manifests/ShardAssignment.cs`, rendezvous hashing with bounded loads) on\n'
  printf 'the synthetic fleet, beside the distributions Argo CD applies to a Secret without `shard` (argo-cd\n'
  printf '`controller/sharding/sharding.go`: legacy and round-robin); *spread* is (largest − smallest shard) / average,\n'
  printf '*moved* counts the other clusters whose shard changes when one cluster is added or removed\n'
  printf '(`bench/HubDsl.Benchmarks/ShardScale.cs`).\n\n'
  cat "$results/shards.md"
} >> "$root/BENCHMARKS.md"
echo "wrote $root/BENCHMARKS.md"
