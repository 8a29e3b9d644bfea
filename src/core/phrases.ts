import { isCommonWord } from './common-words.js';
import { editDistance } from './fuzzy.js';
import type { Vocabulary } from './knowledge/types.js';
import { fold } from './normalize.js';

/** Phrases of several words (cue phrases, names, descriptions, small talk), looked up by their first word. */

export const ENTITY_PREFIX = '@';

export function isEntityTerm(term: string): boolean {
  return term.startsWith(ENTITY_PREFIX);
}

export interface Phrase {
  words: string[];
  /** Term it stands for; "" drops the words (stop phrases). */
  term: string;
  /** A description of an entity ("the chinese ai startup"): its words still count as words too. */
  keepWords?: boolean;
  /** The things a concept's phrase names ("who made deepseek", "ban deepseek"): read as named too. */
  names?: string[];
}

/** Shortest second word of a two-word name that may be misspelt ("o1 mni" for "o1 mini"). */
const NAME_TYPO_MIN = 4;

export class PhraseTable {
  /** First word → the phrases that start with it, longest first. */
  private readonly byFirst = new Map<string, Phrase[]>();

  add(text: string, term: string, keepWords = false): void {
    const words = fold(text).split(' ').filter(Boolean);
    const first = words[0];
    if (!first) return;
    const list = this.byFirst.get(first) ?? [];
    list.push(keepWords ? { words, term, keepWords } : { words, term });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(first, list);
  }

  /** The longest phrase that starts at word `i` (with `typos`, a model's name misspelt by one letter). */
  match(raw: readonly string[], i: number, typos = false): Phrase | undefined {
    const list = this.byFirst.get(raw[i] as string);
    if (!list) return undefined;
    for (const p of list) {
      let ok = p.words.length <= raw.length - i;
      for (let k = 1; ok && k < p.words.length; k++) ok = raw[i + k] === p.words[k];
      if (ok) return p;
    }
    if (!typos) return undefined;
    // A name begun right and misspelt after ("o1 mni", "r1 zro"): one slip in a word of 4+ letters, and
    // not a real word ("export rule" is not "export rules").
    for (const p of list) {
      if (!isEntityTerm(p.term) || p.words.length !== 2 || p.words.length > raw.length - i) continue;
      // Only after a model's short name ("o1", "r1", "v3"): "deepseek shook" is no "deepseek shock".
      if (!/\d/.test(p.words[0] as string)) continue;
      const want = p.words[1] as string;
      const got = raw[i + 1] as string;
      if (want.length < NAME_TYPO_MIN || got[0] !== want[0] || isCommonWord(got)) continue;
      if (editDistance(got, want, 1) <= 1) return p;
    }
    return undefined;
  }

  /** Every phrase of the table. */
  *all(): Iterable<Phrase> {
    for (const list of this.byFirst.values()) yield* list;
  }

  /** Notes, on each concept phrase, the names of the event's things it contains. */
  markNames(v: Vocabulary, termOf: (word: string) => string | undefined): void {
    // Names of several words, by their first word: each phrase's words are looked at once.
    const multi = new Map<string, { words: string[]; term: string }[]>();
    for (const e of v.entities)
      for (const n of e.names) {
        const words = fold(n).split(' ').filter(Boolean);
        if (words.length < 2) continue;
        const list = multi.get(words[0] as string) ?? [];
        list.push({ words, term: ENTITY_PREFIX + e.id });
        multi.set(words[0] as string, list);
      }
    for (const p of this.all()) {
      if (p.keepWords || p.term === '' || isEntityTerm(p.term)) continue;
      const names: string[] = [];
      for (let i = 0; i < p.words.length; i++) {
        const word = p.words[i] as string;
        const one = termOf(word);
        if (one && isEntityTerm(one) && !names.includes(one)) names.push(one);
        for (const m of multi.get(word) ?? []) {
          if (m.words.every((w, k) => p.words[i + k] === w) && !names.includes(m.term)) names.push(m.term);
        }
      }
      if (names.length > 0) p.names = names;
    }
  }
}
