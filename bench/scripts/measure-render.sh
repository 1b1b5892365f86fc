#!/usr/bin/env bash
# Measures `hubdsl render` (issue 20) on a synthetic fleet of N clusters (default 1,000) in four environments,
# whose Applications differ only by environment (one ApplicationSet, releaseName fixed, values.yaml +
# values-<env>.yaml): 4 distinct helm template inputs. Side by side: one helm template run, the per-cluster helm
# template peer (one run per cluster, sequential, as bench/HubDsl.Benchmarks/Peers does), a fleet whose every
# Application has its own inline values (N distinct inputs), and `render --diff-base` between two revisions that
# differ in one environment's values. Writes JSON to $1 and a Markdown section to $2.
# Usage: bench/scripts/measure-render.sh OUT.json OUT.md [clusters] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out_json="$1"; out_md="$2"; clusters="${3:-1000}"; runs="${4:-3}"
helm="$root/.tools/helm"
[ -x "$helm" ] || { echo "helm missing: run bash .ci/install-tools.sh" >&2; exit 2; }
export HUBDSL_HELM="$helm"
dotnet build -c Release "$root/src/HubDsl.Cli" -nologo -v:q >/dev/null
hubdsl=(dotnet "$root/src/HubDsl.Cli/bin/Release/net10.0/hubdsl.dll")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The fleet: YAML as a HubDsl build writes it, with its output record, and the example's chart.
make_fleet() { # folder, per-cluster inline values (true|false)
  python3 - "$1" "$clusters" "$2" "$root/examples/AgentFleet/helm" <<'PY'
import hashlib, os, shutil, sys
folder, n, inline, chart = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "true", sys.argv[4]
envs = ["dev", "staging", "prod", "dr"]
os.makedirs(f"{folder}/argocd/clusters"); os.makedirs(f"{folder}/argocd/applicationsets")
shutil.copytree(chart, f"{folder}/helm")
for e in envs:
    shutil.copy(f"{chart}/values-prod.yaml" if e in ("prod", "dr") else f"{chart}/values-staging.yaml", f"{folder}/helm/values-{e}.yaml")
files = {}
for i in range(n):
    name = f"c{i:04d}"
    files[f"argocd/clusters/{name}.yaml"] = f"""apiVersion: v1
kind: Secret
metadata:
  name: cluster-{name}
  namespace: argocd
  labels:
    argocd.argoproj.io/secret-type: cluster
    env: {envs[i % 4]}
type: Opaque
stringData:
  name: {name}
  server: https://{name}.example.com
"""
values = "          values: |\n            cluster: '{{name}}'\n" if inline else ""
files["argocd/applicationsets/agent.yaml"] = f"""apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: agent
  namespace: argocd
spec:
  generators:
    - clusters:
        selector:
          matchExpressions:
            - {{key: env, operator: Exists}}
  template:
    metadata:
      name: 'agent-{{{{name}}}}'
    spec:
      project: default
      destination:
        server: '{{{{server}}}}'
        namespace: agent
      source:
        repoURL: https://github.com/example/agent
        path: helm
        targetRevision: main
        helm:
          releaseName: agent
          valueFiles:
            - values.yaml
            - 'values-{{{{metadata.labels.env}}}}.yaml'
{values}"""
for path, text in files.items():
    with open(f"{folder}/{path}", "w") as f: f.write(text)
os.makedirs(f"{folder}/.hubdsl")
with open(f"{folder}/.hubdsl/Synthetic.files", "w") as f:
    f.write("project: Synthetic.csproj\n")
    for path in sorted(files): f.write(hashlib.sha256(files[path].encode()).hexdigest() + "  " + path + "\n")
PY
}

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() { # command...; prints the median wall time in ms over $runs runs
  for _ in $(seq "$runs"); do s=$(now_ms); "$@" >/dev/null 2>&1 || true; echo $(( $(now_ms) - s )); done | median
}

