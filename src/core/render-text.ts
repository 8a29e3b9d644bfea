import { formatPercent } from './format.js';
import { t } from './i18n/index.js';
import { type Reply, shownConfidence } from './reply.js';

/** Plain-text rendering of a Reply, for the console, the CLI and notification fallbacks. */
export function renderText(reply: Reply): string {
  const m = t(reply.lang);
  const lines: string[] = [reply.title, '', reply.body.replace(/\*\*(.+?)\*\*/g, '$1')];
  if (reply.fields.length > 0) {
    lines.push('');
    for (const f of reply.fields) lines.push(`- ${f.label}${m.colon}${f.value.replace(/\n/g, '\n    ')}`);
  }
  if (reply.related.length > 0) {
    lines.push('', `${m.fact.related}${m.colon.trimEnd()}`);
    for (const r of reply.related) lines.push(`  • ${r.question}`);
  }
  if (reply.source) {
    const s = reply.source;
    const parts = [s.label, s.date, s.url].filter(Boolean).join(', ');
    lines.push('', `${m.fact.source}${m.colon}${parts}`);
    if (s.quote) lines.push(`  « ${s.quote} »`);
  }
  const confidence = shownConfidence(reply);
  if (confidence !== undefined)
    lines.push(`${m.fact.confidence}${m.colon}${formatPercent(confidence, reply.lang)}`);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
