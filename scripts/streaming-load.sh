#!/usr/bin/env bash
# Live streams under load (not a test): `npm run bench:streaming`. Builds if there is no
# production build, then runs tests/perf/streaming-load.ts, which starts the app on a fresh
# database, holds STREAMS (1,000) idle home streams on that one process and reports their extra
# resident memory and how long one event takes to reach all of them. It lives under tests/ because
# it drives the app with the test harness (tests/support), which only tests/ may import.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || npm run build
exec npx tsx tests/perf/streaming-load.ts
