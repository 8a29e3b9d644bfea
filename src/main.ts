import { config as loadDotenv } from 'dotenv';
import { startBriefbot } from './app.js';
import { runConsole } from './cli/console.js';
import { ConfigError, loadConfig } from './config.js';
import { KnowledgeError } from './core/index.js';
import { createLogger } from './logger.js';

/**
 * `npm start`: validates the configuration, loads the knowledge, then serves Discord and/or Slack
 * when their tokens are set — or, with none, opens the console chat over the same engine.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const p of err.problems) process.stderr.write(`config error: ${p}\n`);
      process.exit(2);
    }
    throw err;
  }
  const consoleMode = !config.discord && !config.slack;
  const logger = createLogger({
    // In the console chat, logs would interleave with the conversation: keep only warnings.
    level: consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel,
    pretty: Boolean(process.stdout.isTTY) && config.env !== 'production',
  });
  let bot: Awaited<ReturnType<typeof startBriefbot>>;
  try {
    bot = await startBriefbot(config, logger);
  } catch (err) {
    if (err instanceof KnowledgeError) {
      for (const p of err.problems) logger.fatal({ problem: p }, 'invalid knowledge');
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err }, 'startup failed');
    process.exit(1);
  }
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  if (consoleMode) {
    await runConsole(bot.services);
    await bot.stop();
  }
}

void main();
