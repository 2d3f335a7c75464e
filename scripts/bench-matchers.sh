#!/usr/bin/env bash
# Micro-benchmark of the built-in matchers (Sources/InventaDetection/*Matcher*): prints MB/s per
# matcher on 64 MB of Swedish prose without candidates and with candidates mixed in.
# Compiles InventaModel + InventaDetection sources and scripts/bench-matchers/main.swift into
# one optimised module in a temporary directory (no package changes, no network).
# Usage: scripts/bench-matchers.sh [RULES_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for file in "$root"/Sources/InventaModel/*.swift $(find "$root/Sources/InventaDetection" -name '*.swift'); do
    sed -e '/^import InventaModel$/d' -e '/^import InventaRules$/d' -e '/^import CPCRE2$/d' "$file" > "$work/$(echo "${file#$root/}" | tr / _)"
done
cp "$root/scripts/bench-matchers/main.swift" "$work/main.swift"
swiftc -O -wmo -module-name MatcherBench "$work"/*.swift -o "$work/bench" 2>&1 | grep -v warning || true
"$work/bench" "${1:-$root/Rules}"
