#!/usr/bin/env bash
# Installs the Debian packages that the end-to-end tests need:
#   chromium       the browser that playwright-core drives (headless)
#   ripgrep        `rg`, seeded into @vscode/ripgrep's download cache so that
#                  installing code-server never reaches out to GitHub
#   libkrb5-dev    headers for the `kerberos` native module of code-server
#   build-essential, python3   node-gyp toolchain for code-server's native modules
#
# Idempotent: does nothing when everything is already installed.
# Must run as root (or through sudo when it is available).
set -euo pipefail

PACKAGES=(chromium ripgrep libkrb5-dev build-essential python3)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
  if [ "$status" != "installed" ]; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "e2e deps: already installed (${PACKAGES[*]})"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "e2e deps: missing ${missing[*]}; run this script as root" >&2
    exit 1
  fi
fi

echo "e2e deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q "${missing[@]}"
echo "e2e deps: done"
