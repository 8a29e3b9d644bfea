import { startDiscord } from './adapters/discord/index.js';
import { startSlack } from './adapters/slack/index.js';
import type { RunningAdapter } from './adapters/types.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { opsRoutes } from './ops/health.js';
import { KnowledgeHolder } from './ops/knowledge.js';
import { type OpsServer, startOpsServer } from './ops/server.js';
import { Admission } from './services/admission.js';
import { createServices } from './services/index.js';
import { EventJournal } from './services/journal.js';
import { MemoryState } from './services/memory.js';
import { createMetrics, type Metrics } from './services/metrics.js';
import { LogObserver, Observers } from './services/observer.js';
import { RedisState } from './services/redis.js';
import { openRecordStore } from './services/store.js';
import type { Services, SharedState } from './services/types.js';

/** A running briefbot: its services, the platform adapters it started, and its ops endpoints. */
export interface Briefbot {
  services: Services;
  adapters: RunningAdapter[];
  knowledge: KnowledgeHolder;
  metrics: Metrics;
  /** Where /healthz and /metrics are served, when they are. */
  opsPort?: number;
  /** Stops taking events, lets replies finish, disconnects, closes the servers, flushes the stores. */
  stop(): Promise<void>;
}

/**
 * Loads the knowledge (throws KnowledgeError when invalid), assembles the services, starts every
 * configured adapter and serves /healthz and /metrics: next to Slack's routes when Slack runs (PORT),
 * on a small server of our own on PORT for Discord alone, and in console mode only on HEALTH_PORT.
 */
export async function startBriefbot(config: Config, logger: Logger): Promise<Briefbot> {
  const metrics = createMetrics();
  const knowledge = new KnowledgeHolder(
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

  const state = await sharedState(config, logger);
  const feedback = await openRecordStore(
    {
      dataDir: config.dataDir,
      retention: config.retention,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    },
    logger.child({ component: 'records' }),
    metrics.records,
  ).catch(async (err: Error) => {
    await state.close();
    throw err;
  });
  const services = createServices({
    engine: () => knowledge.current(),
    logger,
    state,
    feedback,
    observer: new Observers([new LogObserver(logger), metrics]),
    rateLimitPerMinute: config.rateLimitPerMinute,
    admission: new Admission(config.maxInFlight, { rejected: (kind) => metrics.backpressure(kind) }),
  });

  const adapters: RunningAdapter[] = [];
  let accepting = true;
  const routes = opsRoutes({
    adapters: () => adapters,
    engine: () => knowledge.current(),
    metrics,
    accepting: () => accepting,
  });
  const host = config.host ? { host: config.host } : {};
  let server: OpsServer | undefined;
  let opsPort: number | undefined;
  let journal: EventJournal | undefined;
  try {
    // Each adapter tags its own logs with { component }.
    if (config.discord) adapters.push(await startDiscord(config.discord, services));
    if (config.slack) {
      journal = new EventJournal(config.dataDir);
      const slack = await startSlack(config.slack, services, {
        port: config.port,
        ...host,
        customRoutes: routes,
        journal,
      });
      adapters.push(slack);
      opsPort = slack.port;
    } else if (config.discord) {
      server = await startOpsServer(routes, config.port, config.host);
    } else if (config.healthPort) {
      server = await startOpsServer(routes, config.healthPort, config.host).catch((err: Error) => {
        logger.warn({ err: err.message, port: config.healthPort }, 'health server not started');
        return undefined;
      });
    }
  } catch (err) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    journal?.close();
    await feedback.close();
    await state.close();
    throw err;
  }
  opsPort = server?.port ?? opsPort;
  if (config.reload) knowledge.watch();
  logger.info(
    { adapters: adapters.map((a) => a.name), ...(opsPort !== undefined ? { opsPort } : {}) },
    'briefbot started',
  );

  return {
    services,
    adapters,
    knowledge,
    metrics,
    ...(opsPort !== undefined ? { opsPort } : {}),
    async stop() {
      accepting = false;
      knowledge.close();
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await server?.close();
      journal?.close();
      await feedback.close();
      await state.close();
    },
  };
}

async function sharedState(config: Config, logger: Logger): Promise<SharedState> {
  if (!config.redisUrl) return new MemoryState();
  const redis = new RedisState(config.redisUrl, logger.child({ component: 'redis' }));
  try {
    await redis.connect();
  } catch (err) {
    await redis.close();
    throw new Error(`REDIS_URL: cannot reach Redis (${(err as Error).message})`);
  }
  logger.info('shared state in redis');
  return redis;
}
