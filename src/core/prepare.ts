import { buildIndexData, type IndexData, indexBuffers } from './index-data.js';
import type { KnowledgeBase } from './knowledge/types.js';
import type { Lang, LangVocabulary } from './lang.js';
import { Lexicon } from './lexicon.js';
import { fold, foldingOnce } from './normalize.js';

/**
 * What an engine reads off its knowledge before it can answer, in a form that crosses threads: the
 * search index (typed arrays and string lists) and the words only one language uses. Building it is
 * the costly part of an engine; the reload worker does it off the main thread and posts it with the
 * knowledge (ops/knowledge-worker.ts), and createEngine then only wraps it.
 */
export interface PreparedEngine {
  index: IndexData;
  language: Record<Lang, string[]>;
}

/** Reads the knowledge for an engine (`lexicon`: the one made of kb.vocabulary, if there is one at hand). */
export function prepareEngine(kb: KnowledgeBase, lexicon = new Lexicon(kb.vocabulary)): PreparedEngine {
  return foldingOnce(() => {
    const language = languageVocabulary(kb, lexicon);
    return {
      index: buildIndexData(kb.entries, lexicon),
      language: { fr: [...language.fr], en: [...language.en] },
    };
  });
}

/** The buffers of a PreparedEngine, to transfer it to another thread instead of copying it. */
export function preparedBuffers(p: PreparedEngine): ArrayBuffer[] {
  return indexBuffers(p.index);
}

/** Words that occur in one language's questions and answers and never in the other's. */
function languageVocabulary(kb: KnowledgeBase, lexicon: Lexicon): NonNullable<LangVocabulary['extra']> {
  const collect = (lang: Lang) => {
    const words = new Set<string>();
    for (const e of kb.entries) {
      for (const text of [...e.questions[lang], e.answer[lang]])
        for (const w of fold(text).split(' ')) if (w !== '' && !lexicon.isStopWord(w)) words.add(w);
    }
    return words;
  };
  const fr = collect('fr');
  const en = collect('en');
  for (const w of [...fr]) {
    if (en.has(w)) {
      fr.delete(w);
      en.delete(w);
    }
  }
  return { fr, en };
}
