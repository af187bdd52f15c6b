# syntax=docker/dockerfile:1
# One image for both Trellis processes: the API (the default command) and the worker
# (`node dist/bin/worker.js`). The build stage compiles with `npm run build`; the runtime stage has
# production dependencies only and runs node on the compiled output (no tsx, no bundling at start).
FROM node:20-bookworm-slim AS build

WORKDIR /app

# Manifests first, so a source edit does not re-run `npm ci`. npm ci links the workspaces, so every
# workspace's package.json must be here; scripts/compose.test.ts checks that none is missing.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/console/package.json apps/console/
COPY apps/worker/package.json apps/worker/
COPY packages/client/package.json packages/client/
COPY packages/definition/package.json packages/definition/
COPY packages/db/package.json packages/db/
COPY packages/devstack/package.json packages/devstack/
COPY packages/executors/package.json packages/executors/
COPY packages/workflows/package.json packages/workflows/
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

FROM node:20-bookworm-slim

WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/console/package.json apps/console/
COPY --from=build /app/apps/worker/package.json apps/worker/
COPY --from=build /app/packages/client/package.json packages/client/
COPY --from=build /app/packages/definition/package.json packages/definition/
COPY --from=build /app/packages/db/package.json packages/db/
COPY --from=build /app/packages/devstack/package.json packages/devstack/
COPY --from=build /app/packages/executors/package.json packages/executors/
COPY --from=build /app/packages/workflows/package.json packages/workflows/
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force
COPY --from=build /app/dist dist
COPY --from=build /app/apps/console/dist apps/console/dist

ENV NODE_ENV=production
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
USER node
EXPOSE 3000
CMD ["node", "dist/bin/api.js"]
