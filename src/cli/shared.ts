import { ConfigError, loadConfig } from '../config.js';
import { createEngine, type Engine, KnowledgeError, loadKnowledge } from '../core/index.js';

/** Loads the engine for a command-line tool, or prints why it cannot and exits (2 for config, 1 for knowledge). */
export function engineForCli(): Engine {
  try {
    const config = loadConfig();
    return createEngine(loadKnowledge(config.knowledgeDir, config.knowledgeLimits));
  } catch (err) {
    if (err instanceof ConfigError || err instanceof KnowledgeError) {
      console.error(err.message);
      process.exit(err instanceof ConfigError ? 2 : 1);
    }
    throw err;
  }
}
