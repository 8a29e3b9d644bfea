import { renderTextChart } from './charts/text.js';
import { formatDate } from './dates.js';
import { formatPercent } from './format.js';
import { t } from './i18n/index.js';
import { type Reply, type SourceCitation, shownConfidence } from './reply.js';

export interface TextOptions {
  /** Draw the reply's chart as text bars (console, `npm run ask`). */
  chart?: boolean;
}

/** Markdown the core uses for chat surfaces (`**bold**`, `code`), read as plain text. */
export function plainText(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`\n]+)`/g, '$1');
}

/** "Source: Reuters, 27 January 2025 — https://…": one line, the date for the reader, no doubled brackets. */
export function sourceLine(source: SourceCitation, lang: Reply['lang']): string {
  const m = t(lang);
  const date = source.date ? formatDate(source.date, lang) : undefined;
  const label = date && !source.label.includes(date) ? `${source.label}, ${date}` : source.label;
  return `${m.fact.source}${m.colon}${label}${source.url ? ` — ${source.url}` : ''}`;
}

/**
 * Plain-text rendering of a Reply, for the console, the CLI and notification fallbacks: the answer's
 * first line first, then details, the chart, the article quote (with its translation), one source line.
 */
export function renderText(reply: Reply, options: TextOptions = {}): string {
  const m = t(reply.lang);
  // A fact's title is the stored question: the answer itself comes first.
  const lines: string[] = reply.kind === 'fact' && reply.answered ? [] : [reply.title, ''];
  lines.push(plainText(reply.body));
  if (reply.fields.length > 0) {
    lines.push('');
    for (const f of reply.fields)
      lines.push(`${f.label}${m.colon}${plainText(f.value).replace(/\n/g, '\n  ')}`);
  }
  if (options.chart && reply.chart) lines.push('', renderTextChart(reply.chart));
  if (reply.source?.quote) {
    lines.push('', `${m.glance.quoteLabel}${m.colon}« ${reply.source.quote} »`);
    if (reply.source.quoteTranslation)
      lines.push(`${m.glance.translation}${m.colon}“${reply.source.quoteTranslation}”`);
  }
  if (reply.source) lines.push('', sourceLine(reply.source, reply.lang));
  const confidence = shownConfidence(reply);
  if (confidence !== undefined)
    lines.push(`${m.fact.confidence}${m.colon}${formatPercent(confidence, reply.lang)}`);
  // No buttons in plain text: "Show as chart" links are left out (the chart itself is drawn above).
  const related = reply.related.filter((r) => !r.id.startsWith('chart-'));
  if (related.length > 0) {
    lines.push('', `${m.fact.related}${m.colon.trimEnd()}`);
    for (const r of related) lines.push(`  ${r.question}`);
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
