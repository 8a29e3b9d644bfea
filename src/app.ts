import type { RunningAdapter } from './adapters/types.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { opsRoutes, publicRoutes, type SharedStateStatus } from './ops/health.js';
import { KnowledgeHolder } from './ops/knowledge.js';
import type { OpsServer } from './ops/server.js';
import { Admission } from './services/admission.js';
import type { PolicyHolder } from './services/channel-policy.js';
import { ChannelPolicy } from './services/channel-rules.js';
import { createServices } from './services/index.js';
import { Insights } from './services/insights.js';
import type { EventJournal } from './services/journal.js';
import { MemoryFeedbackStore, MemoryState } from './services/memory.js';
import type { Metrics } from './services/metrics.js';
import { LogObserver, Observers } from './services/observer.js';
import type { Services, SharedState } from './services/types.js';

/** A running briefbot: its services, the platform adapters it started, and its ops endpoints. */
export interface Briefbot {
  services: Services;
  adapters: RunningAdapter[];
  knowledge: KnowledgeHolder;
  metrics: Metrics;
  /** The public port serving /healthz and /readyz (and Slack's /slack/events in HTTP mode), when one is open. */
  port?: number;
  /** The private ops port (OPS_PORT): detailed health and /metrics. */
  opsPort?: number;
  /** Stops taking events, lets replies finish, disconnects, closes the servers, flushes the stores. */
  stop(): Promise<void>;
}

/**
 * Loads the knowledge (throws KnowledgeError when invalid), assembles the services, starts every
 * configured adapter and serves the public /healthz and /readyz: next to Slack's routes when Slack runs
 * (PORT), on a small server of our own on PORT for Discord alone, and in console mode only on
 * HEALTH_PORT. /metrics and the detailed health live on the private ops port (OPS_PORT, 127.0.0.1 by
 * default), or on the public port behind METRICS_TOKEN.
 */
