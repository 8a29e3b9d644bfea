import type { Lang } from '../lang.js';
import {
  INPUT_AFTER,
  INPUT_BEFORE,
  NUMBER,
  OUTPUT_AFTER,
  OUTPUT_BEFORE,
  readNumber,
  UNIT,
  UNITS,
} from './amount.js';
import {
  type CostCalc,
  type Factor,
  HOURS,
  type PeriodChoice,
  type Size,
  type Span,
  type TextUnit,
  type TimeUnit,
  type TrainingCalc,
} from './request.js';

/**
 * Reads a whole cost or training question, in English or French: every number is classified (tokens,
 * money, a price per GPU-hour, a count of requests, a duration, GPUs, a text size, a percentage, a date,
 * a model size) before anything is priced, so that "671B parameters" or "$6M" is never a token amount.
 */

/** Lowercase, accents removed, same length as the NFKC text (positions stay comparable). */
export function simplify(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ');
}

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

const MONTHS =
  'jan(?:uary|vier|v)?|feb(?:ruary)?|fevr?(?:ier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|aout|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember|embre)?';
const MONTH_INDEX: [RegExp, number][] = [
  [/^jan/, 1],
  [/^(feb|fev)/, 2],
  [/^mar/, 3],
  [/^(apr|avr)/, 4],
  [/^(may|mai)/, 5],
  [/^(june?|juin)/, 6],
  [/^(july?|juil)/, 7],
  [/^(aug|aout)/, 8],
  [/^sep/, 9],
  [/^oct/, 10],
  [/^nov/, 11],
  [/^dec/, 12],
];

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

const TIME: Record<string, TimeUnit> = {
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  heure: 'hour',
  heures: 'hour',
  day: 'day',
  days: 'day',
  jour: 'day',
  jours: 'day',
  j: 'day',
  week: 'week',
  weeks: 'week',
  semaine: 'week',
  semaines: 'week',
  month: 'month',
  months: 'month',
  mois: 'month',
  year: 'year',
  years: 'year',
  an: 'year',
  ans: 'year',
  annee: 'year',
  annees: 'year',
};

function textUnit(word: string): TextUnit {
  if (/^(words?|mots?)$/.test(word)) return 'word';
  if (/^pages?$/.test(word)) return 'page';
  return 'char';
}

