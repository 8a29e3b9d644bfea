import { isCommonWord } from './common-words.js';
import { Corrector } from './fuzzy.js';
import { isEntityTerm, type Lexicon, snowballStems } from './lexicon.js';
import { Memo } from './memo.js';
import { fold } from './normalize.js';

/**
 * How a question's words become search terms: the lexicon's phrases, concepts and stems first; a word
 * the index does not know is then an inflection of one it knows (Snowball stems of both languages), a
 * typo of one (corrected, unless it is a common word or has digits), or an unknown word.
 */

/** A question read by the index: its search terms (typos corrected) and what the search needs besides. */
export interface PreparedQuery {
  /** Search terms, without duplicates, in order. */
  terms: string[];
  /** Unknown parts of hyphenated names ("DeepSeek-Coder"): products the knowledge never mentions. */
  names: Set<string>;
  /** The folded text, for the wording rescore. */
  folded: string;
  /** Every folded word (stop words included), for small talk and follow-up markers. */
  raw: string[];
  /** Terms the index has never seen (after typo correction). */
  unknown: string[];
  /** Words whose typo was corrected. */
  corrected: number;
  /** Terms inherited from the conversation: an entry that lacks them is penalized less. */
  soft: Set<string>;
}

/**
 * From this length, a common word of English or French ("formation", "pépite", "stick", "peur", "cash",
 * "site") is never corrected into a word of the knowledge ("fondation", "petite", "stock", "per",
 * "crash", "size"). At 5, 173 English and 89 French words of four letters among the 5,000 most common
 * were "typos" of the knowledge; at 4, the dev sets lost one lucky correction ("move over" → "more").
 */
const COMMON_WORD_LENGTH = 4;
/** Letters a word shares with every word of the same Snowball stem (stems have at least 4). */
const STEM_PREFIX = 4;
const INFLECTIONS_KEPT = 50_000;

export class QueryReader {
  private readonly corrector: Corrector;
  private readonly knownWords: Set<string>;
  /**
   * Words of the knowledge by their first letters (a Snowball stem of 4 letters or more starts with
   * them), made on the first question holding a word the index does not know; and the stems and term
   * of each word looked at, kept: stemming every word up front would cost a reload or a first question
   * tens of milliseconds.
   */
  private wordsByPrefix: Map<string, string[]> | undefined;
  private readonly wordStems = new Map<string, { stems: readonly string[]; term: string }>();
  /** Query word → the term it inflects ("" for none), kept like the typo corrector's answers. */
  private readonly inflected = new Memo<string, string>(INFLECTIONS_KEPT);

  /** `words`: every folded word of the knowledge and the vocabulary; `knows`: the index holds the term. */
  constructor(
    private readonly lexicon: Lexicon,
    private readonly words: readonly string[],
    private readonly knows: (term: string) => boolean,
  ) {
    this.knownWords = new Set(words);
    this.corrector = new Corrector(words);
  }

  /** True when the folded word occurs in the knowledge or the vocabulary (a name, a word of an answer). */
  usesWord(word: string): boolean {
    return this.knownWords.has(word);
  }

  /**
   * The term of a word the index does not know that inflects one it knows, through the Snowball stems of
   * both languages ("dépensent" → the term of "dépenses", "verifier" → of "verified"), or undefined.
   */
  private inflectionOf(word: string): string | undefined {
    const out = this.inflected.get(word, (w) => this.findInflection(w) ?? '');
    return out === '' ? undefined : out;
  }

  private findInflection(word: string): string | undefined {
    const stems = snowballStems(word);
    if (stems.length === 0) return undefined;
    let byPrefix = this.wordsByPrefix;
    if (byPrefix === undefined) {
      byPrefix = new Map();
      for (const w of this.words) {
        const key = w.slice(0, STEM_PREFIX);
        const list = byPrefix.get(key);
        if (list) list.push(w);
        else byPrefix.set(key, [w]);
      }
      this.wordsByPrefix = byPrefix;
    }
    const near = (byPrefix.get(word.slice(0, STEM_PREFIX)) ?? []).map((w) => {
      let known = this.wordStems.get(w);
      if (known === undefined) {
        known = { stems: snowballStems(w), term: this.lexicon.term(w) };
        this.wordStems.set(w, known);
      }
      return known;
    });
    // The first stem (French, then English) that words of exactly one term of the index share.
    for (const k of stems) {
      let found: string | undefined;
      let several = false;
      for (const n of near) {
        if (!n.stems.includes(k) || !this.knows(n.term)) continue;
        if (found === undefined) found = n.term;
        else if (found !== n.term) several = true;
      }
      if (found !== undefined && !several) return found;
    }
    return undefined;
  }

  /**
   * Reads a question: terms (typos corrected), plus the unknown parts of hyphenated names
   * ("DeepSeek-Coder", "Llama-4"): a product the knowledge never mentions, so no entry should answer for it.
   */
  prepare(text: string): PreparedQuery {
    const analysis = this.lexicon.analyze(text, true);
    const terms: string[] = [];
    const seen = new Set<string>();
    const unknownWords = new Map<string, string>();
    const unknown: string[] = [];
    let corrected = 0;
    for (const tok of analysis.tokens) {
      let t = tok.term;
      if (t === undefined) {
        const w = tok.word;
        t = this.lexicon.term(w);
        if (!this.knows(t) && !this.knownWords.has(w)) {
          const inflected = this.inflectionOf(w);
          // A common word of either language is no typo, only a word the knowledge does not use.
          const common = w.length >= COMMON_WORD_LENGTH && isCommonWord(w);
          // Nor is a name with digits ("A100", "R2"): it is another product, not a misspelt one.
          const fixed =
            inflected === undefined && !common && !/\d/.test(w) ? this.corrector.correct(w) : null;
          if (inflected !== undefined) t = inflected;
          else if (fixed) {
            t = this.lexicon.term(fixed);
            corrected += 1;
          }
          unknownWords.set(w, t);
        }
      }
      if (!seen.has(t)) {
        seen.add(t);
        terms.push(t);
        if (!this.knows(t)) unknown.push(t);
      }
    }
    const names = new Set<string>();
    for (const compound of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
      const parts = fold(compound[0]).split(' ');
      // A product is a known name or a version with another part ("DeepSeek-Coder", "Llama-4");
      // "game-changer", "world-class" or "AI-linked" are plain words.
      if (!parts.some((p) => /\d/.test(p) || isEntityTerm(this.lexicon.term(p)))) continue;
      for (const part of parts) {
        const t = unknownWords.get(part);
        if (t !== undefined) names.add(t);
      }
    }
    return { terms, names, folded: analysis.folded, raw: analysis.raw, unknown, corrected, soft: new Set() };
  }
}
