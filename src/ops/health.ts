import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunningAdapter } from '../adapters/types.js';
import type { Engine } from '../core/index.js';
import type { Metrics } from '../services/metrics.js';

/** A GET route, shaped like Bolt's CustomRoute so Slack's HTTP server can serve it too. */
export interface OpsRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export interface HealthSources {
  adapters(): RunningAdapter[];
  engine(): Engine | undefined;
  metrics: Metrics;
  /** False once shutdown has begun: the load balancer should stop sending traffic. */
  accepting(): boolean;
  /** Where the shared state lives right now; "degraded" while Redis is down (memory answers). */
  sharedState?(): SharedStateStatus;
  /** True while questions in flight are at MAX_IN_FLIGHT (backpressure): /readyz says not ready. */
  busy?(): boolean;
}

export type SharedStateStatus = 'memory' | 'redis' | 'degraded';

export interface HealthReport {
  /** ok; degraded (still serving, from per-instance memory); unavailable (take it out). */
  status: 'ok' | 'degraded' | 'unavailable';
  adapters: { name: string; healthy: boolean }[];
  knowledge: { entries: number };
  sharedState: SharedStateStatus;
  /** Present (true) only while the in-flight bound is reached. */
  busy?: true;
}

/**
 * Unavailable when shutting down, without knowledge or with an adapter disconnected; degraded when it
 * serves but the shared state fell back to per-instance memory; ok otherwise.
 */
export function healthReport(sources: HealthSources): HealthReport {
  const adapters = sources.adapters().map((a) => ({ name: a.name, healthy: safeHealthy(a) }));
  const entries = sources.engine()?.size ?? 0;
  const sharedState = sources.sharedState?.() ?? 'memory';
  const serving = sources.accepting() && entries > 0 && adapters.every((a) => a.healthy);
  const status = !serving ? 'unavailable' : sharedState === 'degraded' ? 'degraded' : 'ok';
  const report: HealthReport = { status, adapters, knowledge: { entries }, sharedState };
  if (sources.busy?.()) report.busy = true;
  return report;
}

export interface PublicRouteOptions {
  /** When set, /metrics and the detailed health are also served here, to `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/**
 * The routes of the public port (next to /slack/events): GET /healthz — 200 while serving (ok or
 * degraded), 503 when unavailable — and GET /readyz — 200 only when ok — both with the status alone.
 * Nothing else unless a bearer token is configured and given.
 */
export function publicRoutes(sources: HealthSources, options: PublicRouteOptions = {}): OpsRoute[] {
  const token = options.metricsToken;
  const authorized = (req: IncomingMessage) => token !== undefined && bearerMatches(req, token);
  const routes = healthRoutes(sources, authorized);
  if (token !== undefined) {
    const metrics = cachedMetrics(sources.metrics);
    routes.push({
      path: '/metrics',
      method: ['GET'],
      handler(req, res) {
        if (!authorized(req)) {
          res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' }).end();
          return;
        }
        metrics(res);
      },
    });
  }
  return routes;
}

/**
 * The routes of the private ops port (127.0.0.1 by default): the detailed /healthz and /readyz, and
 * /metrics (Prometheus text).
 */
export function opsRoutes(sources: HealthSources): OpsRoute[] {
  const metrics = cachedMetrics(sources.metrics);
  return [
    ...healthRoutes(sources, () => true),
    { path: '/metrics', method: ['GET'], handler: (_req, res) => metrics(res) },
  ];
}

/** GET /healthz (live) and GET /readyz (ready): the whole report when `detailed(req)`, else the status alone. */
function healthRoutes(sources: HealthSources, detailed: (req: IncomingMessage) => boolean): OpsRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (req, res) => sendHealth(res, healthReport(sources), 'live', detailed(req)),
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (req, res) => sendHealth(res, healthReport(sources), 'ready', detailed(req)),
    },
  ];
}

function sendHealth(
  res: ServerResponse,
  report: HealthReport,
  kind: 'live' | 'ready',
  detailed: boolean,
): void {
  // A saturated instance is alive but not ready: the load balancer sends new work elsewhere.
  const up = kind === 'live' ? report.status !== 'unavailable' : report.status === 'ok' && !report.busy;
  res
    .writeHead(up ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(detailed ? report : { status: report.status }));
}

/** Prometheus text, computed at most once a second however often it is scraped. */
function cachedMetrics(metrics: Metrics): (res: ServerResponse) => void {
  let cached: { at: number; text: Promise<string> } | undefined;
  return (res) => {
    const now = Date.now();
    if (!cached || now - cached.at >= 1000) cached = { at: now, text: metrics.registry.metrics() };
    cached.text.then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: Error) => {
        cached = undefined;
        res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message);
      },
    );
  };
}

/** Compares `Authorization: Bearer …` with the token in constant time. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

function safeHealthy(adapter: RunningAdapter): boolean {
  try {
    return adapter.healthy();
  } catch {
    return false;
  }
}
