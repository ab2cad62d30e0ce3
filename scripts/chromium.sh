#!/usr/bin/env bash
# Install Debian's chromium, chromium-driver and basic fonts (used by tests/test_html.py and bench/bench_html.py to open
# the HTML view in headless Chromium) when they are missing. Idempotent: does nothing when both are there.
# Needs root (or sudo) and Debian's package archive; selenium never downloads a browser or a driver.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium.sh: $(chromium --version 2>/dev/null || echo chromium) and chromedriver already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "chromium.sh: need root (or sudo) to apt-get install chromium chromium-driver" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation fonts-dejavu-core >/dev/null
echo "chromium.sh: installed $(chromium --version 2>/dev/null) and $(chromedriver --version 2>/dev/null | head -c 60)"
