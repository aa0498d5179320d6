#!/usr/bin/env bash
# System packages the test suite needs that npm can't provide, from Debian's archive:
# Chromium for the end-to-end tests (Playwright's own browser download can't run offline) and
# ffmpeg for video posters. Installs only what is missing; needs root when something is.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)

if ((${#missing[@]} == 0)); then
  echo "test dependencies present: chromium, ffmpeg"
  exit 0
fi
echo "installing: ${missing[*]}"
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
