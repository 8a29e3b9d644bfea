import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE, LEGACY_UNANSWERED_FILE, LEGACY_VOTES_FILE } from '../services/sqlite-store.js';
import { fromPostgres, fromSqlite } from './report-database.js';
import { type ClosestEntry, type Report, Tally } from './report-tally.js';

/**
 * The feedback report behind `npm run report`: the records are read from the database
 * (report-database.ts) or from JSON lines files line by line (report-lines.ts), counted and ranked
 * (report-tally.ts), and shown as text (report-render.ts).
 */

export type { ClosestEntry, FixRow, Report, UnansweredRow, VoteRow } from './report-tally.js';

export interface ReportSources {
  /** DATA_DIR: its SQLite database and any JSON lines files of earlier versions. */
  dataDir: string;
  /** PostgreSQL instead of the SQLite database (DATABASE_URL). */
  databaseUrl?: string;
  /** Extra JSON lines files to read (`--jsonl`), each line a vote or an unanswered question. */
  jsonl?: string[];
}

/**
 * The most frequent unanswered questions and the entries with the most 👎, `top` of each: from the
 * database (grouped by the database), plus JSON lines files (earlier versions' files not imported
 * yet, and any `--jsonl` file), streamed in bounded memory with every odd line skipped and counted.
 */
export async function buildReport(
  sources: ReportSources | string,
  top = 20,
  closest?: ClosestEntry,
): Promise<Report> {
  const s: ReportSources = typeof sources === 'string' ? { dataDir: sources } : sources;
  const tally = new Tally();
  if (s.databaseUrl) await fromPostgres(tally, s.databaseUrl);
  else if (existsSync(join(s.dataDir, DB_FILE))) fromSqlite(tally, join(s.dataDir, DB_FILE));
  for (const file of [LEGACY_UNANSWERED_FILE, LEGACY_VOTES_FILE]) await tally.file(join(s.dataDir, file));
  for (const file of s.jsonl ?? []) await tally.file(file);
  return tally.report(top, closest);
}
