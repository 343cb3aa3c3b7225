#!/usr/bin/env bash
# Add Post Editor to this user's application menu (XDG paths, no root needed):
#   bash scripts/install_desktop.sh [EXECUTABLE]   install or update the menu entry and icons
#   bash scripts/install_desktop.sh --uninstall    remove them again
# EXECUTABLE defaults to the first that exists of: the build this script sits in
# (post-editor/_internal/scripts/ -> post-editor/post-editor), dist/post-editor/post-editor
# and .venv/bin/post-editor in a checkout, `post-editor` on PATH.
# Writes under ${XDG_DATA_HOME:-~/.local/share}:
#   applications/post-editor.desktop              (resources/post-editor.desktop, Exec made
#                                                  absolute so PATH does not matter)
#   icons/hicolor/NxN/apps/post-editor.png         (16 ... 512)
#   icons/hicolor/scalable/apps/post-editor.svg
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)   # a checkout, or a build's _internal folder
resources=$root/resources
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
applications=$data_home/applications
hicolor=$data_home/icons/hicolor
sizes=(16 32 48 64 128 256 512)

refresh_caches() {  # menus and icon themes notice new files sooner; optional tools
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [[ -f $hicolor/index.theme ]]; then
    gtk-update-icon-cache -q -t "$hicolor" || true
  fi
}

if [[ ${1:-} == --uninstall ]]; then
  rm -f "$applications/post-editor.desktop" "$hicolor/scalable/apps/post-editor.svg"
  for size in "${sizes[@]}"; do rm -f "$hicolor/${size}x${size}/apps/post-editor.png"; done
  refresh_caches
  echo "Removed the Post Editor menu entry and icons from $data_home"
  exit 0
fi

find_executable() {
  local candidate
  for candidate in "$root/../post-editor" "$root/dist/post-editor/post-editor" \
    "$root/.venv/bin/post-editor"; do
    [[ -f $candidate && -x $candidate ]] && { realpath "$candidate"; return; }
  done
  command -v post-editor || true
}

executable=${1:-$(find_executable)}
if [[ -z $executable || ! -x $executable ]]; then
  echo "install_desktop: no post-editor executable found; pass its path" >&2
  exit 1
fi
executable=$(realpath "$executable")

# Desktop Entry Exec quoting: double quotes, backslash before " ` $ \, then every backslash
# doubled again (the value is itself an escaped string); % doubled (field codes).
quoted=$(printf '%s' "$executable" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
exec_value=$(printf '%s' "\"$quoted\"" | sed -e 's/[\\&|]/\\&/g')  # safe in sed's s|||
# TryExec is a plain path: only the string escape (backslash doubled), no quotes.
try_value=$(printf '%s' "$executable" | sed -e 's/\\/\\\\/g' -e 's/[\\&|]/\\&/g')

mkdir -p "$applications" "$hicolor/scalable/apps"
for size in "${sizes[@]}"; do
  install -D -m 644 "$resources/icons/post-editor-$size.png" \
    "$hicolor/${size}x${size}/apps/post-editor.png"
done
install -m 644 "$resources/icons/post-editor.svg" "$hicolor/scalable/apps/post-editor.svg"
sed -e "s|^Exec=post-editor |Exec=$exec_value |" -e "s|^TryExec=post-editor\$|TryExec=$try_value|" \
  "$resources/post-editor.desktop" > "$applications/post-editor.desktop.tmp"
mv "$applications/post-editor.desktop.tmp" "$applications/post-editor.desktop"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$applications/post-editor.desktop"
fi
refresh_caches
echo "Installed the Post Editor menu entry for $executable into $data_home"
