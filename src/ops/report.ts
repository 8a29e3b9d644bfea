import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FEEDBACK_REASONS, type FeedbackReason } from '../core/feedback.js';
import { parseRecordLine, questionKey } from '../services/records.js';
import { DB_FILE, LEGACY_UNANSWERED_FILE, LEGACY_VOTES_FILE } from '../services/sqlite-store.js';

export interface UnansweredRow {
  question: string;
  count: number;
  lang: string;
}

export interface VoteRow {
  entryId: string;
  down: number;
  up: number;
  /** 👎 by reason given in the feedback form ("none" when the form was sent without one). */
  reasons?: Partial<Record<FeedbackReason | 'none', number>>;
}

/** An entry worth fixing first: its 👎, and the unanswered questions it came closest to. */
export interface FixRow {
  entryId: string;
  down: number;
  nearMisses: number;
  topReason?: FeedbackReason;
}

export interface Report {
  unanswered: (UnansweredRow & { closest?: string })[];
  disliked: VoteRow[];
  /** Entries ranked by 2 × 👎 + unanswered questions closest to them (when a closest-entry finder is given). */
  fixFirst: FixRow[];
  totals: { unanswered: number; votes: number; skippedLines: number };
}

/** Which entry the engine came closest to for a question it could not answer (the report's "closest"). */
export type ClosestEntry = (question: string, lang: string) => string | undefined;

export interface ReportSources {
  /** DATA_DIR: its SQLite database and any JSON lines files of earlier versions. */
  dataDir: string;
  /** PostgreSQL instead of the SQLite database (DATABASE_URL). */
  databaseUrl?: string;
  /** Extra JSON lines files to read (`--jsonl`), each line a vote or an unanswered question. */
  jsonl?: string[];
}

/** Longest line read from a JSON lines file; a longer one is skipped without being held in memory. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Counts by key in bounded memory: past `2 × capacity` keys the smallest half is evicted (a lossy
 * top-k count). Exact while there are fewer distinct keys than that; the top of a skewed stream stays
 * right beyond it.
 */
export class TopCounter<T extends { count: number }> {
  private readonly rows = new Map<string, T>();
  constructor(private readonly capacity = 5000) {}

  add(key: string, weight: number, make: () => T): T {
    let row = this.rows.get(key);
    if (!row) {
      row = make();
      this.rows.set(key, row);
      if (this.rows.size > this.capacity * 2) this.evict();
    }
    row.count += weight;
    return row;
  }

  values(): T[] {
    return [...this.rows.values()];
  }

  private evict(): void {
    const sorted = [...this.rows.entries()].sort((a, b) => b[1].count - a[1].count);
    for (const [k] of sorted.slice(this.capacity)) this.rows.delete(k);
  }
}

/**
 * Calls `onLine` for each line of a file, reading it in chunks: memory stays bounded whatever the file
 * size, and a line longer than MAX_LINE_BYTES (or a torn last line) is counted as skipped.
 */
export async function forEachLine(
  path: string,
  onLine: (line: string) => void,
): Promise<{ skipped: number }> {
  let skipped = 0;
  let parts: Buffer[] = [];
  let partLength = 0;
  let overlong = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (overlong || partLength + (nl - start) > MAX_LINE_BYTES) skipped += 1;
      else {
        const piece = chunk.subarray(start, nl);
        onLine(partLength === 0 ? piece.toString('utf8') : Buffer.concat([...parts, piece]).toString('utf8'));
      }
      parts = [];
      partLength = 0;
      overlong = false;
      start = nl + 1;
    }
    if (start < chunk.length && !overlong) {
      const rest = chunk.subarray(start);
      if (partLength + rest.length > MAX_LINE_BYTES) {
        overlong = true;
        parts = [];
        partLength = 0;
      } else {
        parts.push(Buffer.from(rest));
        partLength += rest.length;
      }
    }
  }
  // A last line without its newline was cut by a crash or a full disk: it is not a record.
  if (partLength > 0 || overlong) skipped += 1;
  return { skipped };
}

class Tally {
  readonly questions = new TopCounter<UnansweredRow>();
  readonly entries = new TopCounter<VoteRow & { count: number }>();
  unanswered = 0;
  votes = 0;
  skipped = 0;

