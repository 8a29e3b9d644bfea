import { EventEmitter } from 'node:events';
import { createEngine } from '../core/engine.js';
import type { Engine } from '../core/engine-types.js';
import { DEFAULT_KNOWLEDGE_LIMITS, type KnowledgeLimits } from '../core/knowledge/files.js';
import type { Entry } from '../core/knowledge/types.js';
import { Lexicon } from '../core/lexicon.js';
import type { Logger } from '../logger.js';
import { loadStartupEngine, type StartupEngine } from './knowledge-cache.js';
import { entryPrint, fingerprint } from './knowledge-messages.js';
import { type ReloadWorkerOptions, runWorker, type WorkerResponse } from './knowledge-runner.js';
import { FolderWatch } from './knowledge-watch.js';

export { runWorker, WORKER_DEADLINE_MS, type WorkerResponse } from './knowledge-runner.js';
export { FOLDER_CHECK_MS, RELOAD_DEBOUNCE_MS } from './knowledge-watch.js';

export interface ReloadHooks {
  reloaded?(entries: number): void;
  failed?(): void;
}

export type ReloadResult =
  | { ok: true; entries: number }
  | { ok: false; problems: string[] /** All problems, of which `problems` are the first. */; count?: number };

export interface KnowledgeOptions extends ReloadWorkerOptions {
  limits?: KnowledgeLimits;
  /** Reads, validates and indexes the folder off the main thread: runWorker unless a test says otherwise. */
  load?: typeof runWorker;
}

/**
 * A rejected reload from the watcher is reported only if no other change follows within this time: an
 * editor that truncates and then writes (an empty file first) triggers one reload, not a false alarm.
 */
export const RELOAD_SETTLE_MS = 600;
/** Problems quoted in the one log line of a rejected reload. */
const PROBLEMS_LOGGED = 5;

/**
 * Holds the current engine and swaps it when the knowledge folder changes. Reading, parsing,
 * validating and indexing run in a worker thread (ops/knowledge-worker.ts), so answers keep flowing
 * during a reload; the main thread only receives the result in parts and wraps the prepared index
 * (its pause is logged as `buildMs`), then swaps the engine at once. An invalid
 * edit, an oversized file, a FIFO or a missing folder keeps the previous engine serving and logs one
 * line. Emits 'reload' with a ReloadResult after each attempt that was not superseded by a later edit.
 */
export class KnowledgeHolder extends EventEmitter {
  private engine: Engine;
  /** The current knowledge's entries by fingerprint: a reload gets only the others from its worker. */
  private held: Map<string, Entry>;
  /** The current vocabulary's lexicon (costly to build) and the vocabulary's fingerprint. */
  private lexicon: { print: string; lexicon: Lexicon };
  private readonly folder: FolderWatch;
  private running: Promise<ReloadResult> | undefined;
  private again = false;
  private readonly limits: KnowledgeLimits;

  /**
   * Loads the folder once (caps apply; unchanged files and code come from the start-up store, see
   * knowledge-cache.ts); rejects with KnowledgeError when it is invalid (startup must fail then).
   */
  static async open(
    dir: string,
    logger: Logger,
    hooks: ReloadHooks = {},
    options: KnowledgeOptions = {},
  ): Promise<KnowledgeHolder> {
    const start = await loadStartupEngine(dir, options.limits ?? DEFAULT_KNOWLEDGE_LIMITS);
    return new KnowledgeHolder(dir, logger, hooks, options, start);
  }

  private constructor(
    readonly dir: string,
    private readonly logger: Logger,
    private readonly hooks: ReloadHooks,
    private readonly options: KnowledgeOptions,
    { engine, kb, lexicon }: StartupEngine,
  ) {
    super();
    this.limits = options.limits ?? DEFAULT_KNOWLEDGE_LIMITS;
    this.folder = new FolderWatch(dir, logger, () => void this.attempt(true));
    this.engine = engine;
    this.held = new Map(kb.entries.map((e) => [entryPrint(e), e]));
    this.lexicon = { print: fingerprint(kb.vocabulary), lexicon };
  }