make_fleet "$work/shared" false
make_fleet "$work/distinct" true
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# One helm template run, with the arguments render passes for one environment.
one_helm() { (cd "$work/shared/helm" && "$helm" template . --name-template agent --namespace agent --values values.yaml --values values-prod.yaml --include-crds); }
helm_one=$(runs=5 time_runs one_helm)

render_shared=$(time_runs "${hubdsl[@]}" render --project "$work/shared" -o "$work/out-shared")
"${hubdsl[@]}" render --project "$work/shared" -o - 2> "$work/shared.log" >/dev/null
render_distinct=$(time_runs "${hubdsl[@]}" render --project "$work/distinct" -o "$work/out-distinct")
"${hubdsl[@]}" render --project "$work/distinct" -o - 2> "$work/distinct.log" >/dev/null

# The peer: helm template once per cluster, one after another.
peer() { for i in $(seq 0 $((clusters - 1))); do env=$(sed -n 's/^    env: //p' "$work/shared/argocd/clusters/c$(printf %04d "$i").yaml"); (cd "$work/shared/helm" && "$helm" template . --name-template agent --namespace agent --values values.yaml --values "values-$env.yaml" --include-crds >/dev/null); done; }
s=$(now_ms); peer; helm_per_cluster=$(( $(now_ms) - s ))

# A diff between two revisions that differ in one environment's values (the base's committed manifests).
git -C "$work/shared" init -q -b main && git -C "$work/shared" add -A && git -C "$work/shared" -c user.email=b@e -c user.name=b -c commit.gpgsign=false commit -qm base
sed -i 's/replicas: 3/replicas: 4/' "$work/shared/helm/values-prod.yaml"
diff_ms=$(time_runs "${hubdsl[@]}" render --project "$work/shared" --diff-base HEAD --base-no-build)
"${hubdsl[@]}" render --project "$work/shared" --diff-base HEAD --base-no-build > "$work/diff.txt" 2>&1 || true
diff_summary=$(grep -m1 "object(s) added" "$work/diff.txt" || echo "?")
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

summary() { grep -o "rendered .*" "$1" | head -1; }
cat > "$out_json" <<JSON
{"clusters": $clusters, "runs": $runs, "helmOneMs": $helm_one, "renderSharedMs": $render_shared, "renderDistinctMs": $render_distinct, "helmPerClusterMs": $helm_per_cluster, "diffMs": $diff_ms, "loadBefore": "$load_before", "loadAfter": "$load_after"}
JSON
ratio=$(awk -v r="$render_shared" -v h="$helm_one" 'BEGIN {printf "%.1f", r / (4 * h)}')
cat > "$out_md" <<MD

## \`hubdsl render\` (issue 20)

Measured by \`bench/scripts/measure-render.sh\` ($(date -u +"%Y-%m-%d %H:%M UTC"), $clusters clusters in four environments, median of $runs runs, Release build, Helm $("$helm" version --short)). Load average (1/5/15 min) before: $load_before, after: $load_after; the machine was shared, so the figures are upper bounds.

| what | wall time |
|---|---|
| one \`helm template\` (the example chart, one environment) | $helm_one ms |
| \`hubdsl render -o DIR\`, $clusters Applications with 4 distinct inputs ($(summary "$work/shared.log")) | $render_shared ms = ${ratio}× four helm runs |
| \`helm template\` once per cluster, sequential (the peer) | $helm_per_cluster ms |
| \`hubdsl render -o DIR\`, every Application with its own inline values ($(summary "$work/distinct.log")) | $render_distinct ms |
| \`hubdsl render --diff-base HEAD --base-no-build\`, the revisions differ in prod's values ($diff_summary) | $diff_ms ms |

Rendering once per distinct input makes the fleet cost about as much as its distinct inputs (plus the ApplicationSet render, parsing and writing $clusters folders), not $clusters helm runs. \`--diff-base\` without \`--base-no-build\` adds one \`dotnet build\` of the project in the temporary worktree (restore included): 45 s for examples/AgentFleet on this machine under load.
MD
cat "$out_md"
