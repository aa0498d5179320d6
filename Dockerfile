# syntax=docker/dockerfile:1
# Grover: one Next.js server (standalone output), run as a non-root user.
#   docker build -t grover .                       # the app
#   docker build --target migrate -t grover-migrate .   # `npm run db:migrate`, for the k8s Job

ARG NODE_IMAGE=node:20-bookworm-slim

# --- dependencies ---
# No install scripts (package.json's allowScripts says the same to npm 11; the image's npm 10
# ignores that field): Prisma's would download engines it doesn't need with driver adapters, and
# the native packages (sharp, argon2) come prebuilt in npm packages.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# --- build: Prisma client, then `next build` with output: "standalone" ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# --- migrations: the full tree (tsx, scripts), run once per release before the app rolls out ---
FROM build AS migrate
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "db:migrate"]

# --- runtime: only the standalone server, its static files and the migrations ---
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/app/.data \
    NODE_OPTIONS=--max-old-space-size=256
# The heap cap keeps the server under 400 MB resident under load without costing throughput
# (measured by npm run bench, README "Performance"): without it V8 lets the heap grow to 650 MB.
# ffmpeg makes video posters (FFMPEG_PATH); without it videos get a neutral poster.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /app/.next/standalone ./
# No public/: the repository has none (a COPY of a missing folder fails the build).
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# The server applies pending migrations at start-up (instrumentation.ts) and /api/health/ready
# compares them with the database; the generated Prisma client is traced into the standalone tree.
COPY --from=build --chown=node:node /app/prisma ./prisma
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