  /** The engine to answer with right now. */
  current(): Engine {
    return this.engine;
  }

  /**
   * Reads and validates the folder in the worker; swaps the engine only when everything is valid.
   * Reloads never overlap: one asked for while another runs follows it.
   */
  reload(): Promise<ReloadResult> {
    return this.attempt(false);
  }

  /** Watches the folder (debounced), surviving its deletion and re-creation; call close() to stop. */
  watch(): void {
    this.folder.start();
  }

  close(): void {
    this.folder.stop();
  }

  private async attempt(fromWatch: boolean): Promise<ReloadResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const changesAtStart = this.folder.changes;
    this.running = this.run();
    let result: ReloadResult;
    try {
      result = await this.running;
    } finally {
      this.running = undefined;
    }
    if (this.again) {
      this.again = false;
      return this.attempt(fromWatch);
    }
    if (!result.ok && fromWatch) {
      // Half-written save? Wait for the rest before reporting; a later edit supersedes this attempt.
      await new Promise((r) => setTimeout(r, RELOAD_SETTLE_MS).unref());
      if (this.folder.changes !== changesAtStart || this.folder.closed) return result;
    }
    if (!result.ok) {
      this.logger.error(
        {
          dir: this.dir,
          count: result.count ?? result.problems.length,
          problems: result.problems.slice(0, PROBLEMS_LOGGED),
        },
        'knowledge reload rejected, previous knowledge kept',
      );
      this.hooks.failed?.();
    }
    this.emit('reload', result);
    return result;
  }

  private async run(): Promise<ReloadResult> {
    let response: WorkerResponse;
    try {
      response = await (this.options.load ?? runWorker)(this.dir, this.limits, this.options, this.held);
    } catch (err) {
      return { ok: false, problems: [`${this.dir}: ${(err as Error).message}`] };
    }
    if (!response.ok) return { ok: false, problems: response.problems, count: response.count };
    let built: Wrapped;
    try {
      built = await wrapIndex(response, this.lexicon);
    } catch (err) {
      return { ok: false, problems: [`${this.dir}: cannot build the index: ${(err as Error).message}`] };
    }
    const { engine, lexicon, buildMs } = built;
    this.engine = engine;
    this.held = new Map(response.kb.entries.map((e, i) => [response.prints[i] as string, e]));
    this.lexicon = { print: response.vocabularyPrint, lexicon };
    this.logger.info(
      {
        entries: engine.size,
        dir: this.dir,
        files: response.files,
        readMs: Math.round(response.readMs),
        validateMs: Math.round(response.validateMs),
        indexMs: Math.round(response.indexMs),
        reused: response.reused,
        buildMs: Math.round(buildMs),
      },
      'knowledge reloaded',
    );
    this.hooks.reloaded?.(engine.size);
    return { ok: true, entries: engine.size };
  }
}

interface Wrapped {
  engine: Engine;
  lexicon: Lexicon;
  buildMs: number;
}

/**
 * The worker built the index; here it is only wrapped (maps of its terms and words), in turns of the
 * event loop of their own (the vocabulary's lexicon when the vocabulary changed, then the engine), so
 * the last part's decoding and these are short pauses, not one: together logged as buildMs. The
 * previous engine answers until the swap.
 */
async function wrapIndex(
  response: Extract<WorkerResponse, { ok: true }>,
  current: { print: string; lexicon: Lexicon },
): Promise<Wrapped> {
  const turn = () => new Promise((r) => setImmediate(r));
  await turn();
  let buildMs = 0;
  let lexicon = current.lexicon;
  let started = performance.now();
  if (response.vocabularyPrint !== current.print) {
    lexicon = new Lexicon(response.kb.vocabulary);
    buildMs += performance.now() - started;
    await turn();
  }
  started = performance.now();
  const engine = createEngine(response.kb, {}, { ...response.prepared, lexicon });
  buildMs += performance.now() - started;
  return { engine, lexicon, buildMs };
}
