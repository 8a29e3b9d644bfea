/**
 * Text normalization shared by every module: case, accents, punctuation, and light stemming.
 * Pure functions, no word lists: the vocabulary (stop words, synonyms, entities) lives in
 * knowledge/vocabulary.yaml and is compiled by lexicon.ts.
 */

/**
 * One question's text is folded by several readers in turn (routing, secrets, commands, the search):
 * the last few results are kept, so each text is folded once. fold is pure: a kept result is exact.
 */
const FOLDED_KEPT = 4;
const foldedIn: string[] = [];
const foldedOut: string[] = [];
let foldedNext = 0;

/** While an index is built, every text and word folded (see foldingOnce). */
let memo: Map<string, string> | undefined;

/** Lowercase, accents removed, apostrophes and punctuation turned into spaces, spaces collapsed. */
export function fold(text: string): string {
  if (memo) {
    let out = memo.get(text);
    if (out === undefined) {
      out = foldText(text);
      memo.set(text, out);
    }
    return out;
  }
  for (let k = 0; k < foldedIn.length; k++) if (foldedIn[k] === text) return foldedOut[k] as string;
  const out = foldText(text);
  foldedIn[foldedNext] = text;
  foldedOut[foldedNext] = out;
  foldedNext = (foldedNext + 1) % FOLDED_KEPT;
  return out;
}

/**
 * Runs `work` with every fold remembered, then forgets them: building an index reads each text several
 * times (words, terms, names, languages) and the same words thousands of times. fold is pure, so a
 * remembered result is exact.
 */
export function foldingOnce<T>(work: () => T): T {
  if (memo) return work();
  memo = new Map();
  try {
    return work();
  } finally {
    memo = undefined;
  }
}

// "a+" / "A+" is how French chat writes "à plus" (see you): the "+" would otherwise vanish.
function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .replace(/(^|\s)a\+(?=$|[\s!.?])/g, '$1a plus')
    .replace(/%/g, ' percent ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
