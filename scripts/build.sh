#!/usr/bin/env bash
# Build the standalone Post Editor with PyInstaller and report its size and start-up time.
#   bash scripts/build.sh                        one folder: dist/post-editor/post-editor
#   POST_EDITOR_ONEFILE=1 bash scripts/build.sh  one file:   dist/post-editor-onefile
# Then runs the build's own self-test (window offscreen, preview colours, image, extensions).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.10"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
exec .venv/bin/python scripts/build_report.py