export async function startBriefbot(config: Config, logger: Logger): Promise<Briefbot> {
  // Metrics are kept where a port can serve them: the console chat without HEALTH_PORT or OPS_PORT has
  // no reader for them and does not load prom-client (about 4 MB before the prompt).
  const metrics =
    config.discord || config.slack || config.healthPort || config.opsPort
      ? (await import('./services/metrics.js')).createMetrics()
      : unreadMetrics();
  const knowledge = await KnowledgeHolder.open(
    config.knowledgeDir,
    logger.child({ component: 'knowledge' }),
    {
      reloaded: (entries) => {
        metrics.setEntries(entries);
        metrics.reloaded();
      },
      failed: () => metrics.reloadFailed(),
    },
    { limits: config.knowledgeLimits },
  );
  metrics.setEntries(knowledge.current().size);
  logger.info({ entries: knowledge.current().size, dir: config.knowledgeDir }, 'knowledge loaded');

  const state = await sharedState(config, logger, metrics);
  const insights = new Insights();
  // Throws PolicyError (exit 2) when CHANNELS_FILE is invalid: start-up must fail then. The file's
  // parser (yaml, zod) is imported only when there is a file.
  const policy: Pick<PolicyHolder, 'current' | 'watch' | 'close'> = config.channelsFile
    ? new (await import('./services/channel-policy.js')).PolicyHolder(
        config.channelsFile,
        logger.child({ component: 'policy' }),
      )
    : fixedPolicy(new ChannelPolicy());
  // The console chat alone writes no records into the checkout unless DATA_DIR (or a database) is set;
  // it then loads neither SQLite nor PostgreSQL.
  const consoleOnly = !config.discord && !config.slack && !config.dataDirConfigured && !config.databaseUrl;
  const feedback = consoleOnly
    ? Object.assign(new MemoryFeedbackStore(), { close: async () => undefined })
    : await (await import('./services/store.js'))
        .openRecordStore(
          {
            dataDir: config.dataDir,
            retention: config.retention,
            ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
          },
          logger.child({ component: 'records' }),
          metrics.records,
        )
        .catch(async (err: Error) => {
          await state.close();
          throw err;
        });
  const services = createServices({
    engine: () => knowledge.current(),
    logger,
    state,
    feedback,
    observer: new Observers([new LogObserver(logger), metrics, insights]),
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.conversationTtlMinutes ? { conversationTtlSeconds: config.conversationTtlMinutes * 60 } : {}),
    insights,
    policy: () => policy.current(),
    admission: new Admission(config.maxInFlight, { rejected: (kind) => metrics.backpressure(kind) }),
  });

  const adapters: RunningAdapter[] = [];
  let accepting = true;
  const sources = {
    adapters: () => adapters,
    engine: () => knowledge.current(),
    metrics,
    accepting: () => accepting,
    sharedState: (): SharedStateStatus =>
      !config.redisUrl ? 'memory' : state.degraded?.() ? 'degraded' : 'redis',
    busy: () => services.admission.saturated(),
  };
  const routes = publicRoutes(sources, config.metricsToken ? { metricsToken: config.metricsToken } : {});
  const host = config.host ? { host: config.host } : {};
  let server: OpsServer | undefined;
  let ops: OpsServer | undefined;
  let port: number | undefined;
  let journal: EventJournal | undefined;
  try {
    // Each adapter tags its own logs with { component }.
    // Each SDK is imported only when its platform is configured: the console chat loads neither.
    if (config.discord) {
      const { startDiscord } = await import('./adapters/discord/index.js');
      adapters.push(await startDiscord(config.discord, services));
    }
    if (config.slack) {
      const { startSlack } = await import('./adapters/slack/index.js');
      journal = new (await import('./services/journal.js')).EventJournal(config.dataDir);
      const slack = await startSlack(config.slack, services, {
        port: config.port,
        ...host,
        customRoutes: routes,
        journal,
      });
      adapters.push(slack);
      port = slack.port;
    } else if (config.discord) {
      server = await startOpsServer(routes, config.port, config.host);
    } else if (config.healthPort) {
      server = await startOpsServer(routes, config.healthPort, config.host).catch((err: Error) => {
        logger.warn({ err: err.message, port: config.healthPort }, 'health server not started');
        return undefined;
      });
    }
    if (config.opsPort) {
      const opsHost = config.opsHost ?? '127.0.0.1';
      const consoleMode = !config.discord && !config.slack;
      ops = await startOpsServer(opsRoutes(sources), config.opsPort, opsHost).catch((err: Error) => {
        // The console chat runs without its metrics; a server is not started without them.
        if (!consoleMode) throw new Error(`OPS_PORT ${config.opsPort}: ${err.message}`);
        logger.warn({ err: err.message, port: config.opsPort }, 'ops server not started');
        return undefined;
      });
    }
  } catch (err) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await server?.close();
    journal?.close();
    await feedback.close();
    await state.close();
    throw err;
  }
  port = server?.port ?? port;
  const opsPort = ops?.port;
  logger.info(
    {
      ...(config.channelsFile ? { file: config.channelsFile } : {}),
      slackAuto: policy.current().autoChannels('slack'),
      discordAuto: policy.current().autoChannels('discord'),
      discordMessageContent: config.discord?.messageContent === true,
    },
    'channel policy',
  );
  if (config.reload) {
    knowledge.watch();
    policy.watch();
  }
  logger.info(
    {
      adapters: adapters.map((a) => a.name),
      ...(port !== undefined ? { port } : {}),
      ...(opsPort !== undefined ? { opsPort } : {}),
    },
    'briefbot started',
  );

  return {
    services,
    adapters,
    knowledge,
    metrics,
    ...(port !== undefined ? { port } : {}),
    ...(opsPort !== undefined ? { opsPort } : {}),
    async stop() {
      accepting = false;
      knowledge.close();
      policy.close();
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await server?.close();
      await ops?.close();
      journal?.close();
      await feedback.close();
      await state.close();
    },
  };
}

/** Opens a port: the server's module (and node:http) loads only then, not for the console chat. */
const startOpsServer: typeof import('./ops/server.js').startOpsServer = async (...args) =>
  (await import('./ops/server.js')).startOpsServer(...args);

/** Metrics nobody can read (no port serves them): every count is dropped. */
function unreadMetrics(): Metrics {
  const none = () => undefined;
  return {
    get registry(): never {
      throw new Error('no metrics registry: metrics are kept only when a port can serve them');
    },
    question: none,
    setEntries: none,
    reloaded: none,
    reloadFailed: none,
    records: { written: none, dropped: none, writeFailed: none },
    backpressure: none,
    sharedStateOutage: none,
    watchSharedState: none,
    slackPlainFallback: none,
  };
}

/** The built-in policy, when no CHANNELS_FILE is set: nothing to watch. */
function fixedPolicy(policy: ChannelPolicy): Pick<PolicyHolder, 'current' | 'watch' | 'close'> {
  return { current: () => policy, watch: () => undefined, close: () => undefined };
}

/**
 * Memory, or Redis when REDIS_URL is set. Redis fails open: one that does not answer within the start-up
 * deadline is logged as an error and the instance starts on its own memory until Redis answers.
 */
async function sharedState(config: Config, logger: Logger, metrics: Metrics): Promise<SharedState> {
  if (!config.redisUrl) return new MemoryState();
  // Imported only when configured: the console chat does not load ioredis.
  const { RedisState } = await import('./services/redis.js');
  const redis = new RedisState(config.redisUrl, logger.child({ component: 'redis' }), {
    onOutage: () => metrics.sharedStateOutage(),
  });
  metrics.watchSharedState(() => redis.degraded());
  await redis.connect();
  if (!redis.degraded()) logger.info('shared state in redis');
  return redis;
}
