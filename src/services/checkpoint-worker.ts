import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * The checkpointer of one SQLite database in WAL mode (started by services/checkpoint.ts): copies
 * the write-ahead log into the database file every `everyMs`, PASSIVE (it never waits for, nor
 * blocks, the bot's writers), on its own connection in this thread. SQLite's automatic checkpoint
 * runs inside a writer's commit and syncs the file there: 5 to 30 ms of the bot's event loop once
 * every few hundred Slack events on this machine.
 */

export interface CheckpointRequest {
  file: string;
  everyMs: number;
}

const { file, everyMs } = workerData as CheckpointRequest;
const db = new Database(file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closed: the next turn tries again.
  }
}, everyMs);
parentPort?.on('message', (m: string) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
