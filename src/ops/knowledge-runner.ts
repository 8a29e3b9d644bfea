import type { KnowledgeLimits } from '../core/knowledge/files.js';
import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import { startWorker } from '../services/worker-entry.js';
import type {
  ReadOutcome,
  WorkerFailure,
  WorkerHeader,
  WorkerPart,
  WorkerRequest,
} from './knowledge-messages.js';

/** What a reload worker found: the knowledge and its prepared index, or the problems. */
export type WorkerResponse =
  | (ReadOutcome & {
      kb: KnowledgeBase;
      /** Entries kept from the previous knowledge, unchanged (not sent by the worker). */
      reused: number;
    })
  | WorkerFailure;

export interface ReloadWorkerOptions {
  /** A reload worker still running after this long is stopped and the reload rejected. */
  workerTimeoutMs?: number;
  /** Heap of the reload worker; a file that needs more is rejected, the bot keeps its memory. */
  workerHeapMb?: number;
}

/**
 * How long a reload worker may read, validate and index before it is stopped and the reload rejected
 * (10,000 entries take 6–10 s on two shared cores, several times that under heavy load).
 */
export const WORKER_DEADLINE_MS = 60_000;

/**
 * Runs ops/knowledge-worker in a fresh worker thread: compiled `.js` next to this file in dist/, or the
 * `.ts` source through tsx's loader in development and tests.
 */
export function runWorker(
  dir: string,
  limits: KnowledgeLimits,
  options: ReloadWorkerOptions = {},
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
    const deadline = options.workerTimeoutMs ?? WORKER_DEADLINE_MS;
    const timer = setTimeout(
      () => finish(() => reject(new Error(`reading and indexing the knowledge took over ${deadline} ms`))),
      deadline,
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
