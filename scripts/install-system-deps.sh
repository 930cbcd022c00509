#!/usr/bin/env bash
# Installs the system packages the tests use, from Debian's packages: Chromium (the task pane and
# preview in a real browser, the HTML report) and LibreOffice Calc (recalculates the workbooks we
# write). Safe to run again; installs only what is missing. Needs root (or sudo).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# Fonts so that rendered pages and PDFs show Norwegian letters.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "System packages present: chromium, libreoffice-calc-nogui."
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed: ${need[*]}"
