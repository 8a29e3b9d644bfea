import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { QUICK_REQUESTS } from '../../ops/server.js';

/**
 * Serves custom routes (/healthz, /metrics) in Socket Mode. Bolt's SocketModeReceiver can serve them
 * too, but it listens on every interface whatever the host, does not wait for the port, and an
 * EADDRINUSE there is an unhandled 'error' event that ends the process. Here start() resolves once
 * listening and rejects on a busy port.
 */
export async function startRoutesServer(routes: CustomRoute[], port: number, host?: string): Promise<Server> {
  const server = createServer(QUICK_REQUESTS, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const route = routes.find(
      (r) =>
        r.path === path &&
        (Array.isArray(r.method) ? r.method : [r.method]).some((m) => m.toUpperCase() === method),
    );
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route.handler(Object.assign(req, { params: {} }), res);
  });
  server.listen(port, host);
  // Rejects on an 'error' (a busy port) before 'listening'.
  await once(server, 'listening');
  return server;
}