  question(question: string, lang: string, count: number, key = questionKey(question)): void {
    this.unanswered += count;
    this.questions.add(key, count, () => ({ question, count: 0, lang }));
  }

  vote(
    entryId: string,
    up: number,
    down: number,
    reasons: Partial<Record<FeedbackReason | 'none', number>> = {},
  ): void {
    this.votes += up + down;
    const row = this.entries.add(entryId, up + down, () => ({ entryId, down: 0, up: 0, count: 0 }));
    row.up += up;
    row.down += down;
    for (const [reason, n] of Object.entries(reasons) as [FeedbackReason | 'none', number][]) {
      if (!n) continue;
      row.reasons ??= {};
      row.reasons[reason] = (row.reasons[reason] ?? 0) + n;
    }
  }

  /** Reads one JSON lines file, deciding per line whether it is a vote or a question. */
  async file(path: string): Promise<void> {
    if (!existsSync(path) || !statSync(path).isFile()) return;
    const { skipped } = await forEachLine(path, (line) => {
      if (line.trim() === '') return;
      const record = parseRecordLine(line);
      if (!record) this.skipped += 1;
      else if (record.kind === 'vote')
        this.vote(
          record.entryId,
          record.vote === 'up' ? 1 : 0,
          record.vote === 'down' ? 1 : 0,
          record.vote === 'down' ? { [record.reason ?? 'none']: 1 } : {},
        );
      else this.question(record.question, record.lang, 1);
    });
    this.skipped += skipped;
  }

  report(top: number, closest?: ClosestEntry): Report {
    const questions = this.questions
      .values()
      .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question));
    const disliked = this.entries
      .values()
      .filter((r) => r.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up || a.entryId.localeCompare(b.entryId))
      .map(({ entryId, down, up, reasons }) => ({ entryId, down, up, ...(reasons ? { reasons } : {}) }));
    // The closest entry of the most frequent unanswered questions (a bounded number of engine calls).
    const near = new Map<string, number>();
    const unanswered = questions.slice(0, Math.max(top, CLOSEST_ASKED)).map((q) => {
      const id = closest?.(q.question, q.lang);
      if (id) near.set(id, (near.get(id) ?? 0) + q.count);
      return id ? { ...q, closest: id } : q;
    });
    const ids = new Set([...disliked.map((d) => d.entryId), ...near.keys()]);
    const fixFirst = [...ids]
      .map((entryId) => {
        const d = disliked.find((x) => x.entryId === entryId);
        const reasons = Object.entries(d?.reasons ?? {}).filter(([r]) => r !== 'none') as [
          FeedbackReason,
          number,
        ][];
        const topReason = reasons.sort((a, b) => b[1] - a[1])[0]?.[0];
        return {
          entryId,
          down: d?.down ?? 0,
          nearMisses: near.get(entryId) ?? 0,
          ...(topReason ? { topReason } : {}),
        };
      })
      .sort(
        (a, b) =>
          2 * b.down + b.nearMisses - (2 * a.down + a.nearMisses) || a.entryId.localeCompare(b.entryId),
      )
      .slice(0, top);
    return {
      unanswered: unanswered.slice(0, top),
      disliked: disliked.slice(0, top),
      fixFirst,
      totals: { unanswered: this.unanswered, votes: this.votes, skippedLines: this.skipped },
    };
  }
}

/** How many grouped rows are taken from a database (the report shows `top` of them). */
const DB_ROWS = 1000;
/** Unanswered questions (most frequent first) whose closest entry counts towards "fix first". */
const CLOSEST_ASKED = 200;

const REASON_SUMS = FEEDBACK_REASONS.map(
  (r) => `SUM(CASE WHEN vote = 'down' AND reason = '${r}' THEN 1 ELSE 0 END) AS "${r}"`,
).join(', ');

const SQL = {
  questions: (t: string) =>
    `SELECT qkey, MIN(question) AS question, MIN(lang) AS lang, COUNT(*) AS n FROM ${t} GROUP BY qkey ORDER BY n DESC LIMIT ${DB_ROWS}`,
  votes: (t: string) =>
    `SELECT entry_id, SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) AS down, ${REASON_SUMS} FROM ${t} GROUP BY entry_id ORDER BY down DESC LIMIT ${DB_ROWS}`,
  count: (t: string) => `SELECT COUNT(*) AS n FROM ${t}`,
};

