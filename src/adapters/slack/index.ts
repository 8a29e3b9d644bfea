import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, CustomRoute, webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Services } from '../../services/index.js';
import type { EventJournal } from '../../services/journal.js';
import type { RunningAdapter } from '../types.js';
import { createSlackApp } from './app.js';
import { SERVER_OPTIONS } from './http-guard.js';
import { resumePending } from './journal.js';
import { startRoutesServer } from './routes-server.js';

export { createSlackApp, DEFAULT_RETRY, EVENTS_PATH, type SlackApp, type SlackAppOptions } from './app.js';
export { renderReply } from './render.js';

export interface SlackStartOptions {
  /** HTTP mode: events, commands and interactivity at POST /slack/events; custom routes in both modes. */
  port: number;
  host?: string;
  customRoutes?: CustomRoute[];
  retryConfig?: webApi.RetryOptions;
  /** Web API request timeout (default 10 s). */
  timeoutMs?: number;
  /** Journal of acknowledged events; those a crashed run left are answered after start. */
  journal?: EventJournal;
}

export interface RunningSlack extends RunningAdapter {
  app: App;
  mode: 'socket' | 'http';
  /** The port actually bound (HTTP mode, or the custom routes' server in Socket Mode). */
  port?: number;
  /** Events, commands and clicks being handled right now. */
  inFlight(): number;
}

/** How long stop() waits for replies in flight, and for the Socket Mode close handshake. */
const STOP_GRACE_MS = 5000;

/**
 * Starts the Slack adapter: checks the token with auth.test, then connects in Socket Mode (custom routes
 * on their own small server) or serves HTTP mode (custom routes next to /slack/events).
 */
export async function startSlack(
  config: SlackConfig,
  services: Services,
  options: SlackStartOptions,
): Promise<RunningSlack> {
  const routes = options.customRoutes ?? [];
  const built = createSlackApp(config, services, {
    customRoutes: routes,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.journal ? { journal: options.journal } : {}),
  });
  const { app, socket, log } = built;
  await app.init();

  let server: Server | undefined;
  let connected = false;
  let stopped = false;
  if (socket) {
    socket.client.on('connected', () => {
      connected = true;
    });
    for (const state of ['disconnecting', 'disconnected', 'reconnecting']) {
      socket.client.on(state, () => {
        connected = false;
      });
    }
    await app.start();
    connected = true;
    if (routes.length > 0) server = await startRoutesServer(routes, options.port, options.host);
  } else {
    server = (await app.start(
      { port: options.port, ...(options.host ? { host: options.host } : {}) },
      SERVER_OPTIONS,
    )) as Server;
  }
  const port = (server?.address() as AddressInfo | null)?.port;
  log.info({ mode: built.mode, ...(port !== undefined ? { port } : {}) }, 'slack adapter started');
  if (options.journal) {
    const journal = options.journal;
    void resumePending(app, journal, log).catch((err: Error) =>
      log.error({ err: err.message }, 'resuming acknowledged events failed'),
    );
  }

  return {
    name: 'slack',
    app,
    mode: built.mode,
    ...(port !== undefined ? { port } : {}),
    inFlight: built.inFlight,
    healthy: () => !stopped && (socket ? connected : server?.listening === true),
    async stop() {
      if (stopped) return;
      stopped = true;
      // First stop taking events, then let the replies in flight reach Slack.
      if (socket) {
        // disconnect() resolves at the end of the close handshake; app.stop() would return before it.
        await Promise.race([socket.client.disconnect(), delay(STOP_GRACE_MS)]);
        if (server) await closeServer(server);
      } else {
        await app.stop();
      }
      const started = Date.now();
      while (built.inFlight() > 0 && Date.now() - started < STOP_GRACE_MS) await delay(20);
      built.closeSockets();
      log.info('slack adapter stopped');
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
