import type Database from 'better-sqlite3';
import { openDatabase } from './sqlite-store.js';

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
 */
export class EventJournal {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly count: Database.Statement;
  private readonly bumpStmt: Database.Statement;
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
  }

  /**
   * Journals an event: 'added'; 'present' when it already is (a resumed event, or a retry of one in
   * flight — whoever added it removes it); 'full' past maxPending (answered, not resumable).
   */
  add(id: string, body: unknown): 'added' | 'present' | 'full' {
    if (this.size >= this.maxPending) return 'full';
    if (this.insert.run(id, JSON.stringify(body), Date.now()).changes === 0) return 'present';
    this.size += 1;
    return 'added';
  }

  done(id: string): void {
    if (this.remove.run(id).changes > 0) this.size -= 1;
  }

  /** Marks one more attempt at answering (so an event that crashes the process is not resumed forever). */
  bump(id: string): void {
    this.bumpStmt.run(id);
  }

  pending(): PendingEvent[] {
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
    if (this.db.open) this.db.close();
  }
}
