import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNANSWERED_FILE, VOTES_FILE } from '../services/file-store.js';

export interface UnansweredRow {
  question: string;
  count: number;
  lang: string;
}

export interface VoteRow {
  entryId: string;
  down: number;
  up: number;
}

export interface Report {
  unanswered: UnansweredRow[];
  disliked: VoteRow[];
  totals: { unanswered: number; votes: number; skippedLines: number };
}

/** Reads the JSON lines files of DATA_DIR; a missing file counts as empty, a bad line is skipped. */
function readLines(file: string): { records: Record<string, unknown>[]; skipped: number } {
  if (!existsSync(file)) return { records: [], skipped: 0 };
  const records: Record<string, unknown>[] = [];
  let skipped = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object') records.push(value as Record<string, unknown>);
      else skipped += 1;
    } catch {
      skipped += 1;
    }
  }
  return { records, skipped };
}

/** The same question typed with other case or spacing counts once. */
function questionKey(q: string): string {
  return q
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[?!.\s]+$/, '')
    .trim();
}

/** The most frequent unanswered questions and the entries with the most 👎, `top` of each. */
export function buildReport(dataDir: string, top = 20): Report {
  const un = readLines(join(dataDir, UNANSWERED_FILE));
  const votes = readLines(join(dataDir, VOTES_FILE));

  const questions = new Map<string, UnansweredRow>();
  for (const r of un.records) {
    if (typeof r.question !== 'string') continue;
    const key = questionKey(r.question);
    const row = questions.get(key) ?? { question: r.question, count: 0, lang: String(r.lang ?? '') };
    row.count += 1;
    questions.set(key, row);
  }

  const entries = new Map<string, VoteRow>();
  for (const r of votes.records) {
    if (typeof r.entryId !== 'string') continue;
    const row = entries.get(r.entryId) ?? { entryId: r.entryId, down: 0, up: 0 };
    if (r.vote === 'down') row.down += 1;
    else if (r.vote === 'up') row.up += 1;
    entries.set(r.entryId, row);
  }

  return {
    unanswered: [...questions.values()]
      .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question))
      .slice(0, top),
    disliked: [...entries.values()]
      .filter((r) => r.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up || a.entryId.localeCompare(b.entryId))
      .slice(0, top),
    totals: {
      unanswered: un.records.length,
      votes: votes.records.length,
      skippedLines: un.skipped + votes.skipped,
    },
  };
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
          ['#', 'count', 'lang', 'question'],
          report.unanswered.map((r, i) => [i + 1, r.count, r.lang, r.question]),
        ),
  );
  parts.push('', `Entries with the most 👎 (${report.totals.votes} votes recorded)`);
  parts.push(
    report.disliked.length === 0
      ? '(none)'
      : table(
          ['#', '👎', '👍', 'entry'],
          report.disliked.map((r, i) => [i + 1, r.down, r.up, r.entryId]),
        ),
  );
  if (report.totals.skippedLines > 0)
    parts.push('', `${report.totals.skippedLines} unreadable line(s) skipped`);
  return `${parts.join('\n')}\n`;
}
