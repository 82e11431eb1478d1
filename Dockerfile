# syntax=docker/dockerfile:1
# The market image: one image, three roles chosen by the command.
#   node api/dist/main.js web        HTTP API (the default CMD)
#   node api/dist/main.js worker     Temporal worker
#   node api/dist/cli/migrate.js up  database migrations (run once per release, before web and worker)

ARG NODE_IMAGE=node:22-bookworm-slim

# ---- build: install every dependency, compile TypeScript, then drop dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false

# Manifests first, so the dependency layer is reused until one of them changes.
# Keep this list in step with "workspaces" in package.json: npm ci needs every workspace's package.json.
COPY package.json package-lock.json ./
COPY schemas/package.json schemas/
COPY db/package.json db/
COPY adapters/package.json adapters/
COPY activities/package.json activities/
COPY workflows/package.json workflows/
COPY api/package.json api/
COPY admin/package.json admin/
COPY storefront/package.json storefront/
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build \
 && npm run build:workflows -- dist/workflow-bundle.js \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime: compiled JS and production dependencies only, as a non-root user ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app

# The code stays owned by root (read-only to the app); only DATA_DIR is writable.
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data

USER node
EXPOSE 3000

# Only the web role serves HTTP; the worker and migration containers disable this check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "--max-old-space-size=192", "api/dist/main.js", "web"]
