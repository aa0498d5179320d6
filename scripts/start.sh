#!/usr/bin/env bash
# `npm start`: the production server that `npm run build` made, run as the Docker image runs it.
# next.config.ts builds `output: "standalone"`, which `next start` does not serve; its
# .next/standalone/server.js does, once the static files are beside it (Next leaves copying them
# to the deployer). PORT (3000) and HOSTNAME (0.0.0.0) choose where it listens.
set -euo pipefail
cd "$(dirname "$0")/.."

standalone=.next/standalone
if [[ ! -f $standalone/server.js ]]; then
  echo "No standalone build in $standalone: run \`npm run build\` first." >&2
  exit 1
fi

# Fresh copies, so files from an older build can't linger.
rm -rf "$standalone/.next/static" "$standalone/public"
cp -R .next/static "$standalone/.next/static"
if [[ -d public ]]; then cp -R public "$standalone/public"; fi
# server.js reads .env files from its own folder, and the build copied only .env and
# .env.production as they were then: bring today's, .local ones included, as `next start` reads.
for file in .env .env.production .env.local .env.production.local; do
  rm -f "$standalone/$file"
  if [[ -f $file ]]; then cp "$file" "$standalone/$file"; fi
done

# server.js runs from its own folder, so a relative DATA_DIR would land inside the build (and be
# lost with the next one): resolve it against the repository, where `npm run dev` keeps it. It
# may come from the environment or an .env file: read it as Next will (@next/env, Next's loader).
data_dir=$(node -e '
  require("@next/env").loadEnvConfig(process.cwd(), false, { info() {}, error: console.error });
  process.stdout.write(process.env.DATA_DIR || ".data");
')
[[ $data_dir == /* ]] || data_dir="$PWD/$data_dir"
export DATA_DIR=$data_dir

exec node "$standalone/server.js"
