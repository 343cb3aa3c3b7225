#!/usr/bin/env bash
# Set up (if needed) and open Post Editor. Arguments go to the app: scripts/run.sh [FILE] [--site DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/post-editor "$@"
