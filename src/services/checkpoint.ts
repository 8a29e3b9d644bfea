import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { CheckpointRequest } from './checkpoint-worker.js';
import { startWorker } from './worker-entry.js';

/** How often the checkpoint worker copies the write-ahead log into the database file. */
export const CHECKPOINT_EVERY_MS = 1000;
/** SQLite's own automatic checkpoint (pages of WAL), given back when the worker is gone. */
const SQLITE_AUTOCHECKPOINT = 1000;

interface Checkpointer {
  worker: Worker;
  connections: Set<Database.Database>;
}

const checkpointers = new Map<string, Checkpointer>();

/**
 * Takes the checkpoints of the database `file` off this thread: one worker per file, shared by the
 * connections opened on it (the records store and the Slack event journal), stopped when the last
 * one closes. The connection's own automatic checkpoint is turned off while the worker runs; if the
 * worker fails or exits, every connection gets SQLite's own back, so the log never grows unchecked.
 */
export function checkpointOffThread(db: Database.Database, file: string): void {
  let c = checkpointers.get(file);
  if (!c) {
    const worker = startWorker(import.meta.url, 'checkpoint-worker', {
      workerData: { file, everyMs: CHECKPOINT_EVERY_MS } satisfies CheckpointRequest,
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const checkpointer: Checkpointer = { worker, connections: new Set() };
    const gone = () => {
      if (checkpointers.get(file) !== checkpointer) return;
      checkpointers.delete(file);
      for (const conn of checkpointer.connections)
        if (conn.open) conn.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    checkpointers.set(file, checkpointer);
    c = checkpointer;
  }
  const checkpointer = c;
  checkpointer.connections.add(db);
  db.pragma('wal_autocheckpoint = 0');
  const close = db.close.bind(db);
  db.close = () => {
    checkpointer.connections.delete(db);
    if (checkpointer.connections.size === 0 && checkpointers.get(file) === checkpointer) {
      checkpointers.delete(file);
      checkpointer.worker.postMessage('stop');
    }
    return close();
  };
}

/** True while a worker checkpoints `file` (tests). */
export function checkpointing(file: string): boolean {
  return checkpointers.has(file);
}
