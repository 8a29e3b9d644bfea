import type { Gap, KnowledgeBase } from './knowledge/types.js';
import { ENTITY_PREFIX, type Lexicon } from './lexicon.js';
import { fold } from './normalize.js';

interface GapTerms {
  gap: Gap;
  groups: string[][];
  unless: string[];
}

/**
 * knowledge/gaps.yaml read as search terms: the questions the sources do not answer. The words become
 * terms on the first question, not when the engine is made: a plain word's term reads the common-word
 * lists (some 10 MB), which a start that answers nothing (the console's prompt, a bot's connection) does
 * not need.
 */
export class GapFinder {
  private terms: GapTerms[] | undefined;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly lexicon: Lexicon,
  ) {}

  /** The first gap whose every group the question's terms name, and none of its `unless`. */
  find(questionTerms: readonly string[], fallback: boolean): Gap | undefined {
    const terms = new Set(questionTerms);
    const named = (list: readonly string[]) => {
      for (const t of list) if (terms.has(t)) return true;
      return false;
    };
    for (const g of this.gapTerms()) {
      if (g.gap.fallback !== fallback || named(g.unless)) continue;
      let all = true;
      for (const group of g.groups) {
        if (named(group)) continue;
        all = false;
        break;
      }
      if (all) return g.gap;
    }
    return undefined;
  }

  private gapTerms(): GapTerms[] {
    if (this.terms) return this.terms;
    const entityIds = new Set(this.kb.vocabulary.entities.map((e) => e.id));
    const conceptIds = new Set(this.kb.vocabulary.concepts.map((c) => c.id));
    const asTerm = (w: string) => {
      if (entityIds.has(w)) return ENTITY_PREFIX + w;
      if (conceptIds.has(w)) return w;
      return this.lexicon.term(fold(w));
    };
    this.terms = this.kb.gaps.map((gap) => ({
      gap,
      groups: gap.when.map((g) => g.map(asTerm)),
      unless: gap.unless.map(asTerm),
    }));
    return this.terms;
  }
}
