#!/usr/bin/env bash
# Set up Post Editor on a Debian machine: system packages, then a virtual environment in .venv.
#   scripts/setup.sh          what the app needs
#   scripts/setup.sh --test   also what the tests need (xvfb, jekyll, imagemagick, icon tools)
# Runs as root or through sudo; installs only what is missing, so a second run is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[[ "${1:-}" == "--test" ]] && want_tests=1

# Qt's xcb platform plugin and QtWebEngine's Chromium load these at run time.
app_packages=(
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libegl1 libgl1 libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libasound2
  libfontconfig1 libdbus-1-3 fonts-noto-cjk fonts-noto-color-emoji python3-venv git
  libenchant-2-2 hunspell-ko hunspell-en-us
)
test_packages=(xvfb xauth jekyll imagemagick desktop-file-utils librsvg2-bin)

packages=("${app_packages[@]}")
((want_tests)) && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  echo "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if ((want_tests)); then
  .venv/bin/python -m pip install -q -e ".[dev]"
else
  .venv/bin/python -m pip install -q -e .
fi
