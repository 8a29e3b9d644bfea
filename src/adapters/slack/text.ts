import { safeText } from '../../core/safe-text.js';

/**
 * Text helpers for Slack: escaping of the three control characters and clean cutting to Block Kit
 * limits. Lengths are counted on the escaped text (what Slack measures) and never split an entity
 * or a surrogate pair.
 */

/**
 * Escapes `&`, `<`, `>` so no text can form `<!channel>`, `<@U…>` or a link, after the shared sanitizer
 * (core/safe-text.ts) has removed invisible/bidi characters and defused addresses Slack would auto-link.
 */
export function escapeMrkdwn(text: string): string {
  return escapeSafe(safeText(text, true));
}

/** The escaping alone, for text already through safeText. */
function escapeSafe(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Results of the pure functions below, by argument: a reply's texts are mostly the knowledge's and
 * the messages', the same strings answer after answer, and sanitizing them (a pass per character,
 * four regular expressions) was most of the renderer's time (115 → 12 µs a reply). Bounded: once the
 * texts held pass MEMO_CHARS, all are forgotten; longer texts are never kept.
 */
const MEMO_CHARS = 1_000_000;
const MEMO_MAX_TEXT = 4000;
const memo = new Map<number, Map<string, string | string[]>>();
let memoChars = 0;

function remembered<T extends string | string[]>(raw: string, key: number, compute: () => T): T {
  if (raw.length > MEMO_MAX_TEXT) return compute();
  let byText = memo.get(key);
  const hit = byText?.get(raw);
  if (hit !== undefined) return hit as T;
  const value = compute();
  memoChars += raw.length * 2 + 16;
  if (memoChars > MEMO_CHARS) {
    memo.clear();
    byText = undefined;
    memoChars = raw.length * 2 + 16;
  }
  if (!byText) {
    byText = new Map();
    memo.set(key, byText);
  }
  byText.set(raw, value);
  return value;
}

const ELLIPSIS = '…';

function escapedLength(ch: string): number {
  return ch === '&' ? 5 : ch === '<' || ch === '>' ? 4 : ch.length;
}

/** The number of UTF-16 units of `text` whose escaped form fits in `budget`. */
function fittingPrefix(text: string, budget: number): number {
  let used = 0;
  let units = 0;
  for (const ch of text) {
    const cost = escapedLength(ch);
    if (used + cost > budget) break;
    used += cost;
    units += ch.length;
  }
  return units;
}

/**
 * Where to cut `text` (≤ `hard` units): the last paragraph, line or sentence end in the second half,
 * else the last word end, else `hard`.
 */
function cleanCut(text: string, hard: number): number {
  if (hard >= text.length) return hard;
  const window = text.slice(0, hard + 1);
  const half = Math.floor(hard / 2);
  for (const [re, floor] of [
    [/\n\s*\n/g, half],
    [/\n/g, half],
    [/[.!?…](\s)/g, half],
    [/\s/g, 1],
  ] as const) {
    let best = -1;
    for (const m of window.matchAll(re)) {
      const end = m.index + (m[1] === undefined ? 0 : 1);
      if (end >= floor && end <= hard) best = end;
    }
    if (best > 0) return best;
  }
  return hard;
}

/** Escapes `text` and cuts it to at most `max` characters, ending with `…` when cut. */
export function escapeAndCut(raw: string, max: number): string {
  return remembered(raw, max, () => {
    // Sanitized first, so the lengths below are those of the text Slack receives.
    const text = safeText(raw, true);
    const escaped = escapeSafe(text);
    if (escaped.length <= max) return escaped;
    const hard = fittingPrefix(text, max - ELLIPSIS.length);
    return `${escapeMrkdwn(text.slice(0, cleanCut(text, hard)).trimEnd())}${ELLIPSIS}`;
  });
}

/**
 * Escapes `text` and splits it into at most `maxParts` pieces of at most `max` characters, at clean
 * boundaries; when it does not fit, the last piece ends with `…`.
 */
export function escapeAndSplit(text: string, max: number, maxParts: number): string[] {
  // Keyed by both numbers (a negative key: apart from escapeAndCut's); a copy, so no caller shares it.
  return [...remembered(text, -(max * 100 + maxParts), () => splitEscaped(text, max, maxParts))];
}

function splitEscaped(text: string, max: number, maxParts: number): string[] {
  const parts: string[] = [];
  let rest = safeText(text, true).trim();
  while (rest.length > 0) {
    if (parts.length === maxParts - 1 || escapeMrkdwn(rest).length <= max) {
      parts.push(escapeAndCut(rest, max));
      break;
    }
    const cut = cleanCut(rest, fittingPrefix(rest, max));
    parts.push(escapeMrkdwn(rest.slice(0, cut).trimEnd()));
    rest = rest.slice(cut).trimStart();
  }
  return parts;
}

/** A link `<url|label>` when the address is a plain http(s) URL, else the escaped label alone. */
export function mrkdwnLink(url: string | undefined, label: string, maxLabel = 200): string {
  const text = escapeAndCut(label, maxLabel);
  if (!url || !/^https?:\/\/[^\s<>|]+$/.test(url)) return text;
  return `<${url.replace(/&/g, '&amp;')}|${text.replace(/\|/g, '¦')}>`;
}

/**
 * Turns Slack's message markup into the plain question a person typed: drops the bot's own mention,
 * shows other mentions, channels and links as text, and decodes Slack's entities.
 */
export function plainQuestion(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) =>
      id === botUserId ? ' ' : `@${name ?? id}`,
    )
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => `#${name ?? 'channel'}`)
    .replace(
      /<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g,
      (_m, word: string, label?: string) => label ?? `@${word}`,
    )
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
