# briefbot image: build with dev dependencies, run the compiled output with production dependencies only.
#   docker build -t briefbot .
#   docker run --env-file .env -p 3000:3000 -v "$PWD/knowledge:/app/knowledge:ro" -v briefbot-data:/app/data briefbot

# ---- build: TypeScript → dist/ ----
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime ----
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The built-in knowledge; mount a folder on /app/knowledge to replace it (edits are hot-reloaded).
COPY knowledge ./knowledge
COPY assets ./assets
RUN mkdir -p /app/data && chown node:node /app/data
# The node user (uid 1000) comes with the official image.
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# No curl in slim images: node itself asks /healthz (200 when every adapter is connected).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
