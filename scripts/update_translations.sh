#!/usr/bin/env bash
# Refresh the Korean UI catalog from the source, then compile what the app loads.
#   scripts/update_translations.sh
# 1. pyside6-lupdate collects every tr()/translate() string in editor/ui/*.py and editor/app.py
#    into resources/translations/post_editor_ko.ts (new ones marked type="unfinished"; ones that
#    disappeared are kept as "vanished" so a moved string can get its translation back).
# 2. pyside6-lrelease compiles the .ts into post_editor_ko.qm, which is committed: a fresh clone
#    and a PyInstaller build show Korean without running this script.
# Translate the unfinished messages (Qt Linguist: `.venv/bin/pyside6-linguist FILE.ts`, or any
# editor) and run the script again.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=.venv/bin
ts=resources/translations/post_editor_ko.ts
qm=${ts%.ts}.qm
sources=(editor/ui/*.py)
[[ -f editor/app.py ]] && sources+=(editor/app.py)

"$bin/pyside6-lupdate" "${sources[@]}" -source-language en -target-language ko \
  -locations relative -no-obsolete -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm "$qm"

unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
echo "$ts: $unfinished message(s) still to translate"
