# syntax=docker/dockerfile:1
# One image for both Trellis processes: the API (the default) and the worker. There is no build
# step: tsx runs the TypeScript sources directly. Commands call tsx itself rather than `npm run
# start:api` / `npm run start:worker` (the same scripts), because npm does not forward SIGTERM to
# the process, which then never shuts down gracefully; tsx does forward it.
FROM node:20-bookworm-slim

WORKDIR /app

# Manifests first, so a source edit does not re-run `npm ci`. npm ci links the workspaces, so every
# workspace's package.json must be here; scripts/compose.test.ts checks that none is missing.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY packages/client/package.json packages/client/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/devstack/package.json packages/devstack/
COPY packages/executors/package.json packages/executors/
COPY packages/workflows/package.json packages/workflows/

# devDependencies stay: tsx, the runtime, is one of them. (NODE_ENV=production here would drop them.)
RUN npm ci --no-audit --no-fund \
  && npm cache clean --force

# Sources (see .dockerignore), owned by root and read-only to the app user.
COPY . .

ENV NODE_ENV=production
USER node
EXPOSE 3000
CMD ["/app/node_modules/.bin/tsx", "apps/api/src/index.ts"]
