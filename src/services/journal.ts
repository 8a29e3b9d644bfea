import type Database from 'better-sqlite3';
import { openDatabase } from './sqlite-store.js';

/** The longest a handled event's row waits for the next insert to be deleted with it. */
export const REMOVE_DELAY_MS = 20;

export interface PendingEvent {
  id: string;
  body: unknown;
  receivedAt: number;
  attempts: number;
}

/**
 * Events acknowledged to their platform but not answered yet, in the SQLite database under DATA_DIR
 * (one synchronous insert, before the acknowledgement leaves). Removed once answered; what is left
 * after a crash is resumed at the next start (adapters/slack/journal.ts). Bounded: past `maxPending`
 * rows the event is not journaled (and so not resumable), which is logged by the caller.
 *
 * Removals are written with the next insert, in its transaction (one commit per event instead of two),
 * or REMOVE_DELAY_MS later when no event follows: a crash within that moment answers the question again
 * after the restart (at-least-once, as before), it never loses one.
 */
export class EventJournal {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly count: Database.Statement;
  private readonly bumpStmt: Database.Statement;
  private readonly removeMany: (ids: string[]) => number;
  private readonly insertAfterRemoving: (
    ids: string[],
    id: string,
    body: string,
    at: number,
  ) => { deleted: number; changes: number };
  /** Handled events whose rows are still to be deleted. */
  private removals = new Set<string>();
  private removalTimer: NodeJS.Timeout | undefined;
  private size: number;

  constructor(
    dataDir: string,
    readonly maxPending = 10_000,
  ) {
    this.db = openDatabase(dataDir);
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS pending_events (id TEXT PRIMARY KEY, body TEXT NOT NULL, received_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0)',
    );
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO pending_events (id, body, received_at) VALUES (?, ?, ?)',
    );
    this.remove = this.db.prepare('DELETE FROM pending_events WHERE id = ?');
    this.count = this.db.prepare('SELECT COUNT(*) AS n FROM pending_events');
    this.bumpStmt = this.db.prepare('UPDATE pending_events SET attempts = attempts + 1 WHERE id = ?');
    this.size = (this.count.get() as { n: number }).n;
    const deleteAll = (ids: string[]) => {
      let n = 0;
      for (const id of ids) n += this.remove.run(id).changes;
      return n;
    };
    this.removeMany = this.db.transaction(deleteAll);
    this.insertAfterRemoving = this.db.transaction((ids: string[], id: string, body: string, at: number) => ({
      deleted: deleteAll(ids),
      changes: this.insert.run(id, body, at).changes,
    }));
  }

  /** The removals waiting, taken (and their timer cleared). */
  private takeRemovals(): string[] {
    if (this.removalTimer) clearTimeout(this.removalTimer);
    this.removalTimer = undefined;
    const ids = [...this.removals];
    this.removals.clear();
    return ids;
  }

  /** `done()` counted each removal at once; rows that were not there are counted back. */
  private settle(queued: number, deleted: number): void {
    this.size += queued - deleted;
  }

  /** Writes the removals waiting now. */
  flush(): void {
    if (this.removals.size === 0) return;
    const ids = this.takeRemovals();
    try {
      this.settle(ids.length, this.removeMany(ids));
    } catch (err) {
      for (const i of ids) this.removals.add(i);
      throw err;
    }
  }

  /**
   * Journals an event: 'added'; 'present' when it already is (a resumed event, or a retry of one in
   * flight — whoever added it removes it); 'full' past maxPending (answered, not resumable).
   */
  add(id: string, body: unknown): 'added' | 'present' | 'full' {
    if (this.size >= this.maxPending) return 'full';
    const json = JSON.stringify(body);
    let changes: number;
    if (this.removals.size > 0) {
      const ids = this.takeRemovals();
      try {
        const done = this.insertAfterRemoving(ids, id, json, Date.now());
        this.settle(ids.length, done.deleted);
        changes = done.changes;
      } catch (err) {
        // Rolled back: the removals wait for the next write.
        for (const i of ids) this.removals.add(i);
        throw err;
      }
    } else {
      changes = this.insert.run(id, json, Date.now()).changes;
    }
    if (changes === 0) return 'present';
    this.size += 1;
    return 'added';
  }

  /** The event was handled: its row goes with the next insert, or within REMOVE_DELAY_MS. */
  done(id: string): void {
    if (this.removals.has(id)) return;
    this.removals.add(id);
    this.size -= 1;
    if (!this.removalTimer) {
      this.removalTimer = setTimeout(() => {
        this.removalTimer = undefined;
        try {
          this.flush();
        } catch {
          // The database is closed or failing: the rows stay, and are resumed (answered again) at start.
        }
      }, REMOVE_DELAY_MS);
      this.removalTimer.unref();
    }
  }

  /** Marks one more attempt at answering (so an event that crashes the process is not resumed forever). */
  bump(id: string): void {
    this.bumpStmt.run(id);
  }

  pending(): PendingEvent[] {
    this.flush();
    return (
      this.db
        .prepare('SELECT id, body, received_at, attempts FROM pending_events ORDER BY received_at')
        .all() as {
        id: string;
        body: string;
        received_at: number;
        attempts: number;
      }[]
    ).map((r) => ({ id: r.id, body: JSON.parse(r.body), receivedAt: r.received_at, attempts: r.attempts }));
  }

  pendingCount(): number {
    return this.size;
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }
}
