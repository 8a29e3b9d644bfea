import { config as loadDotenv } from 'dotenv';
import type { Briefbot } from './app.js';
import { runConsole } from './cli/console.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { KnowledgeFilesRefused } from './core/knowledge/files.js';
import { KnowledgeError } from './core/knowledge/types.js';
import { createLogger, flushLogger } from './logger.js';
import { onFatalErrors, onShutdownSignals } from './ops/shutdown.js';
import { PolicyError } from './services/channel-rules.js';

/**
 * `npm start` / `node dist/main.js`: validates the configuration (exit 2 with one line per problem),
 * loads the knowledge (exit 1 when invalid), then serves Discord and/or Slack when their tokens are
 * set — or, with none, opens the console chat over the same engine. SIGTERM/SIGINT stop it cleanly;
 * an uncaught exception or unhandled rejection is logged, stops it as cleanly as it can, and exits 1.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config: Config;
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
  // A crash is logged, the bot stopped as cleanly as possible, and the process exits 1.
  let shutdown: ((reason: string, exitCode?: number) => Promise<void>) | undefined;
  onFatalErrors(() => shutdown, logger);

  let bot: Briefbot;
  try {
    // Loaded after validation: a configuration error answers at once, without loading both SDKs.
    const { startBriefbot } = await import('./app.js');
    bot = await startBriefbot(config, logger);
  } catch (err) {
    if (err instanceof PolicyError) {
      for (const p of err.problems) process.stderr.write(`config error: ${p}\n`);
      await flushLogger(logger);
      process.exit(2);
    }
    if (err instanceof KnowledgeError) {
      for (const p of err.problems) logger.fatal({ problem: p }, 'invalid knowledge');
      process.stderr.write(`${err.message}\n`);
    } else {
      logger.fatal({ err }, 'startup failed');
    }
    await flushLogger(logger);
    // A refused knowledge file (over the size cap, a FIFO…) will not fix itself: exit 2 like bad config.
    process.exit(err instanceof KnowledgeFilesRefused ? 2 : 1);
  }
  shutdown = onShutdownSignals(() => bot.stop(), logger);
  if (consoleMode) {
    await runConsole(bot.services);
    await shutdown('console closed');
  }
}

void main();
