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
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  adapters: { name: string; healthy: boolean }[];
  knowledge: { entries: number };
}

/** Healthy when not shutting down, the knowledge is loaded and every configured adapter is connected. */
export function healthReport(sources: HealthSources): HealthReport {
  const adapters = sources.adapters().map((a) => ({ name: a.name, healthy: safeHealthy(a) }));
  const entries = sources.engine()?.size ?? 0;
  const ok = sources.accepting() && entries > 0 && adapters.every((a) => a.healthy);
  return { status: ok ? 'ok' : 'unavailable', adapters, knowledge: { entries } };
}

/** GET /healthz (200 or 503 with JSON detail) and GET /metrics (Prometheus text). */
export function opsRoutes(sources: HealthSources): OpsRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler(_req, res) {
        const report = healthReport(sources);
        res
          .writeHead(report.status === 'ok' ? 200 : 503, {
            'content-type': 'application/json',
            'cache-control': 'no-store',
          })
          .end(JSON.stringify(report));
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler(_req, res) {
        sources.metrics.registry.metrics().then(
          (text) => res.writeHead(200, { 'content-type': sources.metrics.registry.contentType }).end(text),
          (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message),
        );
      },
    },
  ];
}

function safeHealthy(adapter: RunningAdapter): boolean {
  try {
    return adapter.healthy();
  } catch {
    return false;
  }
}
