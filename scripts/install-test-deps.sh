#!/usr/bin/env bash
# Installs what kubekey's tests need on a fresh Debian machine, and nothing that is already there:
# the real browser, the real Secret Service and the node packages of the local OIDC provider.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(chromium gnome-keyring libsecret-tools dbus dbus-x11 openssl)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "install-test-deps: installing Debian packages: ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-test-deps: error: root is needed to install ${missing[*]}; run 'sudo $0'" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The provider and browser driver live in tests/e2e; npm ci keeps their versions locked.
if [ ! -d tests/e2e/node_modules/oidc-provider ] || [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "install-test-deps: installing node packages in tests/e2e" >&2
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
