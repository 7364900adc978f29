#!/usr/bin/env bash
# Makes sure the browser tests find a Chromium: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, which it installs
# (as root) with the font that draws Cyrillic and every Kazakh letter when missing. Idempotent; nothing else is downloaded:
# the tests drive this browser through Microsoft.Playwright's bundled driver.
set -euo pipefail

BROWSER="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$BROWSER" ]; then
  echo "chromium: using $BROWSER"
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; fix it or unset it" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium: /usr/bin/chromium is missing, and installing it needs root (or set CHROMIUM_PATH to a Chromium)" >&2
  exit 1
fi

echo "chromium: installing the chromium and fonts-dejavu-core packages"
export DEBIAN_FRONTEND=noninteractive
# Without --no-install-recommends the install pulls a hundred packages (systemd, perl, samba libraries) it does not need.
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[ -x "$BROWSER" ] || { echo "chromium: installed, but $BROWSER is still missing" >&2; exit 1; }
echo "chromium: ready at $BROWSER"
