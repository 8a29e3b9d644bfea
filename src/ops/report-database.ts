import Database from 'better-sqlite3';
import { FEEDBACK_REASONS, type FeedbackReason } from '../core/feedback.js';
import type { Tally } from './report-tally.js';

/** The records a database holds, grouped by the database itself (SQLite file or PostgreSQL). */

/** How many grouped rows are taken from a database (the report shows `top` of them). */
const DB_ROWS = 1000;

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

export function fromSqlite(tally: Tally, file: string): void {
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

export async function fromPostgres(tally: Tally, url: string): Promise<void> {
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
