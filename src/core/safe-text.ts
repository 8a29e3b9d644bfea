/**
 * The one sanitizer for text shown back to people, on every surface (Discord, Slack, console). Knows no
 * platform: it removes what no reader can see and defuses what a client would turn into a live link;
 * each adapter then escapes its own markup.
 *
 * - Invisible and direction-changing characters: C0/C1 controls (NUL, ESC…), format characters (U+202E
 *   and the other bidi controls, zero-width space/non-joiner, BOM, soft hyphen, word joiner…), line and
 *   paragraph separators, and the blank "filler" letters used to fake empty names. A zero-width joiner
 *   survives only between two emoji, where it builds one emoji.
 * - Links: masked/markdown links `[label](target)` lose their syntax (`label (target)`), and every
 *   `scheme://` address is defanged to `scheme[:]//`, as are `www.` and Discord invite hosts, so no
 *   client auto-links them.
 */

const ZWJ = '\u200d';
const FILLERS = /[\u115f\u1160\u3164\uffa0\u2800]/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/**
 * Every character the loop below changes or drops, with and without the line break `keepLines`
 * keeps: a text holding none of them comes back as it is.
 */
const CHANGED = /[\p{Cc}\p{Cf}\u2028\u2029\u115f\u1160\u3164\uffa0\u2800]/u;
const CHANGED_BUT_LINES = /(?!\n)[\p{Cc}\p{Cf}\u2028\u2029\u115f\u1160\u3164\uffa0\u2800]/u;

/** Removes invisible and bidi characters; tabs and line breaks become spaces unless `keepLines`. */
export function stripInvisible(text: string, keepLines = false): string {
  // Most texts (the knowledge's answers, plain questions) hold nothing to remove: one scan, no copy.
  if (!(keepLines ? CHANGED_BUT_LINES : CHANGED).test(text)) return text;
  const chars = Array.from(text.replace(FILLERS, ''));
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] as string;
    if (ch === '\n' && keepLines) {
      out += ch;
    } else if (/[\t\n\r\v\f\u2028\u2029]/.test(ch)) {
      out += ' ';
    } else if (ch === ZWJ) {
      if (PICTOGRAPH.test(chars[i - 1] ?? '') && PICTOGRAPH.test(chars[i + 1] ?? '')) out += ch;
    } else if (!INVISIBLE.test(ch)) {
      out += ch;
    }
  }
  return out;
}

/** Defuses masked links, markdown links and auto-linked addresses (see the module comment). */
export function defuseLinks(text: string): string {
  return text
    .replace(/\]\s*\(/g, '] (')
    .replace(/\b([a-z][a-z0-9+.-]{1,31}):\/\//gi, '$1[:]//')
    .replace(/\bwww\./gi, 'www[.]')
    .replace(/\b(discord(?:app)?)\.(gg|com|me|io)\b/gi, '$1[.]$2');
}

/** Both: what every echo of a user's text goes through. */
export function safeText(text: string, keepLines = false): string {
  return defuseLinks(stripInvisible(text, keepLines));
}
