import { App, type CustomRoute, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Services } from '../../services/index.js';
import type { EventJournal } from '../../services/journal.js';
import { agentFetch } from './agent-fetch.js';
import { boltLogger } from './bolt-logger.js';
import { fastChat } from './chat.js';
import { logUnhandled } from './errors.js';
import { BODY_LIMIT_BYTES, guardRequests } from './http-guard.js';
import { idempotentFetch } from './idempotent-fetch.js';
import { journalEvents } from './journal.js';
import { registerListeners } from './listeners/index.js';

/** Where Slack sends events, commands and interactivity in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/**
 * Web API retries: a few quick ones, then give up. Bolt's default keeps retrying for about 30 minutes,
 * and an answer that late is worse than the apology. A 429 waits for its Retry-After first.
 */
export const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 4000,
};

export interface SlackAppOptions {
  retryConfig?: webApi.RetryOptions;
  /** HTTP mode only: routes served by the same server as /slack/events. */
  customRoutes?: CustomRoute[];
  /** Web API request timeout (default 10 s). */
  timeoutMs?: number;
  /** Acknowledged question events are journaled here until answered (journal.ts). */
  journal?: EventJournal;
}

/**
 * A Web API call without an answer after this long fails and is retried. A chat.postMessage that timed
 * out may still have landed: idempotent-fetch.ts looks for it before posting again, so a timeout never
 * doubles a reply and need not be long.
 */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface SlackApp {
  app: App;
  /** The adapter's logger (component "slack"). */
  log: Logger;
  mode: 'socket' | 'http';
  /** Set in Socket Mode: its client reports the connection state. */
  socket?: SocketModeReceiver;
  /** Replies still being worked on (stop() waits for them). */
  inFlight(): number;
  /** Closes the Web API client's idle keep-alive sockets (after stop). */
  closeSockets(): void;
}

/**
 * Builds the Bolt app without starting it (call `app.init()`, then `app.start()`): Socket Mode when an
 * app token is set, else HTTP mode checking every request's signature.
 *
 * HTTP mode keeps `processBeforeResponse: false`: Slack gets its 200 as soon as the request is verified
 * and acked, and the answer follows through the Web API. Waiting for the answer before responding
 * would tie the ack to the Web API (a 429 with Retry-After easily passes Slack's 3-second deadline,
 * which brings a retry) and would send a slash command's respond() before its ack.
 */
export function createSlackApp(
  config: SlackConfig,
  services: Services,
  options: SlackAppOptions = {},
): SlackApp {
  const log = slackLogger(services.logger);
  const logger = boltLogger(log);
  // One keep-alive agent for every Web API call (agent-fetch.ts), made safe to retry (idempotent-fetch.ts).
  const webFetch = agentFetch();
  const fetch = idempotentFetch(log, webFetch);
  const clientOptions = (): webApi.WebClientOptions => ({
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  });

  let socket: SocketModeReceiver | undefined;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.appToken) {
    // Its apps.connections.open goes through these client options, so SLACK_API_URL applies to it too.
    socket = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      installerOptions: { clientOptions: clientOptions() },
    });
    receiver = socket;
  } else {
    if (!config.signingSecret)
      throw new Error('Slack HTTP mode needs a signing secret (SLACK_SIGNING_SECRET)');
    const http = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      customRoutes: options.customRoutes ?? [],
      processBeforeResponse: false,
      bodyLimit: BODY_LIMIT_BYTES,
      logger,
    });
    // Size, signature headers and a memory budget are checked before a byte of the body is read; the
    // signature itself as the body arrives, so a forged body never reaches Bolt.
    http.requestListener = guardRequests(http.requestListener, {
      path: EVENTS_PATH,
      signingSecret: config.signingSecret,
      onReject: (status, reason) => log.debug({ status, reason }, 'slack request refused before reading'),
    });
    receiver = http;
  }

  const app = new App({
    token: config.botToken,
    receiver,
    ...(socket ? { socketMode: true } : {}),
    logger,
    clientOptions: clientOptions(),
    // auth.test runs in app.init(), where a bad token or an unreachable API is a catchable error.
    deferInitialization: true,
    convoStore: false,
    // Messages from this app and other bots are dropped (and logged) by listeners/guard.ts, in one place.
    ignoreSelf: false,
  });

  // Replies (chat.postMessage / postEphemeral) skip the client's per-call extras (chat.ts).
  const installChat = fastChat({
    fetch,
    retry: options.retryConfig ?? DEFAULT_RETRY,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  let inFlight = 0;
  app.use(async ({ client, next }) => {
    installChat(client);
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
  if (options.journal) journalEvents(app, options.journal, log);
  registerListeners(app, { ...services, logger: log }, { admins: new Set(config.adminUsers ?? []) });
  app.error(logUnhandled(log));

  return {
    app,
    log,
    mode: socket ? 'socket' : 'http',
    ...(socket ? { socket } : {}),
    inFlight: () => inFlight,
    closeSockets: () => webFetch.destroy(),
  };
}

/** A child logger with component "slack", unless the one given already has it. */
function slackLogger(logger: Logger): Logger {
  return logger.bindings().component === 'slack' ? logger : logger.child({ component: 'slack' });
}
