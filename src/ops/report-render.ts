import { FEEDBACK_REASONS } from '../core/feedback.js';
import type { Report } from './report-tally.js';

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
  const parts = [
    `briefbot report — ${dataDir}`,
    '',
    ...section(
      `Most frequent unanswered questions (${report.totals.unanswered} recorded)`,
      ['#', 'count', 'lang', 'closest entry', 'question'],
      report.unanswered.map((r, i) => [i + 1, r.count, r.lang, r.closest ?? '–', r.question]),
    ),
    '',
    ...section(
      `Entries with the most 👎 (${report.totals.votes} votes recorded), by reason`,
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
    '',
    ...section(
      'Fix first (2 × 👎 + unanswered questions closest to the entry)',
      ['#', 'entry', '👎', 'near misses', 'main reason'],
      report.fixFirst.map((r, i) => [i + 1, r.entryId, r.down, r.nearMisses, r.topReason ?? '–']),
    ),
  ];
  if (report.totals.skippedLines > 0)
    parts.push('', `${report.totals.skippedLines} unreadable line(s) skipped`);
  return `${parts.join('\n')}\n`;
}

/** A titled table, or "(none)" under the title when it has no rows. */
function section(title: string, headers: string[], rows: (string | number)[][]): string[] {
  return [title, rows.length === 0 ? '(none)' : table(headers, rows)];
}
