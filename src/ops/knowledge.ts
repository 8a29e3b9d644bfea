import { EventEmitter } from 'node:events';
import { type FSWatcher, statSync, watch } from 'node:fs';
import { createEngine } from '../core/engine.js';
import type { Engine } from '../core/engine-types.js';
import { DEFAULT_KNOWLEDGE_LIMITS, type KnowledgeLimits } from '../core/knowledge/files.js';
import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import { Lexicon } from '../core/lexicon.js';
import type { Logger } from '../logger.js';
import { startWorker } from '../services/worker-entry.js';
import { loadStartupEngine, type StartupEngine } from './knowledge-cache.js';
import {
  entryPrint,
  fingerprint,
  type ReadOutcome,
  type WorkerFailure,
  type WorkerHeader,
  type WorkerPart,
  type WorkerRequest,
} from './knowledge-messages.js';

/** What a reload worker found: the knowledge and its prepared index, or the problems. */
export type WorkerResponse =
  | (ReadOutcome & {
      kb: KnowledgeBase;
      /** Entries kept from the previous knowledge, unchanged (not sent by the worker). */
      reused: number;
    })
  | WorkerFailure;

export interface ReloadHooks {
  reloaded?(entries: number): void;
  failed?(): void;
}

export type ReloadResult =
  | { ok: true; entries: number }
  | { ok: false; problems: string[] /** All problems, of which `problems` are the first. */; count?: number };

export interface KnowledgeOptions {
  limits?: KnowledgeLimits;
  /** A reload worker still running after this long is stopped and the reload rejected. */
  workerTimeoutMs?: number;
  /** Heap of the reload worker; a file that needs more is rejected, the bot keeps its memory. */
  workerHeapMb?: number;
  /** Reads, validates and indexes the folder off the main thread: runWorker unless a test says otherwise. */
  load?: typeof runWorker;
}

/** How long the watcher waits for a burst of file events to settle before reloading. */
export const RELOAD_DEBOUNCE_MS = 200;
/**
 * A rejected reload from the watcher is reported only if no other change follows within this time: an
 * editor that truncates and then writes (an empty file first) triggers one reload, not a false alarm.
 */
export const RELOAD_SETTLE_MS = 600;
/** How often the watcher checks that the folder is still the one it watches (deleted, recreated). */
export const FOLDER_CHECK_MS = 1000;
/**
 * How long a reload worker may read, validate and index before it is stopped and the reload rejected
 * (10,000 entries take 6–10 s on two shared cores, several times that under heavy load).
 */
export const WORKER_DEADLINE_MS = 60_000;
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
  private watcher: FSWatcher | undefined;
  private folderTimer: NodeJS.Timeout | undefined;
  private folderId: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by every file event: a reload that fails while a newer change is pending stays quiet. */
  private changes = 0;
  private running: Promise<ReloadResult> | undefined;
  private again = false;
  private closed = false;
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
    if (this.folderTimer) return;
    this.closed = false;
    this.attach();
    this.folderTimer = setInterval(() => this.checkFolder(), FOLDER_CHECK_MS);
    this.folderTimer.unref();
    this.logger.info({ dir: this.dir }, 'watching knowledge for changes');
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.folderTimer) clearInterval(this.folderTimer);
    this.folderTimer = undefined;
    this.detach();
  }

  private attach(): void {
    this.detach();
    this.folderId = folderIdentity(this.dir);
    if (!this.folderId) return;
    try {
      this.watcher = watch(this.dir, { persistent: false }, () => this.schedule());
      this.watcher.on('error', () => this.detach());
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, dir: this.dir }, 'knowledge watcher not started');
    }
  }

  private detach(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** The folder was deleted, replaced or recreated: watch the new one and reload from it. */
  private checkFolder(): void {
    const id = folderIdentity(this.dir);
    if (id === this.folderId && (this.watcher || !id)) return;
    if (id !== this.folderId)
      this.logger.info({ dir: this.dir, present: Boolean(id) }, 'knowledge folder replaced');
    this.attach();
    this.schedule();
  }

  private schedule(): void {
    this.changes += 1;
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.attempt(true);
    }, RELOAD_DEBOUNCE_MS);
    this.timer.unref();
  }

  private async attempt(fromWatch: boolean): Promise<ReloadResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const changesAtStart = this.changes;
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
      if (this.changes !== changesAtStart || this.closed) return result;
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
    // The worker built the index; here it is only wrapped (maps of its terms and words), in turns of
    // the event loop of their own (the vocabulary's lexicon when the vocabulary changed, then the
    // engine), so the last part's decoding and these are short pauses, not one: together logged as
    // buildMs. The previous engine answers until the swap.
    const turn = () => new Promise((r) => setImmediate(r));
    await turn();
    let buildMs = 0;
    let engine: Engine;
    let lexicon = this.lexicon.lexicon;
    try {
      let started = performance.now();
      if (response.vocabularyPrint !== this.lexicon.print) {
        lexicon = new Lexicon(response.kb.vocabulary);
        buildMs += performance.now() - started;
        await turn();
      }
      started = performance.now();
      engine = createEngine(response.kb, {}, { ...response.prepared, lexicon });
      buildMs += performance.now() - started;
    } catch (err) {
      return { ok: false, problems: [`${this.dir}: cannot build the index: ${(err as Error).message}`] };
    }
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

