#!/usr/bin/env bash
# Build the standalone Post Editor with PyInstaller, then report size, start-up time and the
# build's own self-test (scripts/build_report.py; docs/building.md explains the numbers).
#   bash scripts/build.sh                        one folder: dist/post-editor/post-editor
#   POST_EDITOR_ONEFILE=1 bash scripts/build.sh  one file:   dist/post-editor-onefile
#   bash scripts/build.sh --all                  both, and the report covers both
#   bash scripts/build.sh --no-setup ...         skip scripts/setup.sh (packages already there)
# Exits non-zero when the build, a budget or the self-test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("${POST_EDITOR_ONEFILE:-0}")
setup=1
for arg in "$@"; do
  case "$arg" in
    --all) targets=(0 1) ;;
    --no-setup) setup=0 ;;
    *) echo "usage: $0 [--all] [--no-setup]" >&2; exit 2 ;;
  esac
done

if ((setup)); then
  bash scripts/setup.sh
  .venv/bin/python -m pip install -q -e ".[build]"
fi

# Stale outputs would be measured as if they were new: remove what this run rebuilds.
# The second target reuses the first one's analysis (same inputs), hence --clean only once.
started=$EPOCHREALTIME
clean=--clean
for onefile in "${targets[@]}"; do
  if [[ "$onefile" == 1 ]]; then rm -f dist/post-editor-onefile; else rm -rf dist/post-editor; fi
  POST_EDITOR_ONEFILE="$onefile" .venv/bin/pyinstaller --noconfirm $clean --log-level WARN build.spec
  clean=
done
seconds=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $started }")

args=(--build-seconds "$seconds")
[[ " ${targets[*]} " == *" 0 "* ]] || args+=(--dist /nonexistent)
[[ " ${targets[*]} " == *" 1 "* ]] || args+=(--onefile /nonexistent)
exec .venv/bin/python scripts/build_report.py "${args[@]}"
