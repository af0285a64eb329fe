#!/usr/bin/env bash
# Installs code-server (VS Code for the web, published on npm) into .e2e/code-server/
# together with the Debian packages it and headless Chromium need.
#
# Idempotent: a finished install leaves a stamp file; later runs check the stamp and
# `code-server --version` and return in well under a second.
#
# Why not a plain `npm install code-server`: its postinstall downloads ripgrep from
# GitHub, which this network does not reach. We install with --ignore-scripts and do the
# postinstall's work ourselves (native rebuilds, ripgrep from Debian, a few links).
#
# Environment:
#   KG_E2E_DIR               base dir for the install (default: <repo>/.e2e)
#   KG_CODE_SERVER_VERSION   code-server version (default 4.100.3; newer ones need Node 22+)
#   KG_SKIP_APT=1            never call apt-get (only report what is missing)
#   KG_FORCE_REINSTALL=1     ignore the stamps (repo and machine cache) and reinstall
#   KG_E2E_CACHE             machine-wide copy of a finished install, reused by new clones on the
#                            same machine (default: ${XDG_CACHE_HOME:-~/.cache}/kube-guardrails-e2e;
#                            "off" disables it)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="${KG_CODE_SERVER_VERSION:-4.100.3}"
BASE="${KG_E2E_DIR:-$ROOT/.e2e}"
DEST="$BASE/code-server"
STAMP="$DEST/.kg-installed"
CACHE_ROOT="${KG_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-guardrails-e2e}"
CACHED="$CACHE_ROOT/code-server-$VERSION"
APT_PACKAGES=(libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev ripgrep chromium)

t_all=$(date +%s.%N)
t_step=$t_all
log() { printf '[install-code-server] %s\n' "$*"; }
step_done() {
  local now; now=$(date +%s.%N)
  log "$(awk -v a="$now" -v b="$t_step" -v l="$1" 'BEGIN{printf "%-46s %7.1fs", l, a-b}')"
  t_step=$now
}
elapsed_total() { awk -v a="$(date +%s.%N)" -v b="$t_all" 'BEGIN{printf "%.1f", a-b}'; }

# ---------------------------------------------------------------- system packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
# Native modules are compiled with node-gyp: it needs make, a C++ compiler and python3.
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "${KG_SKIP_APT:-}" = "1" ]; then
    log "ERROR: missing Debian packages: ${missing[*]} (KG_SKIP_APT=1, not installing)"
    log "       install them with: apt-get install -y ${missing[*]}"
    exit 2
  fi
  SUDO=()
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      SUDO=(sudo -n)
    else
      log "ERROR: these Debian packages are missing and this user is not root:"
      log "         ${missing[*]}"
      log "       Install them first, as root:"
      log "         apt-get update && apt-get install -y ${missing[*]}"
      exit 2
    fi
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  step_done "apt-get install (${#missing[@]} packages)"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi

RG="$(command -v rg || true)"
if [ -z "$RG" ]; then
  log "ERROR: ripgrep (rg) not on PATH after installing packages"; exit 2
fi

# code-server writes a default config into $XDG_CONFIG_HOME on every start; keep ours local.
export XDG_CONFIG_HOME="$BASE/xdg-config"

# ---------------------------------------------------------------- cached?
works() { # $1: install dir
  [ -f "$1/.kg-installed" ] && [ "$(cat "$1/.kg-installed")" = "$VERSION" ] || return 1
  local out
  out="$("$1/node_modules/.bin/code-server" --version 2>/dev/null)" && grep -q "^$VERSION " <<<"$out"
}
if [ "${KG_FORCE_REINSTALL:-}" != "1" ]; then
  if works "$DEST"; then
    log "code-server $VERSION already installed in $DEST (cached) — $(elapsed_total)s"
    exit 0
  fi
  if [ "${KG_E2E_CACHE:-}" != "off" ] && works "$CACHED"; then
    mkdir -p "$BASE"
    rm -rf "$DEST.partial" && cp -a "$CACHED" "$DEST.partial" && rm -rf "$DEST" && mv "$DEST.partial" "$DEST"
    if works "$DEST"; then
      log "code-server $VERSION copied from the machine cache $CACHED — $(elapsed_total)s"
      exit 0
    fi
    log "copy from the machine cache does not start; reinstalling"
  fi
fi

# ---------------------------------------------------------------- install
# npm must build native modules against the local Node headers (no header download here).
if [ -z "$(npm config get nodedir 2>/dev/null | grep -v '^undefined$' || true)" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

mkdir -p "$BASE"
STAGE="$BASE/code-server.partial"
rm -rf "$STAGE"
mkdir -p "$STAGE"
# Its own package.json so npm never treats the repository as the install prefix.
printf '{ "name": "kg-e2e-code-server", "private": true }\n' > "$STAGE/package.json"
log "installing code-server@$VERSION (npm, scripts off) into $STAGE"
(cd "$STAGE" && npm install "code-server@$VERSION" --ignore-scripts --no-save --loglevel=error)
step_done "npm install code-server@$VERSION"

CS="$STAGE/node_modules/code-server"
VS="$CS/lib/vscode"
(cd "$VS" && npm install --omit=dev --ignore-scripts --loglevel=error)
step_done "npm install lib/vscode --omit=dev"

(cd "$VS" && npm_config_yes=true npm rebuild kerberos node-pty @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid --loglevel=error)
step_done "native rebuild (lib/vscode)"

# argon2 is hoisted to the stage's node_modules; build it from source (node-pre-gyp would
# otherwise try to fetch a prebuilt binary first).
(cd "$STAGE" && npm rebuild argon2 --build-from-source --loglevel=error)
step_done "native rebuild (argon2)"

# What code-server's postinstall would have done.
ln -sfn node_modules "$VS/node_modules.asar"
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sfn "$RG" "$VS/node_modules/@vscode/ripgrep/bin/rg"
if [ -d "$VS/bin/remote-cli" ]; then ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"; fi
if [ -d "$VS/bin/helpers" ]; then ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"; fi

out="$("$STAGE/node_modules/.bin/code-server" --version 2>&1)" || { log "ERROR: code-server --version failed:"; echo "$out"; exit 1; }
if ! grep -q "^$VERSION " <<<"$out"; then log "ERROR: unexpected code-server --version output:"; echo "$out"; exit 1; fi
log "code-server --version: $(grep "^$VERSION " <<<"$out")"
echo "$VERSION" > "$STAGE/.kg-installed"

# Swap in atomically-ish; an interrupted run leaves only the .partial dir behind.
rm -rf "$DEST"
mv "$STAGE" "$DEST"
step_done "links + check"
if [ "${KG_E2E_CACHE:-}" != "off" ]; then
  if mkdir -p "$CACHE_ROOT" 2>/dev/null && rm -rf "$CACHED.partial" && cp -a "$DEST" "$CACHED.partial" && rm -rf "$CACHED" && mv "$CACHED.partial" "$CACHED"; then
    step_done "copy to machine cache $CACHED"
  else
    log "note: could not store a copy in $CACHE_ROOT (continuing)"
  fi
fi
log "code-server $VERSION installed in $DEST — first-time install took $(elapsed_total)s"
