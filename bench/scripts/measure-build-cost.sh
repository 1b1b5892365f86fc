#!/usr/bin/env bash
# What HubDsl adds to `dotnet build` (issue 8, point 3). Two copies of examples/AgentFleet outside the repository:
#   with    - references the packed HubDsl package, as a user's project does (DSL library, generator, analyzers,
#             code fixes, the manifest-writing MSBuild task);
#   without - the same sources referencing only the DSL library (lib/netstandard2.0/HubDsl.dll), so the code
#             compiles but nothing of HubDsl runs.
# Scenarios, each timed RUNS times (median reported; the no-op three times per run, as it is the shortest and
# noisiest): cold (bin/obj removed, build servers shut down), no-op incremental (nothing changed), and one edit (a label value in Clusters.cs changes, so the compiler runs).
# Usage: measure-build-cost.sh RESULTS.json [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:?results file}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.0-buildcost"
feed="$work/feed"

dotnet pack "$root/src/HubDsl" -c Release -o "$feed" -p:Version="$version" -nologo -v:q >/dev/null
mkdir -p "$work/dsl" && unzip -q -o "$feed/HubDsl.$version.nupkg" 'lib/*' -d "$work/dsl"

make_copy() {
  local name="$1" reference="$2"
  mkdir -p "$work/$name"
  cp -r "$root/examples/AgentFleet/." "$work/$name/"
  rm -rf "$work/$name/bin" "$work/$name/obj"
  cat > "$work/$name/AgentFleet.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <RestoreSources>$feed;\$(RestoreSources)</RestoreSources>
  </PropertyGroup>
  <ItemGroup>
    $reference
  </ItemGroup>
</Project>
CSPROJ
  # Each copy gets its own NuGet cache so the package under test is the one just packed.
  (cd "$work/$name" && dotnet restore -nologo -v:q --packages "$work/packages" >/dev/null)
}

make_copy with "<PackageReference Include=\"HubDsl\" Version=\"$version\" />"
make_copy without "<Reference Include=\"HubDsl\" HintPath=\"$work/dsl/lib/netstandard2.0/HubDsl.dll\" />"

# AgentValues is typed from the example's chart ([ChartValues("helm")]): the generator writes its properties. Without
# HubDsl nothing writes them, so the "without" copy gets the record the generator wrote, as plain source.
(cd "$work/with" && dotnet build --no-restore -nologo -v:q --packages "$work/packages" -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/generated" >/dev/null)
find "$work/generated" -name 'HubDsl.ChartValues.*.cs' -exec cp {} "$work/without/" \;
ls "$work/without"/HubDsl.ChartValues.*.cs >/dev/null || { echo "the HubDsl build wrote no [ChartValues] record" >&2; exit 1; }

build() {
  local name="$1"
  local start end
  start=$(date +%s%N)
  (cd "$work/$name" && dotnet build --no-restore -nologo -v:q --packages "$work/packages" >/dev/null 2>"$work/$name.err") || { cat "$work/$name.err" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

declare -A samples
for run in $(seq 1 "$runs"); do
  for name in with without; do
    dotnet build-server shutdown >/dev/null 2>&1 || true
    rm -rf "$work/$name/bin" "$work/$name/obj/Debug"
    samples["$name,cold"]+="$(build "$name") "
    for _ in 1 2 3; do samples["$name,noop"]+="$(build "$name") "; done
    sed -i "s/\[\"env\"\] = \"dr\", \[\"deploy\"\] = \"true\"/[\"env\"] = \"dr\", [\"deploy\"] = \"true\", [\"run\"] = \"r$run\"/; s/, \[\"run\"\] = \"r$((run - 1))\"//" "$work/$name/Clusters.cs"
    samples["$name,edit"]+="$(build "$name") "
  done
done

# The "with" copy really ran HubDsl: it wrote the example's manifests.
test -f "$work/with/argocd/applicationsets/agent-multi-cluster.yaml" || { echo "the HubDsl build wrote no manifests" >&2; exit 1; }

python3 - "$out" "$runs" <<PY
import json, statistics, sys
samples = {k: [int(x) for x in v.split()] for k, v in {$(for k in "${!samples[@]}"; do printf '"%s": "%s", ' "$k" "${samples[$k]}"; done)}.items()}
result = []
for scenario in ("cold", "noop", "edit"):
    w, wo = samples["with," + scenario], samples["without," + scenario]
    result.append({"scenario": scenario, "with_ms": statistics.median(w), "without_ms": statistics.median(wo),
                   "ratio": statistics.median(w) / statistics.median(wo), "with_runs": w, "without_runs": wo})
json.dump({"runs": int(sys.argv[2]), "results": result}, open(sys.argv[1], "w"), indent=2)
for r in result:
    print(f"build cost, {r['scenario']}: with HubDsl {r['with_ms']:.0f} ms, without {r['without_ms']:.0f} ms, ratio {r['ratio']:.2f}")
PY
