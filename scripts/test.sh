#!/usr/bin/env bash
# The whole test suite, in order, stopping at the first failing step: `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

steps=(db:generate lint lint:openapi format:check typecheck test:unit build test:integration test:e2e)

for step in "${steps[@]}"; do
  printf '\n\033[1m==> npm run %s\033[0m\n' "$step"
  started=$SECONDS
  if ! npm run --silent "$step"; then
    printf '\n\033[1;31m==> %s failed\033[0m\n' "$step" >&2
    exit 1
  fi
  printf '\033[2m==> %s passed in %ss\033[0m\n' "$step" "$((SECONDS - started))"
done

printf '\n\033[1;32m==> all %s steps passed\033[0m\n' "${#steps[@]}"
