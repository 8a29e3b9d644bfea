import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsRoute } from './health.js';

/** Headers within 5 s, the whole request within 10 s, checked every second. */
export const QUICK_REQUESTS = {
  headersTimeout: 5000,
  requestTimeout: 10_000,
  connectionsCheckingInterval: 1000,
} as const;

/** The health and metrics server used when Slack's HTTP server is not there to serve the routes. */
export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0 for a free one); rejects when the port is busy. */
export async function startOpsServer(routes: OpsRoute[], port: number, host?: string): Promise<OpsServer> {
  // GET-only routes: a client that is slow to send its request is cut off (Node's defaults wait minutes).
  const server: Server = createServer(QUICK_REQUESTS, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (!route.method.includes(method)) {
      res.writeHead(405, { allow: route.method.join(', ') }).end();
      return;
    }
    route.handler(req, res);
  });
  server.keepAliveTimeout = 5000;
  server.listen(port, host);
  // Rejects on an 'error' (a busy port) before 'listening'.
  await once(server, 'listening');
  server.on('error', () => {});
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
