import Fuse from 'fuse.js';
import type { Choice } from './engine-types.js';
import type { Entry, KnowledgeBase } from './knowledge/types.js';
import type { Lang } from './lang.js';
import { fold } from './normalize.js';
import { questionLink } from './replies.js';
import type { SearchHit, SearchIndex } from './search.js';

/**
 * Autocomplete of a question being typed (Discord): the search's own first choices, then stored
 * questions worded close to the text (fuse.js), all of them in a small base, in a large one those of
 * the entries the search finds or whose questions hold the text.
 */

/** A stored question as autocomplete's fuse.js index holds it. */
interface Completion {
  q: string;
  folded: string;
  id: string;
}

const COMPLETION_OPTIONS = { keys: ['folded'], includeScore: true, ignoreLocation: true, threshold: 0.45 };

/**
 * Up to this many entries, autocomplete matches the typed text against every stored question; beyond,
 * against the questions of the COMPLETION_CANDIDATES entries the search finds for it.
 */
export const COMPLETE_ALL_UP_TO = 300;
const COMPLETION_CANDIDATES = 48;

export class Autocomplete {
  /**
   * fuse.js index of every stored question per language, built on the first completion (only Discord
   * asks), for a base of at most COMPLETE_ALL_UP_TO entries.
   */
  private readonly completions: Partial<Record<Lang, Fuse<Completion>>> = {};

  /** `suggest`: search hits below this score are no completion (the engine's "did you mean" bar). */
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly index: SearchIndex,
    private readonly suggest: number,
  ) {}

  /** Every stored question of the language (a small base), or those of the entries given. */
  private fuseFor(lang: Lang, among?: Entry[]): Fuse<Completion> {
    const records = (entries: readonly Entry[]) =>
      entries.flatMap((e) => e.questions[lang].map((q) => ({ q, folded: fold(q), id: e.id })));
    if (among) return new Fuse(records(among), COMPLETION_OPTIONS);
    let fuse = this.completions[lang];
    if (!fuse) {
      fuse = new Fuse(records(this.kb.entries), COMPLETION_OPTIONS);
      this.completions[lang] = fuse;
    }
    return fuse;
  }

  /**
   * A large base's entries worth matching against the typed text: those the search found (words,
   * typos), and those with a stored question holding the text as typed (the start of a question,
   * a phrase the search reads as loose words).
   */
  private completionCandidates(text: string, hits: readonly SearchHit[], lang: Lang): Entry[] {
    const found = new Map<string, Entry>();
    for (const h of hits) {
      const entry = this.kb.byId.get(h.id);
      if (entry) found.set(entry.id, entry);
    }
    const typed = text.replace(/\s+/g, ' ');
    if (typed.length < 3) return [...found.values()];
    const holds = new RegExp(typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    let added = 0;
    for (const e of this.kb.entries) {
      if (added >= COMPLETION_CANDIDATES) break;
      if (!found.has(e.id) && e.questions[lang].some((q) => holds.test(q))) {
        found.set(e.id, e);
        added += 1;
      }
    }
    return [...found.values()];
  }

  complete(prefix: string, lang: Lang, limit = 25): Choice[] {
    const max = Math.max(0, Math.min(limit, 25));
    const text = prefix.slice(0, 200).trim();
    const seen = new Set<string>();
    const out: Choice[] = [];
    const push = (q: string) => {
      const name = q.length > 100 ? `${q.slice(0, 99)}…` : q;
      if (out.length < max && !seen.has(name)) {
        seen.add(name);
        out.push({ name, value: name });
      }
    };
    if (fold(text) === '') {
      for (const e of this.kb.entries) push(e.questions[lang][0] ?? e.id);
      return out;
    }
    // The same search as answers first, then close wording of the stored questions: all of them in a
    // small base; in a large one, those of the entries the search found (fuse.js reads every record it
    // holds on each keystroke: about 270 ms at 10,000 entries, against a few ms for these).
    const large = this.kb.entries.length > COMPLETE_ALL_UP_TO;
    const hits = this.index.search(text, large ? COMPLETION_CANDIDATES : 5);
    for (const hit of hits.slice(0, 5)) {
      if (hit.score < this.suggest) continue;
      const entry = this.kb.byId.get(hit.id);
      if (entry) push(questionLink(entry, lang).question);
    }
    const among = large ? this.completionCandidates(text, hits, lang) : undefined;
    for (const r of this.fuseFor(lang, among).search(fold(text).slice(0, 64), { limit: max * 2 }))
      push(r.item.q);
    return out;
  }
}
