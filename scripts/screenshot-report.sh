#!/usr/bin/env bash
# Renders an HTML report in headless Chromium to a PNG, as a person's browser would show it.
#
#   scripts/screenshot-report.sh [REPORT.html] [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: the reference job's report (results/highest-hourly-high-2020-12-01.html, written by
# ./mvnw -q compile exec:exec), docs/report.png, 1580x900. Needs Debian's chromium
# (apt-get install -y chromium); it runs offline in a throw-away profile and exits non-zero when
# the report is missing or Chromium writes no image.
set -euo pipefail

report="${1:-results/highest-hourly-high-2020-12-01.html}"
out="${2:-docs/report.png}"
size="${3:-1580x900}"

if [[ ! -f "$report" ]]; then
  echo "No report at $report: run ./mvnw -q compile exec:exec first (results.sinks must include html)" >&2
  exit 2
fi
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "Chromium is not installed: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$(dirname "$out")"
rm -f "$out"
# --hide-scrollbars: the PNG shows the page, not the window chrome
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$profile" --window-size="${size/x/,}" --screenshot="$(realpath -m "$out")" \
  "file://$(realpath "$report")" 2>/dev/null
if [[ ! -s "$out" ]]; then
  echo "Chromium wrote no screenshot to $out" >&2
  exit 1
fi
echo "Wrote $out ($size) from $report"
