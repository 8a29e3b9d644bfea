import pg from 'pg';
import type { Logger } from '../logger.js';
import { questionKey, type RecordBackend, type TimedRecord, voteRow } from './records.js';
import { DEFAULT_RETENTION, type Retention } from './sqlite-store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS briefbot_votes (
  id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, platform TEXT NOT NULL, "user" TEXT NOT NULL,
  entry_id TEXT NOT NULL, vote TEXT NOT NULL, lang TEXT NOT NULL, reason TEXT, comment TEXT);
ALTER TABLE briefbot_votes ADD COLUMN IF NOT EXISTS reason TEXT;
ALTER TABLE briefbot_votes ADD COLUMN IF NOT EXISTS comment TEXT;
CREATE INDEX IF NOT EXISTS briefbot_votes_at ON briefbot_votes(at);
CREATE TABLE IF NOT EXISTS briefbot_unanswered (
  id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, platform TEXT NOT NULL, question TEXT NOT NULL,
  qkey TEXT NOT NULL, lang TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS briefbot_unanswered_at ON briefbot_unanswered(at);
`;

/**
 * Votes and unanswered questions in PostgreSQL (DATABASE_URL), for several instances sharing one
 * server. Each batch is one transaction of two multi-row INSERTs; bounded by the same retention as
 * SQLite (pruned on open and every 10,000 records).
 */
export class PgRecords implements RecordBackend {
  readonly name = 'postgres';
  readonly pool: pg.Pool;
  private sincePrune = 0;

  constructor(
    url: string,
    private readonly retention: Retention = DEFAULT_RETENTION,
    private readonly logger?: Logger,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: 3000,
      query_timeout: 10_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client's error (server restart) must not crash the process; the next write reconnects.
    this.pool.on('error', (err) => this.logger?.warn({ err: err.message }, 'postgres connection lost'));
  }

  /** Creates the tables; throws with a clear message when the server cannot be reached. */
  async open(): Promise<void> {
    await this.pool.query(SCHEMA);
    await this.prune();
  }

  async write(batch: readonly TimedRecord[]): Promise<void> {
    const votes = batch.filter((r) => r.kind === 'vote');
    const unanswered = batch.filter((r) => r.kind === 'unanswered');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (votes.length > 0) {
        const values: unknown[] = [];
        const rows = votes.map((r, i) => {
          values.push(...voteRow(r));
          const b = i * 8;
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
        });
        await client.query(
          `INSERT INTO briefbot_votes (at, platform, "user", entry_id, vote, lang, reason, comment) VALUES ${rows.join(',')}`,
          values,
        );
      }
      if (unanswered.length > 0) {
        const values: unknown[] = [];
        const rows = unanswered.map((r, i) => {
          values.push(r.at, r.platform, r.question, questionKey(r.question), r.lang);
          const b = i * 5;
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
        });
        await client.query(
          `INSERT INTO briefbot_unanswered (at, platform, question, qkey, lang) VALUES ${rows.join(',')}`,
          values,
        );
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
    this.sincePrune += batch.length;
    if (this.sincePrune >= 10_000) await this.prune();
  }

  async prune(): Promise<void> {
    this.sincePrune = 0;
    const cutoff = new Date(Date.now() - this.retention.days * 86_400_000).toISOString();
    try {
      for (const table of ['briefbot_votes', 'briefbot_unanswered']) {
        await this.pool.query(`DELETE FROM ${table} WHERE at < $1`, [cutoff]);
        await this.pool.query(`DELETE FROM ${table} WHERE id <= (SELECT MAX(id) FROM ${table}) - $1`, [
          this.retention.maxRows,
        ]);
      }
    } catch (err) {
      this.logger?.warn({ err: (err as Error).message }, 'records prune failed');
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
