import { INPUT_AFTER, INPUT_BEFORE, NUMBER, OUTPUT_AFTER, OUTPUT_BEFORE, UNIT } from './amount.js';
import { decimal } from './decimal.js';
import type { TextUnit } from './request.js';
import { simplify } from './text.js';
import { MONTHS, TIME } from './time-words.js';

/**
 * Every number of a cost or training question, classified (tokens, money, a price per GPU-hour, a count
 * of requests, a duration, GPUs, a text size, a percentage, a date, a model size) by the words around
 * it, before anything is priced, so that "671B parameters" or "$6M" is never a token amount.
 */

export type NumKind =
  | 'tokens'
  | 'bare'
  | 'money'
  | 'rate'
  | 'foreign'
  | 'percent'
  | 'count'
  | 'time'
  | 'gpus'
  | 'gpuHours'
  | 'text'
  | 'size'
  | 'date'
  | 'other';

export interface Num {
  kind: NumKind;
  /** The value as an exact decimal string (unit applied). */
  value: string;
  /** True when a unit (k, M, million) came with the number. */
  unit: boolean;
  index: number;
  end: number;
  role?: 'input' | 'output';
  /** For counts: the word counted; for times: the unit; for text: the unit; for foreign: the currency. */
  what?: string;
  /** The number reads as "at $2" / "à 2 $": a price rather than a budget. */
  at?: boolean;
  /** Placed like an amount to price: "cost of 10M", "10M on o1", "pour 2M avec r1". */
  priced?: boolean;
  /** Said to be read from the cache ("4M are cache hits", "2M en cache") or not ("2M uncached"). */
  cache?: 'hit' | 'miss';
}

