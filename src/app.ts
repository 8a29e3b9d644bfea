import { startDiscord } from './adapters/discord/index.js';
import { startSlack } from './adapters/slack/index.js';
import type { RunningAdapter } from './adapters/types.js';
import type { Config } from './config.js';
import { type Engine, loadEngineFromDir } from './core/index.js';
import type { Logger } from './logger.js';
import { createServices } from './services/index.js';
import type { Services } from './services/types.js';

/** A running briefbot: its services and the platform adapters it started. */
export interface Briefbot {
  services: Services;
  adapters: RunningAdapter[];
  stop(): Promise<void>;
}

/** Loads the knowledge, assembles the services and starts every configured adapter. */
export async function startBriefbot(config: Config, logger: Logger): Promise<Briefbot> {
  const engine: Engine = loadEngineFromDir(config.knowledgeDir);
  logger.info({ entries: engine.size, dir: config.knowledgeDir }, 'knowledge loaded');
  const services = createServices({
    engine: () => engine,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  const adapters: RunningAdapter[] = [];
  try {
    if (config.discord)
      adapters.push(
        await startDiscord(config.discord, { ...services, logger: logger.child({ component: 'discord' }) }),
      );
    if (config.slack) {
      adapters.push(
        await startSlack(
          config.slack,
          { ...services, logger: logger.child({ component: 'slack' }) },
          { port: config.port },
        ),
      );
    }
  } catch (err) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    throw err;
  }
  return {
    services,
    adapters,
    async stop() {
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await services.feedback.flush();
      await services.state.close();
    },
  };
}