interface QuestionRow {
  qkey: string;
  question: string;
  lang: string;
  n: number | string;
}
interface VoteSumRow {
  entry_id: string;
  up: number | string;
  down: number | string;
  [reason: string]: number | string | null;
}

function addRows(
  tally: Tally,
  questions: QuestionRow[],
  votes: VoteSumRow[],
  totals: [number, number],
): void {
  for (const r of questions) tally.question(r.question, r.lang, Number(r.n), r.qkey);
  for (const r of votes) {
    const reasons: Partial<Record<FeedbackReason | 'none', number>> = {};
    let given = 0;
    for (const reason of FEEDBACK_REASONS) {
      const n = Number(r[reason] ?? 0);
      if (n > 0) reasons[reason] = n;
      given += n;
    }
    if (Number(r.down) > given) reasons.none = Number(r.down) - given;
    tally.vote(r.entry_id, Number(r.up), Number(r.down), reasons);
  }
  // Grouped rows past DB_ROWS are not read; the totals still count every record.
  tally.unanswered += totals[0] - questions.reduce((s, r) => s + Number(r.n), 0);
  tally.votes += totals[1] - votes.reduce((s, r) => s + Number(r.up) + Number(r.down), 0);
}

function fromSqlite(tally: Tally, file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (t: string) => Number((db.prepare(SQL.count(t)).get() as { n: number }).n);
    addRows(
      tally,
      db.prepare(SQL.questions('unanswered')).all() as QuestionRow[],
      db.prepare(SQL.votes('votes')).all() as VoteSumRow[],
      [count('unanswered'), count('votes')],
    );
  } finally {
    db.close();
  }
}

async function fromPostgres(tally: Tally, url: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const count = async (t: string) => Number((await client.query(SQL.count(t))).rows[0]?.n ?? 0);
    addRows(
      tally,
      (await client.query(SQL.questions('briefbot_unanswered'))).rows as QuestionRow[],
      (await client.query(SQL.votes('briefbot_votes'))).rows as VoteSumRow[],
      [await count('briefbot_unanswered'), await count('briefbot_votes')],
    );
  } finally {
    await client.end();
  }
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

/** A plain-text table with a header rule; cells are cut at 70 characters and kept on one line. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => oneLine(String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}

/** The whole report as text, for `npm run report`. */
export function renderReport(report: Report, dataDir: string): string {
  const parts = [`briefbot report — ${dataDir}`, ''];
  parts.push(`Most frequent unanswered questions (${report.totals.unanswered} recorded)`);
  parts.push(
    report.unanswered.length === 0
      ? '(none)'
      : table(
          ['#', 'count', 'lang', 'closest entry', 'question'],
          report.unanswered.map((r, i) => [i + 1, r.count, r.lang, r.closest ?? '–', r.question]),
        ),
  );
  parts.push('', `Entries with the most 👎 (${report.totals.votes} votes recorded), by reason`);
  parts.push(
    report.disliked.length === 0
      ? '(none)'
      : table(
          ['#', '👎', '👍', ...FEEDBACK_REASONS, 'no reason', 'entry'],
          report.disliked.map((r, i) => [
            i + 1,
            r.down,
            r.up,
            ...FEEDBACK_REASONS.map((reason) => r.reasons?.[reason] ?? 0),
            r.reasons?.none ?? 0,
            r.entryId,
          ]),
        ),
  );
  parts.push('', 'Fix first (2 × 👎 + unanswered questions closest to the entry)');
  parts.push(
    report.fixFirst.length === 0
      ? '(none)'
      : table(
          ['#', 'entry', '👎', 'near misses', 'main reason'],
          report.fixFirst.map((r, i) => [i + 1, r.entryId, r.down, r.nearMisses, r.topReason ?? '–']),
        ),
  );
  if (report.totals.skippedLines > 0)
    parts.push('', `${report.totals.skippedLines} unreadable line(s) skipped`);
  return `${parts.join('\n')}\n`;
}