/** An exact decimal string from a number as typed and an optional unit; undefined when unreadable. */
export function decimal(num: string, unit?: string): string | undefined {
  const n = readNumber(num);
  if (!n || n.negative) return undefined;
  const power = unit ? UNITS[unit.toLowerCase()] : 0;
  if (power === undefined) return undefined;
  const exp = n.exp + power;
  if (n.digits.toString().length + exp > 24) return undefined;
  const digits = n.digits.toString();
  if (exp >= 0) return (digits + '0'.repeat(exp)).replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(-exp + 1, '0');
  const whole = padded.slice(0, padded.length + exp);
  const frac = padded.slice(padded.length + exp).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

const WORD_NUMBERS: Record<string, string> = {
  one: '1',
  un: '1',
  une: '1',
  two: '2',
  deux: '2',
  three: '3',
  trois: '3',
  four: '4',
  quatre: '4',
  five: '5',
  cinq: '5',
  six: '6',
  seven: '7',
  sept: '7',
  eight: '8',
  huit: '8',
  nine: '9',
  neuf: '9',
  ten: '10',
  dix: '10',
  twelve: '12',
  douze: '12',
  fifteen: '15',
  quinze: '15',
  twenty: '20',
  vingt: '20',
  thirty: '30',
  trente: '30',
  fifty: '50',
  cinquante: '50',
  hundred: '100',
  cent: '100',
};
const BIG = 'thousand|million|millions|billion|billions|mille|milliards?';
const NOUNS =
  'tokens?|jetons?|requests?|requetes?|requêtes?|calls?|appels?|users?|utilisateurs?|days?|jours?|weeks?|semaines?|months?|mois|years?|ans|hours?|heures?|gpus?|h100s?|h800s?|words?|mots|pages?';
const SPELLED = new RegExp(
  String.raw`\b(?:(a|an)\s+(?=(?:${BIG})\b)|(one|un|une|two|deux|three|trois|four|quatre|five|cinq|six|seven|sept|eight|huit|nine|neuf|ten|dix|twelve|douze|fifteen|quinze|twenty|vingt|thirty|trente|fifty|cinquante|hundred|cent)\s+(?=(?:${BIG}|${NOUNS})\b))`,
  'giu',
);

/** "a million tokens", "two weeks", "un milliard de tokens": number words as digits, before reading. */
export function spellNumbers(text: string): string {
  return text.replace(SPELLED, (all, article: string | undefined, word: string | undefined) => {
    if (article) return '1 ';
    const digits = WORD_NUMBERS[(word ?? '').toLowerCase()];
    return digits ? `${digits} ` : all;
  });
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
    const priced =
      /\b(?:of|for|pour|de|du|cost|costs|coute\w*|price|prix|couts?|combien|how much|is|are|sont|est)\s*$/.test(
        before,
      ) || /^\s*(?:on|sur|with|avec|for|pour|via|using|in|input|output|en)\b/.test(after);
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

// ---------------------------------------------------------------------------------------------------
// Words of the question

const COST_WORDS =
  /\b(cost|costs|costing|price|prices|priced|pricing|how much|combien|pay|payer|paie|paye|bill|billed|spend|spent|cher|chere|dollars?|usd|tarifs?|prix|couts?|coute|coutent|couter|couterait|coutera|couteraient|facture|factures|budget|calcul\w*|calculate|estimate|estime\w*|expensive|cheap|cheaper|afford|buy|achete\w*|charge\w*)\b|\$/;
const NOT_COST =
  /\b(context|contexte|max|maximum|max_tokens|limit\w*|window|fenetre|length|longueur|trained on|entraine sur|pre-?train\w*|dataset|data|donnees|corpus|vocab\w*|per second|par seconde|tokens\/s|throughput|speed|vitesse|lenteur|slow|support\w*|accept\w*|handle\w*|gere|prend en charge)\b/;
const TOKEN_WORD = /\b(tokens?|jetons?|toks?)\b/;
const CACHE_MISS =
  /\b(cache miss(?:es)?|uncached|not cached|without (?:the )?cach(?:e|ing)|no cache|sans cache|hors cache|pas en cache|non cachee?s?|cache-miss)\b/;
const CACHE_HIT =
  /\b(cached|cache hits?|cache-hit|from (?:the )?cache|with (?:the )?(?:context )?cach(?:e|ing)|caching|en cache|mis en cache|mise en cache|depuis le cache|du cache|dans le cache|cache)\b/;
const BOTH =
  /\b(input and output|output and input|in and out|entree et (?:en )?sortie|sortie et (?:en )?entree|both ways|each way|les deux sens|both directions|dans les deux sens)\b/;
const INPUT_WORD = /\b(input|inputs|entree|entrees|prompt|prompts|in only|read|lus|lecture)\b/;
const OUTPUT_WORD =
  /\b(output|outputs|sortie|sorties|completion|completions|generated|generes?|generation|written|ecrits?|produced|produits?)\b/;
const REVERSE =
  /\b(how long|how many days|how many hours|combien de temps|combien de jours|combien d'heures|how many|how much (?:\w+ )?(?:can|could|do|does|would|will) (?:i|we|you|it|that|this) (?:get|buy|afford|have|pay for|process)|what (?:can|could|does|do) .{0,30}(?:get|buy|afford)|combien de|combien d'|jusqu'a combien|que (?:puis|peut)|qu'est-ce que .{0,20}(?:achete|offre|paie|permet)|me permet|buys?|achete)\b/;

/** "latest": the list price after the promotion, o1-mini after its cut; "default": January 2025. */
const LATEST =
  /\b(after (?:the |its |their )?(?:promo\w*|discount\w*|cut|price cut|price drop|drop|reduction|end of the promo\w*|offer)|post[- ]?promo\w*|once the promo\w* (?:ends|ended|is over)|list prices?|regular prices?|normal prices?|full prices?|standard prices?|usual prices?|current(?:ly)?|today|nowadays|these days|now|latest|new price|newer price|apres (?:la |sa |leur |le )?(?:promo\w*|reduction|baisse|fin de la promo\w*|offre)|prix (?:catalogue|normal|standard|plein|public|de base|habituel|actuels?|courant)|tarifs? (?:normal|standard|plein|public|actuels?|catalogue)|actuel\w*|aujourd'hui|maintenant|nouveau prix|nouveaux prix)\b/;
const EARLIEST =
  /\b(before (?:the |its |their )?(?:cut|price cut|drop|reduction|end of the promo\w*)|during the promo\w*|promo\w* price|promotional|launch price|at launch|at the time|back then|in january|january 2025|en janvier|janvier 2025|au lancement|prix de lancement|pendant la promo\w*|avant (?:la |sa |leur )?(?:baisse|reduction|fin de la promo\w*)|prix promo\w*|a l'epoque|a ce moment)\b/;
const DATE = new RegExp(
  String.raw`\b(?:(?<d1>\d{1,2})(?:st|nd|rd|th|er)?\s+)?(?<m>${MONTHS})\.?(?:\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?<y>20\d\d))?\b|\b(?<iso>20\d\d-\d\d(?:-\d\d)?)\b`,
);

function periodOf(s: string): { period: PeriodChoice; said: boolean } {
  if (LATEST.test(s)) return { period: { kind: 'latest' }, said: true };
  const iso = DATE.exec(s);
  if (iso?.groups?.iso) {
    const d = iso.groups.iso.length === 7 ? `${iso.groups.iso}-01` : iso.groups.iso;
    return { period: { kind: 'date', date: d }, said: true };
  }
  // A month named with a price word: "in February 2025", "en mars".
  const dated =
    /\b(?:in|on|from|since|as of|en|au|le|depuis|des|a partir du?|at the start of|early|late|mid|debut|fin|mi)\b[\s-]+(?:(?:\d{1,2})(?:st|nd|rd|th|er)?\s+)?/.exec(
      s,
    ) && DATE.exec(s);
  if (EARLIEST.test(s)) return { period: { kind: 'default' }, said: true };
  if (dated?.groups?.m) {
    const month = MONTH_INDEX.find(([re]) => re.test(dated.groups?.m ?? ''))?.[1];
    if (month) {
      const year = dated.groups.y ?? '2025';
      const day = dated.groups.d1 ?? dated.groups.d2 ?? '1';
      const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
      return { period: { kind: 'date', date }, said: true };
    }
  }
  return { period: { kind: 'default' }, said: false };
}

const UNKNOWN_MODEL =
  /\b(gpt[- ]?\d(?:[.\w-]*\w)?(?:\s?(?:turbo|mini|pro))?|chatgpt|claude(?:[- ](?:\d(?:\.\d)?|opus|sonnet|haiku|instant))*|gemini(?:[- ](?:\d(?:\.\d)?|pro|flash|ultra|nano))*|llama[- ]?\d?(?:\.\d)?|mistral(?:[- ](?:large|small|medium))?|mixtral|qwen[\w.-]*|grok[- ]?\d?|o3(?:[- ]mini)?|o4[- ]mini|o1[- ]pro|o1[- ]preview|sonnet|opus|haiku|kimi|deepseek[- ]?v2(?:\.5)?|deepseek[- ]coder|deepseek[- ]r2|v2(?:\.5)?|r2|copilot|bard|palm|command[- ]r\+?|phi[- ]?\d)\b/g;

/** A model name without a price may be in the text (cheap test before a full parse). */
export function namesUnknownModel(simplified: string): boolean {
  return new RegExp(UNKNOWN_MODEL.source).test(simplified);
}

export interface Parsed {
  cost?: CostCalc;
  training?: TrainingCalc;
  /** Everything read, whether or not it makes a question by itself (for follow-ups). */
  draft: CostCalc;
  draftTraining: TrainingCalc;
  /** What the question said, for follow-ups: which parts of a calculation it changes. */
  said: {
    amount: boolean;
    models: boolean;
    also: boolean;
    direction?: 'input' | 'output' | 'both';
    cached?: number;
    period: boolean;
    times: boolean;
    budget: boolean;
    training: boolean;
  };
  /** The question reads as a calculation (a price word, a token word or a calculator number). */
  looksCost: boolean;
  /** The first sum of US dollars, in micro-dollars, whatever it is for. */
  money?: string;
}

export interface ParseInput {
  text: string;
  lang: Lang;
  /** Model ids found in the text, in order (from the knowledge's model names and aliases). */
  models: string[];
  /** True for the /cost command's amount field: every number there is a token amount. */
  field?: boolean;
  /** The previous turn was a calculation: an amount with a unit alone ("and for 5 million?") counts. */
  followUp?: boolean;
}

/** The share of input tokens read from the cache, from the words of the question; undefined if not said. */
function cacheOf(s: string, nums: Num[]): number | undefined {
  if (CACHE_MISS.test(s) && !/\b(?:\d+\s*%|half|moitie)/.test(s)) return 0;
  if (!CACHE_HIT.test(s)) return undefined;
  const cache = s.search(CACHE_HIT);
  const pct = nums.find((n) => n.kind === 'percent' && Math.abs(n.index - cache) < 40);
  if (pct) {
    const v = Number(pct.value);
    if (Number.isFinite(v) && v >= 0 && v <= 100) return v;
  }
  if (/\b(half|moitie)\b/.test(s)) return 50;
  return 100;
}

/** Understands a question as a token-cost or training-cost calculation, or neither. */
export function parseQuestion(raw: ParseInput): Parsed {
  const input = { ...raw, text: spellNumbers(raw.text) };
  const s = simplify(input.text);
  const nums = scanNumbers(input.text);
  const costWords = COST_WORDS.test(s);
  const tokenWord = TOKEN_WORD.test(s);
  const named = input.models.length > 0;
  const unknown = unknownModels(s, input.models.length > 0);
  const cached = cacheOf(s, nums);
  const { period, said: periodSaid } = periodOf(s);
  const currency = nums.find((n) => n.kind === 'foreign')?.what || foreignWord(s);

  // Token amounts: with "tokens", a direction, or a unit beside a price word or model name; a bare
  // number only in the /cost field or beside both a price word and a model name.
  const amounts = nums.filter((n) => {
    if (n.kind === 'tokens') return true;
    if (n.kind !== 'bare') return false;
    if (input.field) return true;
    if (n.role && (costWords || named)) return true;
    if (n.unit && (tokenWord || input.followUp || ((named || unknown.length > 0) && costWords && n.priced)))
      return true;
    return costWords && (named || unknown.length > 0) && n.priced === true && Number(n.value) >= 1000;
  });
  const textSizes = nums.filter((n) => n.kind === 'text');
  const counts = nums.filter((n) => n.kind === 'count');
  const money = nums.filter((n) => n.kind === 'money');
  const timesNums = nums.filter((n) => n.kind === 'time');

  const said: Parsed['said'] = {
    amount: amounts.length > 0 || textSizes.length > 0,
    models: named || unknown.length > 0,
    also: /\b(too|also|as well|aussi|egalement|en plus)\b/.test(s),
    period: periodSaid,
    times: counts.length > 0,
    budget: money.length > 0,
    training: false,
  };
  if (cached !== undefined) said.cached = cached;
  const direction = BOTH.test(s)
    ? 'both'
    : INPUT_WORD.test(s) && !OUTPUT_WORD.test(s)
      ? 'input'
      : OUTPUT_WORD.test(s) && !INPUT_WORD.test(s)
        ? 'output'
        : undefined;
  if (direction) said.direction = direction;

  const calc: CostCalc = { type: 'cost', models: input.models, unknown, period };
  const draftTraining = trainingFactors(nums, s);
  if (currency) draftTraining.currency = currency;
  const out: Parsed = { said, looksCost: costWords || tokenWord, draft: calc, draftTraining };
  const firstMoney = nums.find((n) => n.kind === 'money');
  if (firstMoney) out.money = toMicro(firstMoney.value);

  const training = parseTraining(s, nums, costWords, input);
  if (training) {
    said.training = true;
    out.training = { ...training, ...(currency ? { currency } : {}) };
    return out;
  }

  // Sizes per unit of work.
  if (cached !== undefined && cached > 0) calc.cached = cached;
  if (currency) calc.currency = currency;
  if (
    /\b(save|saves|saving|savings|difference|differ\w*|economi\w*|ecart|gagne\w*|cheaper by|de moins)\b/.test(
      s,
    )
  )
    calc.compare = true;
  const sizeOf = (n: Num): Size => ({ tokens: roundTokens(n.value) });
  // "6M input tokens of which 4M are cache hits", "4M cached and 2M uncached": a part of the input
  // read from the cache, as a count of tokens.
  const hits = amounts.filter((n) => n.cache === 'hit' && n.role !== 'output');
  const misses = amounts.filter((n) => n.cache === 'miss' && n.role !== 'output');
  let partial: Num[] = [];
  const hit = hits[0];
  if (hit && hits.length === 1) {
    const whole = amounts.find((n) => n !== hit && n.role === 'input' && n.cache === undefined);
    const miss = misses[0];
    if (whole && Number(hit.value) <= Number(whole.value)) {
      calc.cachedTokens = roundTokens(hit.value);
      partial = [hit];
    } else if (miss) {
      calc.cachedTokens = roundTokens(hit.value);
      calc.input = { tokens: (BigInt(roundTokens(hit.value)) + BigInt(roundTokens(miss.value))).toString() };
      partial = [hit, miss];
    }
    if (partial.length > 0) delete calc.cached;
  }
  const priced = amounts.filter((n) => !partial.includes(n));
  const inputs = priced.filter((n) => n.role === 'input');
  const outputs = priced.filter((n) => n.role === 'output');
  const plain = priced.filter((n) => !n.role);
  if (inputs[0] && !calc.input) calc.input = sizeOf(inputs[0]);
  if (outputs[0]) calc.output = sizeOf(outputs[0]);
  // "10M tokens and 2M output": the amount without a direction is the other one.
  const other = plain[0];
  if (other && calc.input && !calc.output) calc.output = sizeOf(other);
  else if (other && calc.output && !calc.input) calc.input = sizeOf(other);
  const first = plain[0];
  if (first && !calc.input && !calc.output) {
    const size = sizeOf(first);
    const dir = direction ?? (cached !== undefined && cached > 0 ? 'input' : undefined);
    if (dir === 'input') calc.input = size;
    else if (dir === 'output') calc.output = size;
    else if (dir === 'both') {
      calc.input = size;
      calc.output = size;
    } else calc.unsaid = size;
  }
  const textSize = textSizes[0];
  if (textSize && !calc.input && !calc.output && !calc.unsaid) {
    const size: Size = {
      text: {
        count: textSize.value,
        unit: (textSize.what as TextUnit) ?? 'word',
        lang: textLang(s, input.lang),
      },
    };
    const dir =
      direction ??
      (/\b(translat\w*|tradui\w*|summar\w*|resum\w*|read|lire|analy\w*)\b/.test(s) ? undefined : undefined);
    if (dir === 'input') calc.input = size;
    else if (dir === 'output') calc.output = size;
    else if (dir === 'both') {
      calc.input = size;
      calc.output = size;
    } else calc.unsaid = size;
  }

  // Multipliers: "1000 requests", "× 30", "per day for 30 days".
  const factors: Factor[] = counts
    .filter((n) => !amounts.includes(n))
    .map((n) => ({ count: n.value, what: n.what ?? '×' }));
  const span = spanOf(s, timesNums);
  if (factors.length > 0) calc.times = factors;
  if (span) calc.span = span;

  const hasSize = Boolean(calc.input || calc.output || calc.unsaid);
  const budget = money.find((n) => !n.at) ?? money[0];
  // A budget is asked about ("how many tokens for $100?"), never money already spent ("spent $6M").
  const reverse =
    budget &&
    !SPENT.test(s) &&
    (REVERSE.test(s) || (!hasSize && (tokenWord || named) && /\b(?:for|with|pour|avec)\s*\$?\s*\d/.test(s)));
  if (budget && reverse) {
    calc.budget = toMicro(budget.value);
    said.budget = true;
    if (!hasSize) {
      if (direction === 'input' || (cached ?? 0) > 0) calc.reverseDirection = 'input';
      else if (direction === 'output') calc.reverseDirection = 'output';
    }
  }
  // A budget in another currency: the prices per million, and the reason no count is given.
  const foreignBudget = nums.find((n) => n.kind === 'foreign');
  if (!hasSize && !calc.budget && foreignBudget && (REVERSE.test(s) || tokenWord) && (named || tokenWord)) {
    calc.pricesOnly = true;
  }
  const asked = hasSize || calc.budget !== undefined || calc.pricesOnly === true;
  if (!asked) {
    // Nothing to price. A currency or an unknown model with a price word is still said, by the caller.
    return out;
  }
  // Context windows, limits, training data and speeds are counted in tokens but are not costs.
  if (!input.field && !costWords && NOT_COST.test(s)) return out;
  // A size alone is a cost question only with a price word, a token word or a model name.
  if (!input.field && !costWords && !tokenWord && !named && unknown.length === 0 && !calc.times) return out;
  if (
    !input.field &&
    calc.budget &&
    !tokenWord &&
    !named &&
    !/\b(requests?|requetes?|calls?|appels?|words?|mots?|pages?)\b/.test(s)
  )
    return out;
  out.cost = calc;
  return out;
}

function roundTokens(value: string): string {
  const [whole = '0', frac = ''] = value.split('.');
  const up = frac !== '' && Number(frac[0]) >= 5;
  const n = BigInt(whole) + (up ? 1n : 0n);
  return n.toString();
}

/** Dollars as a decimal string → micro-dollars (decimal string). */
export function toMicro(value: string): string {
  const [whole = '0', frac = ''] = value.split('.');
  return (BigInt(whole) * 1_000_000n + BigInt((frac.slice(0, 6) || '0').padEnd(6, '0'))).toString();
}

function foreignWord(s: string): string | undefined {
  const m = /\b(?:in|en|into|to)\s+(euros?|eur|pounds?|livres?|yens?|yuans?|rmb|francs?|chf|gbp|cny)\b/.exec(
    s,
  );
  return m?.[1];
}

function textLang(s: string, lang: Lang): Lang {
  if (/\b(english|anglais|en anglais|in english)\b/.test(s)) return 'en';
  if (/\b(french|francais|en francais|in french)\b/.test(s)) return 'fr';
  return lang;
}

function unknownModels(s: string, _known: boolean): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(UNKNOWN_MODEL)) {
    const name = (m[1] ?? '').trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** "per day for 30 days", "par jour pendant un mois", "a day for 2 weeks", "daily for a year". */
function spanOf(s: string, timesNums: Num[]): Span | undefined {
  const PER =
    /\b(?:per|a|an|each|every|par|chaque|\/)\s*(hour|day|week|month|year|heure|jour|semaine|mois|an|annee)\b|\b(hourly|daily|weekly|monthly|yearly|quotidien\w*|journalier\w*|hebdo\w*|mensuel\w*|annuel\w*)\b/;
  const per = PER.exec(s);
  if (!per) return undefined;
  // "100 requests a day … per month": the rate is the first unit, the span the second.
  const second = new RegExp(PER.source, 'g');
  const units = [...s.matchAll(second)].map((x) => x[1] ?? x[2] ?? '');
  const distinct = [...new Set(units.map((u) => TIME[u]).filter(Boolean))] as TimeUnit[];
  const word = per[1] ?? per[2] ?? '';
  const perUnit: TimeUnit | undefined =
    TIME[word] ??
    (/^(daily|quotidien|journalier)/.test(word)
      ? 'day'
      : /^(hourly)/.test(word)
        ? 'hour'
        : /^(weekly|hebdo)/.test(word)
          ? 'week'
          : /^(monthly|mensuel)/.test(word)
            ? 'month'
            : /^(yearly|annuel)/.test(word)
              ? 'year'
              : undefined);
  if (!perUnit) return undefined;
  const dur = timesNums.find((n) => n.index > (per.index ?? 0) || timesNums.length === 1);
  if (dur?.what) return { per: perUnit, count: dur.value, unit: dur.what as TimeUnit };
  // "for a month", "pendant un an", "over a week".
  const one =
    /\b(?:for|over|during|pendant|sur|durant)\s+(?:a|an|one|un|une|1)\s+(hour|day|week|month|year|heure|jour|semaine|mois|an|annee)\b/.exec(
      s,
    );
  const unit = one?.[1] ? TIME[one[1]] : undefined;
  if (unit && unit !== perUnit) return { per: perUnit, count: '1', unit };
  // "1M tokens per day … how much per month": the smaller unit is the rate, the larger the span.
  if (distinct.length > 1) {
    const sorted = [...distinct].sort((a, b) => Number(HOURS[a] - HOURS[b]));
    const small = sorted[0] as TimeUnit;
    const large = sorted[sorted.length - 1] as TimeUnit;
    return { per: small, count: '1', unit: large };
  }
  // "100 requests a day": a rate alone; the cost is per day, and the reply says so.
  return { per: perUnit, count: '1', unit: perUnit };
}

const TRAIN_WORDS =
  /\b(train|trains|training|trained|entrain\w*|pretrain\w*|pre-train\w*|run|cluster|grappe|rent\w*|lou\w*|location|gpu[\s-]?hours?|heures?[\s-]gpu)\b/;
/** "for a week", "pendant un mois": a duration of one unit, written without a number. */
const ONE_SPAN =
  /\b(?:for|during|over|in|pendant|durant|sur|en)\s+(?:a|an|one|un|une)\s+(hour|day|week|month|year|heure|jour|semaine|mois|an|annee)\b/;
const HOW_LONG =
  /\b(how long|how many (?:days|hours|weeks|months)|combien de temps|combien de (?:jours|semaines|mois|heures)|prendrait combien|would it take|would take|durerait|faudrait-il|duree)\b/;
const SPENT = /\b(spent|paid|depense\w*|paye|raised|leve|lost|perdu|invested|investi)\b/;
const HYPOTHETICAL =
  /\b(would|could|if|with|at|using|suppose|assuming|hypothetical\w*|imagine|what if|calculate|compute|estimate|si|avec|en supposant|imaginons|calcul\w*|estim\w*|couterait|couteraient|coutera|cost me|how much for)\b/;
const PAST =
  /\b(did|was|were|has it|have they|a coute|ont coute|a-t-il coute|avait coute|spent|depense|paid|paye)\b/;

function parseTraining(
  s: string,
  nums: Num[],
  costWords: boolean,
  input: ParseInput,
): TrainingCalc | undefined {
  const gpus = nums.find((n) => n.kind === 'gpus');
  const gpuHours = nums.find((n) => n.kind === 'gpuHours');
  const rate = nums.find((n) => n.kind === 'rate' && n.what !== 'perM');
  const oneSpan = ONE_SPAN.exec(s);
  const timeNum: Num | undefined =
    nums.find((n) => n.kind === 'time') ??
    (oneSpan?.[1]
      ? {
          kind: 'time',
          value: '1',
          unit: false,
          index: oneSpan.index,
          end: oneSpan.index,
          what: TIME[oneSpan[1]],
        }
      : undefined);
  const money = nums.filter((n) => n.kind === 'money');
  const tokensAsked = nums.some((n) => n.kind === 'tokens') || (TOKEN_WORD.test(s) && !TRAIN_WORDS.test(s));
  if (tokensAsked) return undefined;
  const trainWords = TRAIN_WORDS.test(s) || /\b(v3)\b/.test(s);
  const gpuWords =
    /\b(gpus?|h800s?|h100s?|a100s?|h200s?|b200s?|puces|chips?|gpu[\s-]?hours?|heures?[\s-]gpu)\b/.test(s);
  // "at $2" next to GPUs or a duration is a price per GPU-hour.
  const atPrice = money.find((n) => n.at);
  const price = rate ?? ((gpus || timeNum || gpuHours || trainWords) && atPrice ? atPrice : undefined);
  const budget = money.find((n) => n !== price);
  const factors = [gpus, gpuHours, price, timeNum].filter(Boolean).length;
  if (factors === 0 && !(budget && (trainWords || gpuWords))) return undefined;
  if (!trainWords && !gpuWords && !rate) return undefined;
  if (input.models.length > 0 && !trainWords && !gpuWords) return undefined;
  const reverse = budget !== undefined && REVERSE.test(s);
  // "if V3 were trained on 4096 GPUs, how long would it take?": the duration for the report's GPU-hours.
  const askDuration = Boolean(gpus) && !timeNum && !budget && HOW_LONG.test(s);
  const calcy =
    askDuration ||
    Boolean(rate) ||
    reverse ||
    (HYPOTHETICAL.test(s) && (costWords || Boolean(budget))) ||
    (costWords && !PAST.test(s) && Boolean(gpus || timeNum || gpuHours || oneSpan));
  if (!calcy) return undefined;
  // A question about what V3 did ("did it cost $6M on 2048 GPUs?") is a fact, not a calculation.
  if (PAST.test(s) && !rate && !reverse && !HYPOTHETICAL.test(s.replace(PAST, ''))) return undefined;
  if (budget && !reverse && !price && factors === 0) return undefined;
  const calc: TrainingCalc = { type: 'training' };
  if (gpus) calc.gpus = gpus.value;
  if (gpuHours) calc.gpuHours = gpuHours.value;
  if (price) calc.price = price.value;
  if (timeNum && !gpuHours)
    calc.duration = { count: timeNum.value, unit: (timeNum.what as TimeUnit) ?? 'hour' };
  if (budget && reverse) calc.budget = budget.value;
  else if (budget && !price) calc.price = budget.value;
  if (askDuration) calc.solve = 'duration';
  return calc;
}

/** The training numbers of a question, whatever it asks (for follow-ups: "and at $3/h?"). */
function trainingFactors(nums: Num[], s: string): TrainingCalc {
  const calc: TrainingCalc = { type: 'training' };
  const gpus = nums.find((n) => n.kind === 'gpus');
  const gpuHours = nums.find((n) => n.kind === 'gpuHours');
  const rate = nums.find((n) => n.kind === 'rate' && n.what !== 'perM');
  const time = nums.find((n) => n.kind === 'time');
  const money = nums.filter((n) => n.kind === 'money');
  const at = money.find((n) => n.at);
  if (gpus) calc.gpus = gpus.value;
  if (gpuHours) calc.gpuHours = gpuHours.value;
  if (rate ?? at) calc.price = (rate ?? at)?.value;
  if (time && !/\b(?:per|par|a|each|chaque)\s+(?:day|jour|month|mois|week|semaine)\b/.test(s))
    calc.duration = { count: time.value, unit: (time.what as TimeUnit) ?? 'hour' };
  const budget = money.find((n) => n !== (rate ?? at));
  if (budget) calc.budget = budget.value;
  return calc;
}
