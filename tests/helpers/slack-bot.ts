import path from 'node:path';
import { Writable } from 'node:stream';
import type { CustomRoute } from '@slack/bolt';
import { type RunningSlack, startSlack } from '../../src/adapters/slack/index.js';
import type { SlackConfig } from '../../src/config.js';
import type { Engine } from '../../src/core/engine-types.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { createLogger } from '../../src/logger.js';
import type { ChannelPolicy } from '../../src/services/channel-policy.js';
import { createServices, type Observer, type Services, type SharedState } from '../../src/services/index.js';
import type { Insights } from '../../src/services/insights.js';
import { MemoryFeedbackStore } from '../../src/services/memory.js';
import { SIGNING_SECRET } from './slack-requests.js';
import { SlackServer, waitFor } from './slack-server.js';

/** Starts the real briefbot Slack adapter (real engine, real Bolt) against a local Slack server. */

let engine: Engine | undefined;
/** The real engine over the repository's knowledge/ folder, loaded once per test file. */
export function realEngine(): Engine {
  engine ??= loadEngineFromDir(path.resolve('knowledge'));
  return engine;
}

/** Fast Web API retries for tests: failures are retried within milliseconds. */
export const FAST_RETRY = { retries: 3, factor: 1, minTimeout: 20, maxTimeout: 50 };

export interface LogLine {
  level: number;
  msg: string;
  errorId?: string;
  err?: { message: string; stack?: string };
  [key: string]: unknown;
}

export interface TestBot {
  server: SlackServer;
  bot: RunningSlack;
  services: Services;
  feedback: MemoryFeedbackStore;
  logs: LogLine[];
  /** POST /slack/events on the bot (HTTP mode). */
  eventsUrl: string;
  /** Replaces the engine getter (to make handlers fail). */
  setEngine(get: () => Engine): void;
  /** Waits for a log line with this message (and these fields). */
  waitForLog(msg: string, fields?: Record<string, unknown>): Promise<LogLine>;
  close(): Promise<void>;
}

export interface TestBotOptions {
  mode?: 'http' | 'socket';
  rateLimitPerMinute?: number;
  customRoutes?: CustomRoute[];
  /** Shared state (memory by default): a RedisState makes several test bots one cluster. */
  state?: SharedState;
  /** Web API request timeout (the app's default otherwise). */
  timeoutMs?: number;
  observer?: Observer;
  /** Slack user ids who see the App Home's usage figures. */
  adminUsers?: string[];
  insights?: Insights;
  /** The channel policy getter (default: mention everywhere). */
  policy?: () => ChannelPolicy;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const server = await SlackServer.start();
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  let getEngine: () => Engine = realEngine;
  const feedback = new MemoryFeedbackStore();
  const services = createServices({
    engine: () => getEngine(),
    logger,
    feedback,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1000,
    ...(options.state ? { state: options.state } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
    ...(options.insights ? { insights: options.insights, observer: options.insights } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const config: SlackConfig =
    options.mode === 'socket'
      ? { botToken: 'xoxb-test-token', appToken: 'xapp-test-token', apiUrl: server.apiUrl, mode: 'socket' }
      : { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: server.apiUrl, mode: 'http' };
  if (options.adminUsers) config.adminUsers = options.adminUsers;
  const bot = await startSlack(config, services, {
    port: 0,
    host: '127.0.0.1',
    retryConfig: FAST_RETRY,
    ...(options.customRoutes ? { customRoutes: options.customRoutes } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    server,
    bot,
    services,
    feedback,
    logs,
    eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    setEngine(get) {
      getEngine = get;
    },
    waitForLog(msg, fields = {}) {
      return waitFor(
        () => logs.find((l) => l.msg === msg && Object.entries(fields).every(([k, v]) => l[k] === v)),
        5000,
        `log "${msg}"`,
      );
    },
    async close() {
      await bot.stop();
      await server.close();
    },
  };
}
