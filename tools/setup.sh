#!/usr/bin/env bash
# Installs what this machine needs beyond the .NET 10 SDK to run the platform's tests, and nothing when it is there.
# Idempotent; safe to run on every test run. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=()
need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 || packages+=("$2")
}

need dotnet dotnet-sdk-10.0
# The web console's build fetches its charting library with npm; its browser tests drive Debian's Chromium.
need node nodejs
need npm npm
need chromium chromium
need chromedriver chromium-driver
# The CLI's live progress display is tested in a real terminal that tmux provides.
need tmux tmux

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  echo "setup: installing ${packages[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi
