import { EventEmitter } from 'node:events';
import { type FSWatcher, watch } from 'node:fs';
import {
  createEngine,
  type Engine,
  formatProblem,
  loadEngineFromDir,
  readKnowledgeDir,
  validateKnowledge,
} from '../core/index.js';
import type { Logger } from '../logger.js';

export interface ReloadHooks {
  reloaded?(entries: number): void;
  failed?(): void;
}

export type ReloadResult = { ok: true; entries: number } | { ok: false; problems: string[] };

/** How long the watcher waits for a burst of file events to settle before reloading. */
export const RELOAD_DEBOUNCE_MS = 200;

/**
 * Holds the current engine and swaps it when the knowledge folder changes. An invalid edit keeps the
 * previous engine serving and logs each problem. Emits 'reload' with a ReloadResult after each attempt.
 */
export class KnowledgeHolder extends EventEmitter {
  private engine: Engine;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Loads the folder once; throws KnowledgeError when it is invalid (startup must fail then). */
  constructor(
    readonly dir: string,
    private readonly logger: Logger,
    private readonly hooks: ReloadHooks = {},
  ) {
    super();
    this.engine = loadEngineFromDir(dir);
  }

  /** The engine to answer with right now. */
  current(): Engine {
    return this.engine;
  }

  /** Reads and validates the folder; swaps the engine only when everything is valid. */
  reload(): ReloadResult {
    let result: ReloadResult;
    try {
      const { kb, errors } = validateKnowledge(readKnowledgeDir(this.dir));
      result = kb && errors.length === 0 ? this.swap(createEngine(kb)) : fail(errors.map(formatProblem));
    } catch (err) {
      result = fail([`${this.dir}: ${(err as Error).message}`]);
    }
    if (!result.ok) {
      for (const problem of result.problems)
        this.logger.error({ problem }, 'knowledge reload rejected, previous knowledge kept');
      this.hooks.failed?.();
    }
    this.emit('reload', result);
    return result;
  }

  /** Watches the folder (debounced); call close() to stop. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.dir, { persistent: false }, () => this.schedule());
    this.watcher.on('error', (err) => this.logger.error({ err }, 'knowledge watcher failed'));
    this.logger.info({ dir: this.dir }, 'watching knowledge for changes');
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.reload();
    }, RELOAD_DEBOUNCE_MS);
    this.timer.unref();
  }

  private swap(engine: Engine): ReloadResult {
    this.engine = engine;
    this.logger.info({ entries: engine.size, dir: this.dir }, 'knowledge reloaded');
    this.hooks.reloaded?.(engine.size);
    return { ok: true, entries: engine.size };
  }
}

function fail(problems: string[]): ReloadResult {
  return { ok: false, problems: problems.length > 0 ? problems : ['knowledge is invalid'] };
}
