import { SYNONYMS } from './lexicon.js';

/**
 * Text normalization for search: case, accents, punctuation, stop words in both languages,
 * cross-language synonyms and light stemming. Pure functions, no state.
 */

/** Lowercase, accents removed, apostrophes and punctuation turned into spaces, spaces collapsed. */
export function fold(text: string): string {
  return (
    text
      .replace(/s\s*&\s*p(?:\s*500)?/gi, ' sp500 ')
      // "quel temps fait-il" asks about the weather, not about how long something took.
      .replace(/quel\s+temps\s+(?:fait|va|fera)/gi, ' meteo ')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .replace(/(\d)[.,](\d)/g, '$1$2')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const STOP_WORDS = new Set(
  // English
  (
    'a an the of to in on at for by with from about into as is are was were be been being am do does did ' +
    'doing has have had having it its it s this that these those there here and or but if then so than too ' +
    'very can could would should will shall may might must i me my we our us you your he him his she her they ' +
    'them their what which whom whose whats s t just also any some all any tell know please pls plz hey hi ' +
    'how comment ok okay say said quick question q get got like really actually thing things one ones bot briefbot ' +
    'anyone someone guys folks team exactly again only still whole' +
    // French
    ' le la les l un une des du de d au aux a ce cet cette ces c ca cela ceci qu que qui quoi quel quelle quels ' +
    'quelles est sont etait etaient ete etre et ou mais donc or ni car se sa son ses leur leurs lui y en ne pas ' +
    'plus il elle ils elles on nous vous je j tu me m te mon ma mes ton ta tes notre nos votre vos ai as avons avez ' +
    'ont avait fait faire peut peux pouvez dire dis dites savoir sais sait svp stp bonjour salut alors bien tout ' +
    'tous toute toutes aussi encore juste vraiment exactement comme par pour dans sur avec sans chez vers entre ' +
    'moi toi eux ceux celle celui y a t il est ce qu'
  ).split(/\s+/),
);

/** The lexicon's concepts as word lists (see lexicon.ts). */
const SYNONYM_TABLE: Record<string, string[]> = Object.fromEntries(
  Object.entries(SYNONYMS).map(([concept, list]) => [concept, list.split(' ')]),
);

const SYNONYM_OF = new Map<string, string>();
for (const [concept, words] of Object.entries(SYNONYM_TABLE)) {
  for (const w of words) if (!SYNONYM_OF.has(w)) SYNONYM_OF.set(w, concept);
}

/** True for the concept names synonyms map to ("cost", "chip", "drop"). */
export function isConcept(t: string): boolean {
  return Object.hasOwn(SYNONYM_TABLE, t);
}

/** Every word the normalizer knows a concept for (search also treats them as known vocabulary). */
export function synonymWords(): string[] {
  return [...SYNONYM_OF.keys()];
}

/** Light suffix stripping shared by both languages: plurals, feminine -e, -ing, -ed. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && /[^su]s$/.test(w)) w = w.slice(0, -1);
  else if (w.length > 3 && w.endsWith('x') && /[aeo]ux$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Maps one folded word to its search term: concept, stem, or itself (numbers and short words). */
export function term(word: string): string {
  const direct = SYNONYM_OF.get(word);
  if (direct) return direct;
  if (/\d/.test(word)) return word.replace(/(\d)s$/, '$1');
  if (word.length <= 3) return word;
  const s = stem(word);
  return SYNONYM_OF.get(s) ?? s;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Folded words without stop words (before synonyms and stemming): the raw material of typo correction. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of fold(text).split(' ')) if (w && !STOP_WORDS.has(w)) out.push(w);
  return out;
}

/** Search terms of a text: folded, stop words removed, synonyms and stems applied, duplicates removed. */
export function terms(text: string): string[] {
  return [...new Set(words(text).map(term))];
}
