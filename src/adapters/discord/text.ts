import { escapeMarkdown } from 'discord.js';
import { Memo } from '../../core/memo.js';
import { safeText } from '../../core/safe-text.js';

/** Discord's documented limits, in UTF-16 code units (never fewer than Discord's own character count). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  content: 2000,
  buttonLabel: 80,
  customId: 100,
  buttonUrl: 512,
  buttonsPerRow: 5,
  rows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  modalRows: 5,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputLength: 4000,
} as const;

export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` code units, at a word boundary when one is near enough, ending with "…".
 * Never splits a surrogate pair.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let end = max - ELLIPSIS.length;
  const space = text.slice(0, end + 1).search(/\s\S*$/);
  if (space > end * 0.6) end = space;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).replace(/[\s,;:.\-–—]+$/u, '')}${ELLIPSIS}`;
}

/**
 * Any text put in a Discord message: the shared sanitizer (invisible/bidi characters removed, masked
 * links and addresses defused; core/safe-text.ts), and no line may start a heading or subtext
 * (`#`, `##`, `###`, `-#`) — the bot's replies never use them, so one there came from a user.
 */
export function safe(text: string): string {
  // Answers repeat the knowledge's texts: the same titles, bodies and labels are made safe once.
  return text.length <= SAFE_SEEN_MAX_LENGTH ? SAFE_SEEN.get(text, makeSafe) : makeSafe(text);
}

function makeSafe(text: string): string {
  return safeText(text, true).replace(/^(\s*)(#{1,3}|-#)(?=\s)/gm, '$1\\$2');
}

/** `safe()`'s results for recent texts: at most this many, each at most this long (a few MB at worst). */
const SAFE_SEEN_SIZE = 512;
const SAFE_SEEN_MAX_LENGTH = 4096;
const SAFE_SEEN = new Memo<string, string>(SAFE_SEEN_SIZE);

/**
 * User text shown back: one line, at most `max` characters before escaping, sanitized, with every
 * markdown construct escaped (bold, code, quotes, headings, lists, masked links).
 */
export function echo(text: string, max = 200): string {
  const line = safeText(text).replace(/\s+/g, ' ').trim();
  return escapeMarkdown(cut(line, max), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
}
