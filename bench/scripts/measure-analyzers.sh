#!/usr/bin/env bash
# Builds a copy of the example and a synthetic N-cluster fleet with -p:ReportAnalyzer=true and prints the
# analyzer and generator times the compiler reports (issue 3: analyzer cost stays small).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/examples/AgentFleet" -nologo -v:q >/dev/null
dotnet build -c Release "$root/bench/HubDsl.Benchmarks" -nologo -v:q >/dev/null

report() {
  local project="$1" label="$2"
  dotnet build "$project" --no-dependencies -nologo -v:d -p:ReportAnalyzer=true -p:HubDslOutputPath=none --no-incremental \
    | grep -E "Total (analyzer|generator) execution time|HubDsl\.(Analyzers|Generators)(, Version|\.[A-Za-z]+Analyzer|\.ManifestGenerator)" | grep -v -E "Target|Project|Task" \
    | sed -e "s/^/[$label] /" | sort -u
}

mkdir -p "$work/example" && cp -r "$root/examples/AgentFleet/." "$work/example/" && rm -rf "$work/example/bin" "$work/example/obj"
sed -i "s#..\\\\..\\\\src\\\\HubDsl\\\\build\\\\HubDsl.Local.props#$root/src/HubDsl/build/HubDsl.Local.props#" "$work/example/AgentFleet.csproj"
report "$work/example/AgentFleet.csproj" "example"

mkdir -p "$work/fleet"
cp "$work/example/AgentFleet.csproj" "$work/fleet/Fleet.csproj"
dotnet "$root/bench/HubDsl.Benchmarks/bin/Release/net10.0/HubDsl.Benchmarks.dll" write-fleet "$n" "$work/fleet/Fleet.cs"
report "$work/fleet/Fleet.csproj" "fleet-$n"