/** dev:ino of the folder, or undefined while it does not exist. */
function folderIdentity(dir: string): string | undefined {
  try {
    const st = statSync(dir);
    return st.isDirectory() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs ops/knowledge-worker in a fresh worker thread: compiled `.js` next to this file in dist/, or the
 * `.ts` source through tsx's loader in development and tests.
 */
export function runWorker(
  dir: string,
  limits: KnowledgeLimits,
  options: KnowledgeOptions = {},
  /** The entries the bot holds now, by fingerprint: the worker sends only the others. */
  held: ReadonlyMap<string, Entry> = new Map(),
): Promise<WorkerResponse> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'knowledge-worker', {
      workerData: { dir, limits, known: [...held.keys()] } satisfies WorkerRequest,
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 512 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `reading and indexing the knowledge took over ${options.workerTimeoutMs ?? WORKER_DEADLINE_MS} ms`,
            ),
          ),
        ),
      options.workerTimeoutMs ?? WORKER_DEADLINE_MS,
    );
    timer.unref();
    // The header, then the entries in parts: each asked for once the previous one is in, so the main
    // thread decodes one part per turn of its event loop and answers questions in between.
    let header: Extract<WorkerHeader, { ok: true }> | undefined;
    const received: Entry[] = [];
    const done = () => {
      if (!header) return;
      const { kb, prepared, prints, sent: _sent, ...timings } = header;
      let next = 0;
      const entries: Entry[] = [];
      for (const print of prints) {
        const entry = held.get(print) ?? received[next++];
        if (!entry) return finish(() => reject(new Error('the reload worker sent too few entries')));
        entries.push(entry);
      }
      const byId = new Map(entries.map((e) => [e.id, e]));
      const reused = entries.length - received.length;
      finish(() => resolve({ ...timings, ok: true, kb: { ...kb, entries, byId }, prepared, prints, reused }));
    };
    worker.on('message', (m: WorkerHeader | WorkerPart) => {
      if ('part' in m) {
        received.push(...m.part);
        if (header && received.length >= header.sent) done();
        else worker.postMessage('more');
      } else if (!m.ok) finish(() => resolve(m));
      else {
        header = m;
        if (m.sent === 0) done();
        else worker.postMessage('more');
      }
    });
    worker.once('error', (err: Error) =>
      finish(() =>
        reject(
          new Error(
            (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'the knowledge files need more memory than the reload worker has: refused'
              : `reload worker failed: ${err.message}`,
          ),
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`reload worker exited (${code}) without an answer`))),
    );
  });
}
