import { createReadStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { checkpointOffThread } from './checkpoint.js';
import { parseRecordLine, questionKey, type RecordBackend, type TimedRecord, voteRow } from './records.js';

/** The embedded database under DATA_DIR: votes, unanswered questions, Slack events not yet answered. */
export const DB_FILE = 'briefbot.db';
/** JSON lines files of earlier versions, imported into the database on open. */
export const LEGACY_VOTES_FILE = 'feedback.jsonl';
export const LEGACY_UNANSWERED_FILE = 'unanswered.jsonl';

export interface Retention {
  /** Rows kept per table; the oldest go first. */
  maxRows: number;
  /** Rows older than this many days are deleted. */
  days: number;
}

export const DEFAULT_RETENTION: Retention = { maxRows: 1_000_000, days: 365 };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS votes (
  id INTEGER PRIMARY KEY, at TEXT NOT NULL, platform TEXT NOT NULL, user TEXT NOT NULL,
  entry_id TEXT NOT NULL, vote TEXT NOT NULL, lang TEXT NOT NULL, reason TEXT, comment TEXT);
CREATE INDEX IF NOT EXISTS votes_at ON votes(at);
CREATE TABLE IF NOT EXISTS unanswered (
  id INTEGER PRIMARY KEY, at TEXT NOT NULL, platform TEXT NOT NULL, question TEXT NOT NULL,
  qkey TEXT NOT NULL, lang TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered(at);
`;

/** Opens (creating when needed) the database file in WAL mode, with its tables. */
export function openDatabase(dataDir: string, file = DB_FILE): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed transaction survives the process being killed; only an OS crash or
  // power loss can lose the last transactions, never tear one.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 2000');
  db.exec(SCHEMA);
  // Databases made before votes had a reason and a comment get the two columns.
  const columns = new Set(
    (db.prepare('PRAGMA table_info(votes)').all() as { name: string }[]).map((c) => c.name),
  );
  for (const column of ['reason', 'comment'])
    if (!columns.has(column)) db.exec(`ALTER TABLE votes ADD COLUMN ${column} TEXT`);
  // The log is copied into the file by a worker thread, never inside a commit on this one.
  checkpointOffThread(db, path);
  return db;
}

/**
 * Votes and unanswered questions in SQLite (better-sqlite3, WAL). Each batch is one transaction, so a
 * full disk (SQLITE_FULL) or a crash leaves whole records or none. Bounded: `prune()` keeps at most
 * `maxRows` rows per table and nothing older than `days` (run on open and every 10,000 records).
 */
export class SqliteRecords implements RecordBackend {
  readonly name = 'sqlite';
  readonly db: Database.Database;
  private readonly insertVote: Database.Statement;
  private readonly insertUnanswered: Database.Statement;
  private readonly writeBatch: (batch: readonly TimedRecord[]) => void;
  private sincePrune = 0;

  constructor(
    readonly dataDir: string,
    private readonly retention: Retention = DEFAULT_RETENTION,
    private readonly logger?: Logger,
  ) {
    this.db = openDatabase(dataDir);
    this.insertVote = this.db.prepare(
      'INSERT INTO votes (at, platform, user, entry_id, vote, lang, reason, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertUnanswered = this.db.prepare(
      'INSERT INTO unanswered (at, platform, question, qkey, lang) VALUES (?, ?, ?, ?, ?)',
    );
    this.writeBatch = this.db.transaction((batch: readonly TimedRecord[]) => {
      for (const r of batch) {
        if (r.kind === 'vote') this.insertVote.run(...voteRow(r));
        else this.insertUnanswered.run(r.at, r.platform, r.question, questionKey(r.question), r.lang);
      }
    });
    this.prune();
  }

  write(batch: readonly TimedRecord[]): void {
    this.writeBatch(batch);
    this.sincePrune += batch.length;
    if (this.sincePrune >= 10_000) this.prune();
  }

  /** Deletes what is past the retention; a failure is logged (the next prune tries again). */
  prune(): void {
    this.sincePrune = 0;
    const cutoff = new Date(Date.now() - this.retention.days * 86_400_000).toISOString();
    try {
      for (const table of ['votes', 'unanswered']) {
        this.db.prepare(`DELETE FROM ${table} WHERE at < ?`).run(cutoff);
        this.db
          .prepare(`DELETE FROM ${table} WHERE id <= (SELECT MAX(id) FROM ${table}) - ?`)
          .run(this.retention.maxRows);
      }
    } catch (err) {
      this.logger?.warn({ err: (err as Error).message }, 'records prune failed');
    }
  }

  /**
   * Imports the JSON lines files of earlier versions (skipping torn or odd lines), then renames each
   * to `<name>.imported` so it is read once. Streams: a file of any size is read in bounded memory.
   */
  async importLegacy(): Promise<{ imported: number; skipped: number }> {
    let imported = 0;
    let skipped = 0;
    for (const [file, kind] of [
      [LEGACY_VOTES_FILE, 'vote'],
      [LEGACY_UNANSWERED_FILE, 'unanswered'],
    ] as const) {
      const path = join(this.dataDir, file);
      if (!existsSync(path) || !statSync(path).isFile()) continue;
      let batch: TimedRecord[] = [];
      for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
        if (line.trim() === '') continue;
        const record = parseRecordLine(line, kind);
        if (!record) {
          skipped += 1;
          continue;
        }
        batch.push(record);
        if (batch.length >= 1000) {
          this.writeBatch(batch);
          imported += batch.length;
          batch = [];
        }
      }
      this.writeBatch(batch);
      imported += batch.length;
      renameSync(path, `${path}.imported`);
    }
    if (imported + skipped > 0)
      this.logger?.info({ imported, skipped }, 'earlier JSON lines records imported into the database');
    return { imported, skipped };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