const CACHE_AFTER_HIT =
  /^\s*(?:(?:de\s+)?(?:input\s+)?(?:tokens?|jetons?)\s+)?(?:(?:of|among)\s+(?:them|these|those|which)\s+|(?:d'entre eux|parmi eux|parmi lesquels)\s+)?(?:(?:are|is|were|being|sont|est|etant)\s+)?(?:(?:from|in|read from|du|dans le|lus? (?:depuis|dans) le)\s+)?(?:cache[- ]?hits?|cached|en cache|(?:the\s+)?cache\b|mis en cache)/;
const CACHE_AFTER_MISS =
  /^\s*(?:(?:de\s+)?(?:input\s+)?(?:tokens?|jetons?)\s+)?(?:(?:are|is|were|sont|est)\s+)?(?:uncached|not cached|cache[- ]?miss(?:es)?|hors cache|sans cache|pas en cache)/;

const SCAN = new RegExp(
  String.raw`(?<cur>[$€£¥]\s*)?(?<![\w.,])(?<num>${NUMBER})(?:\s*(?<unit>${UNIT}))?(?![\p{L}\d])`,
  'giu',
);

/** What may follow a number (A) or stand before it (B) to give its kind. */
const A = {
  percent: /^\s*(?:%|pour ?cents?|percent|per ?cent|pct)/,
  money: /^\s*(?:de\s+|d'\s*)?(?:\$|us\$|usd|dollars?(?:\s+us)?|bucks?)/,
  foreign: /^\s*(?:d'\s*|de\s+)?(?<c>€|eur\b|euros?|£|gbp|pounds?|livres?|¥|yen|yuans?|rmb|cny|chf|francs?)/,
  perHour:
    /^\s*(?:\/\s*|per\s+|an?\s+|par\s+|de\s+l'\s*|l'\s*|the\s+)(?:gpu[\s-]?)?(?:h\b|hr\b|hours?|heures?|gpu[\s-]?h)/,
  tokens:
    /^[\s-]*(?:de\s+|d'\s*)?(?:(?:input|output|prompt|completion|cached|uncached|cache[- ]?hits?|cache[- ]?miss(?:es)?|reasoning|extra|additional|new|fresh|more)\s+){0,3}(?:tokens?|jetons?|toks?)\b/,
  role: /^\s*(?:tokens?\s+|jetons?\s+)?(?:(?:en|d'|of|as|de)\s*)?(?:in|input|inputs|entree|entrees|prompt|out|output|outputs|sortie|sorties|completion)\b/,
  gpus: /^\s*(?:x\s*)?(?:nvidia\s+)?(?:gpus?|h800s?|h100s?|h200s?|a100s?|a800s?|b200s?|h20s?|puces|chips?|cartes(?: graphiques)?|cards|accelerateurs|accelerators)\b/,
  gpuHours:
    /^\s*(?:de\s+|d'\s*)?(?:gpu[\s-]?hours?|gpu[\s-]?hrs?|gpu[\s-]?h\b|gpuh|heures?[\s-]gpu|h[\s-]gpu)/,
  time: /^[\s-]*(?<u>hours?|hrs?|h\b|heures?|days?|jours?|j\b|weeks?|semaines?|months?|mois|years?|ans?\b|annees?)/,
  count:
    /^\s*(?:more\s+|de plus\s+|different\s+|differents\s+)?(?<w>requests?|requetes?|calls?|appels?|queries|query|questions?|messages?|conversations?|users?|utilisateurs?|clients?|customers?|documents?|docs?|files?|fichiers?|prompts?|times|fois|runs?|sessions?|articles?|e-?mails?|mails?|chats?|tickets?|livres?|books?|reponses?|answers?|completions|summaries|resumes?|traductions?|translations?|agents?|employees?|employes?|salaries?)\b/,
  text: /^[\s-]*(?<u>words?|mots?|pages?|characters?|chars?|caracteres?|signes?|lettres?)\b/,
  size: /^\s*(?:de\s+|d'\s*)?(?:parameters?|params?|parametres?|weights|poids|active|actifs?|activated|activ[eé]s?|model|modele|distill\w*|version|variant)/,
  date: new RegExp(String.raw`^\s*(?:er\s+)?(?:${MONTHS})\b`),
};

const B = {
  money: /(?:\$|usd|us\$)\s*$/,
  times: /(?:[x×*]|times|fois)\s*$/,
  date: new RegExp(String.raw`\b(?:${MONTHS})\.?\s*$`),
  glued: /[a-z][-]?$/,
  at: /(?:\bat|\ba|@|\bfor\s+|\bpour\s+)?\s*$/,
};

/** Words that may follow a token amount given without "tokens" ("10M on o1", "1M in, 200k out"). */
const AMOUNT_NEXT = new Set(
  (
    'on with for at in into out of as via using each per a an and or to from the sur avec pour en de du des d a ' +
    'par chacun chacune chaque et ou dans sous via input inputs output outputs prompt completion cached cache ' +
    'entree entrees sortie sorties would will could cost costs coute coutent couterait is are was be'
  ).split(' '),
);

function textUnit(word: string): TextUnit {
  if (/^(words?|mots?)$/.test(word)) return 'word';
  if (/^pages?$/.test(word)) return 'page';
  return 'char';
}

/** Every number of the question, classified. */
export function scanNumbers(text: string): Num[] {
  const s = simplify(text);
  const original = text.normalize('NFKC');
  const out: Num[] = [];
  for (const m of s.matchAll(SCAN)) {
    const g = m.groups ?? {};
    const index = m.index ?? 0;
    const end = index + m[0].length;
    const after = s.slice(end, end + 40);
    const before = s.slice(Math.max(0, index - 24), index);
    let unit = g.unit;
    const value = decimal(g.num ?? '', unit);
    if (value === undefined) continue;
    // "moins de 6 millions" compares a figure ("cost less than 6 million"); it prices nothing.
    const compared = /\b(?:moins|plus|pres)\s+de\s*$/.test(before);
    const priced =
      !compared &&
      (/\b(?:of|for|pour|de|du|cost|costs|coute\w*|price|prix|couts?|combien|how much|is|are|sont|est)\s*$/.test(
        before,
      ) ||
        /^\s*(?:on|sur|with|avec|for|pour|via|using|in|input|output|en)\b/.test(after));
    const cache = CACHE_AFTER_MISS.test(after) ? 'miss' : CACHE_AFTER_HIT.test(after) ? 'hit' : undefined;
    const base: Omit<Num, 'kind'> = {
      value,
      unit: Boolean(unit),
      index,
      end,
      priced,
      ...(cache ? { cache } : {}),
    };
    // "2 m" could be metres or minutes; a lone "m" right before a time word is no unit.
    if (unit && /^m$/i.test(unit) && A.time.test(after)) unit = undefined;
    const push = (kind: NumKind, extra: Partial<Num> = {}) => out.push({ ...base, kind, ...extra });
    const rawNum = (g.num ?? '').trim();
    if (g.cur?.trim() === '$' || B.money.test(before) || A.money.test(after)) {
      const moneyEnd = A.money.exec(after);
      const rest = moneyEnd ? after.slice(moneyEnd[0].length) : after;
      if (A.perHour.test(rest)) push('rate');
      else if (/^\s*(?:\/\s*|per\s+|par\s+|the\s+|le\s+)(?:m\b|mtok|million|1m\b)/.test(rest))
        push('rate', { what: 'perM' });
      else push('money', { at: /(?:\bat|\ba|@)\s*\$?\s*$/.test(before.replace(/[$]\s*$/, '')) });
      continue;
    }
    const cur = g.cur?.trim();
    const foreign = A.foreign.exec(after);
    if ((cur && cur !== '$') || foreign) {
      push('foreign', { what: cur || foreign?.groups?.c || '' });
      continue;
    }
    if (A.percent.test(after)) {
      push('percent');
      continue;
    }
    if (A.date.test(after) || (B.date.test(before) && !unit)) {
      push('date');
      continue;
    }
    if (A.size.test(after) || (B.glued.test(before) && !/(?:^|\s)(?:x|×)$/.test(before))) {
      // "Qwen-7B", "Llama 3.1 8B", "671B parameters": a model size, not an amount.
      if (!A.tokens.test(after) || B.glued.test(before)) {
        push('size');
        continue;
      }
    }
    // "671B MoE", "70b", "37B active": a count in billions without "tokens" is a model size.
    if (unit && /^(?:b|bn)$/i.test(unit) && !A.tokens.test(after) && !A.role.test(after)) {
      push('size');
      continue;
    }
    if (A.gpuHours.test(after)) {
      push('gpuHours');
      continue;
    }
    if (A.gpus.test(after)) {
      push('gpus');
      continue;
    }
    // "$2.19 per 1M tokens", "le prix par million": the unit of a price, not an amount to price.
    if (/(?:\bper|\bpar|\/|\beach|\bchaque)\s*$/.test(before) && (A.tokens.test(after) || unit)) {
      push('other');
      continue;
    }
    if (A.tokens.test(after)) {
      push('tokens', roleOf(after, before));
      continue;
    }
    // "300k prompt + 100k completion": a direction right after the number makes it an amount of tokens.
    const direct = roleOf(after, '');
    if (direct.role && A.role.test(after)) {
      push('tokens', direct);
      continue;
    }
    const time = A.time.exec(after);
    if (time?.groups?.u) {
      push('time', { what: TIME[time.groups.u] ?? 'hour' });
      continue;
    }
    const text = A.text.exec(after);
    if (text?.groups?.u) {
      push('text', { what: textUnit(text.groups.u) });
      continue;
    }
    const count = A.count.exec(after);
    if (count?.groups?.w) {
      const at = end + count[0].length - count.groups.w.length;
      push('count', { what: original.slice(at, at + count.groups.w.length) || count.groups.w });
      continue;
    }
    if (B.times.test(before)) {
      push('count', { what: '×' });
      continue;
    }
    if (/^\s*(?:x|×)(?![\p{L}\d])/u.test(after)) {
      push('count', { what: '×' });
      continue;
    }
    if (!unit && /^(19|20)\d\d$/.test(rawNum)) {
      push('date');
      continue;
    }
    // "1.5k bitcoin", "5m users": a number that counts something else is not an amount of tokens.
    const noun = /^\s*([a-z][a-z'-]*)/.exec(after)?.[1];
    if (noun && !AMOUNT_NEXT.has(noun) && !roleOf(after, before).role) {
      push('other');
      continue;
    }
    const role = roleOf(after, before);
    if (role.role && A.role.test(after.replace(/^\s*,/, ''))) push('tokens', role);
    else if (role.role && (INPUT_BEFORE.test(before) || OUTPUT_BEFORE.test(before))) push('tokens', role);
    else push('bare', role);
  }
  return out;
}

function roleOf(after: string, before: string): { role?: 'input' | 'output' } {
  const a = after
    .replace(/^[\s-]*(?:de\s+|d'\s*|of\s+)?(?:tokens?|jetons?|toks?)\b/, ' tokens')
    .replace(/^\s*(?:tokens?\s+)?(?:cached|uncached|en cache|cache[- ]?hits?|cache[- ]?miss(?:es)?)\s+/, ' ');
  if (INPUT_AFTER.test(a) || /^\s*(?:tokens?|jetons?)?\s*(?:d'|de\s+)?entree/.test(a))
    return { role: 'input' };
  if (
    OUTPUT_AFTER.test(a) ||
    /^\s*(?:tokens?|jetons?)?\s*(?:de\s+)?(?:sortie|answers?|responses?|replies|reply|reponses?)\b/.test(a)
  )
    return { role: 'output' };
  if (INPUT_BEFORE.test(before)) return { role: 'input' };
  if (OUTPUT_BEFORE.test(before)) return { role: 'output' };
  return {};
}
