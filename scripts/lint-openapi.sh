#!/usr/bin/env bash
# Lints the OpenAPI document the app serves at /api/openapi.json with Redocly's recommended rules
# (redocly.yaml says which are off and why): `npm run lint:openapi`, a step of `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

out=test-results/openapi.json
node --conditions=react-server --import tsx scripts/write-openapi-document.ts "$out"
# No telemetry or update check: the lint runs offline, in CI as on a laptop.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --no-install redocly lint "$out"
