import { createRequire } from 'node:module';
import { commonWordLang, isCommonWord } from './common-words.js';
import { type ConversationWords, conversationWords } from './conversation/words.js';
import type { SmallTalkId } from './knowledge/schema.js';
import type { Vocabulary } from './knowledge/types.js';
import type { Lang, LangVocabulary } from './lang.js';
import { Memo } from './memo.js';
import { fold, stem } from './normalize.js';
import { ENTITY_PREFIX, isEntityTerm, PhraseTable } from './phrases.js';

export { ENTITY_PREFIX, isEntityTerm };

/**
 * The domain vocabulary of knowledge/vocabulary.yaml, compiled for fast lookups: stop words, cue phrases,
 * concepts (synonyms of both languages), the event's entities, small talk and follow-up markers.
 * One instance per knowledge base; every method is pure.
 *
 * Terms: a concept's words map to the concept id ("puces", "chips", "gpu" → "chip"); an entity's names map
 * to "@" + its id ("deepseek-reasoner", "r1" → "@r1"), so an entity never collides with a plain word.
 */

export type ConceptKind = 'question' | 'aspect' | 'topic' | 'outside';

/** One meaningful word of a text: its folded form, and its term once a phrase or the vocabulary fixed it. */
export interface Token {
  word: string;
  /** Set when a phrase or the vocabulary decided the term; otherwise the caller corrects typos first. */
  term?: string;
}

export interface Analysis {
  /** The folded text (lowercase, no accents, no punctuation). */
  folded: string;
  /** Every folded word, stop words included. */
  raw: string[];
  /** Words that carry meaning, in order. */
  tokens: Token[];
}

/** Small talk and its priority when a message mixes kinds ("hi, thanks!" is thanks). */
const TALK_PRIORITY: SmallTalkId[] = [
  'insult',
  'compliment',
  'capabilities',
  'creator',
  'identity',
  'thanks',
  'bye',
  'how-are-you',
  'greeting',
];

/** Words besides the small-talk phrases ("thanks a lot, *that saved me*") that still leave a message small talk. */
const SMALL_TALK_EXTRA = 2;

/**
 * Snowball stemmers of both languages, used only to recognize inflections of the vocabulary's own words
 * ("inquiétaient", "bouleversait", "threatening" → the concept of "inquiète", "bouleverse", "threaten").
 * Stems shorter than this say too little to be matched.
 */
const SNOWBALL_MIN = 4;
/** Loaded on the first word that needs them (about 60 ms and 4.5 MB): the console prompt does not wait. */
let stemmers: { stem(word: string): string }[] | undefined;
function snowballStemmers() {
  if (!stemmers) {
    const snowball = createRequire(import.meta.url)(
      'snowball-stemmers',
    ) as typeof import('snowball-stemmers');
    stemmers = [snowball.newStemmer('french'), snowball.newStemmer('english')];
  }
  return stemmers;
}

export class Lexicon {
  private readonly stop = new Set<string>();
  /** Question words that join clauses mid-message when nothing is asked ("Quand l'IA apprend…"). */
  private readonly conjunctions = new Set<string>();
  /** Stop words no phrase uses: skipped before phrases are matched. Made on first use. */
  private fillers: Set<string> | undefined;
  private readonly wordTerm = new Map<string, string>();
  /**
   * Snowball stem of a concept word → its concept ("" when two concepts share the stem) and the one language
   * whose common words hold every word that gave the stem (undefined when not one); built on first use.
   */
  private stemTerm: Map<string, { id: string; lang: 'en' | 'fr' | undefined }> | undefined;
  private readonly conceptWords: [string, string][] = [];
  private readonly phrases = new PhraseTable();
  private readonly kinds = new Map<string, ConceptKind>();
  /** Domain terms and their weight (1 for a strong domain word, 0.5 for a weak one). */
  private readonly domain = new Map<string, number>();
  private readonly entityNames = new Map<string, string>();
  /** Entity term → the entity term of its maker (knowledge/vocabulary.yaml `maker`). */
  private readonly makers = new Map<string, string>();
  private readonly talk = new PhraseTable();
  private readonly talkLang = new Map<string, Lang | 'both'>();
  private readonly markers: string[][] = [];
  private readonly pronouns = new Set<string>();
  readonly language: LangVocabulary;
  /** The words follow-ups are read by (vocabulary.yaml `conversation`). */
  readonly conversation: ConversationWords;

  constructor(v: Vocabulary) {
    this.conversation = conversationWords(v.conversation);
    for (const lang of ['en', 'fr'] as const) for (const w of v.stopWords[lang]) this.stop.add(fold(w));
    for (const p of v.stopPhrases) this.phrases.add(p, '');
    for (const c of v.concepts) {
      this.kinds.set(c.id, c.kind);
      for (const w of c.words) {
        const key = fold(w);
        if (!this.wordTerm.has(key)) this.wordTerm.set(key, c.id);
        this.conceptWords.push([key, c.id]);
      }
      for (const p of c.phrases) this.phrases.add(p, c.id);
      for (const w of c.conjunctions) this.conjunctions.add(fold(w));
    }
    for (const e of v.entities) {
      const t = ENTITY_PREFIX + e.id;
      this.entityNames.set(t, fold(e.names[0] ?? e.id));
      if (e.maker) this.makers.set(t, ENTITY_PREFIX + e.maker);
      for (const n of e.names) {
        const key = fold(n);
        if (key.includes(' ')) this.phrases.add(n, t);
        else this.wordTerm.set(key, t);
      }
      for (const n of e.refs) this.phrases.add(n, t, true);
    }
    this.phrases.markNames(v, (w) => this.wordTerm.get(w));
    for (const [list, weight] of [
      [v.domainWords, 1],
      [v.weakDomainWords, 0.5],
    ] as const) {
      for (const d of list) {
        const id = fold(d);
        this.domain.set(this.kinds.has(id) ? id : ENTITY_PREFIX + id, weight);
      }
    }
    for (const s of v.smallTalk) {
      for (const lang of ['en', 'fr'] as const) {
        for (const p of s[lang]) {
          const key = fold(p);
          this.talk.add(p, s.id);
          const seen = this.talkLang.get(key);
          this.talkLang.set(key, seen === undefined || seen === lang ? lang : 'both');
        }
      }
    }
    for (const lang of ['en', 'fr'] as const)
      for (const m of v.followUpMarkers[lang]) this.markers.push(fold(m).split(' '));
    this.markers.sort((a, b) => b.length - a.length);
    for (const lang of ['en', 'fr'] as const)
      for (const p of v.followUpPronouns[lang]) this.pronouns.add(fold(p));
    const core = (lang: Lang) => new Set([...v.stopWords[lang], ...v.languageHints[lang]].map(fold));
    this.language = { core: { en: core('en'), fr: core('fr') } };
  }

  /** The stop words that no phrase (stop phrases included) uses. */
  private fillerWords(): Set<string> {
    if (this.fillers) return this.fillers;
    const fillers = new Set(this.stop);
    for (const p of this.phrases.all()) for (const w of p.words) fillers.delete(w);
    this.fillers = fillers;
    return fillers;
  }

  /** Folds the text once, then reads phrases, stop words and vocabulary words (of a question: `asked`). */
  analyze(text: string, asked = false): Analysis {
    const folded = fold(text);
    const raw = folded === '' ? [] : folded.split(' ');
    // Phrases read past filler no phrase uses: "qui se cache vraiment derrière", "what exactly is".
    const fillers = this.fillerWords();
    const stream = raw.filter((w) => !fillers.has(w));
    const tokens: Token[] = [];
    for (let i = 0; i < stream.length; ) {
      const p = this.phrases.match(stream, i, true);
      if (p) {
        if (p.term !== '') tokens.push({ word: p.words.join(' '), term: p.term });
        for (const name of p.names ?? [])
          tokens.push({ word: this.entityNames.get(name) ?? name, term: name });
        if (p.keepWords) {
          for (const w of p.words) {
            if (this.stop.has(w)) continue;
            const direct = this.wordTerm.get(w);
            tokens.push(direct ? { word: w, term: direct } : { word: w });
          }
        }
        i += p.words.length;
        continue;
      }
      const w = stream[i] as string;
      i += 1;
      if (this.stop.has(w)) continue;
      const direct = this.wordTerm.get(w);
      tokens.push(direct ? { word: w, term: direct } : { word: w });
    }
    // "DeepSeek-R1 - Quand l'IA apprend à raisonner", "stocks fell when DeepSeek…": in the middle of a
    // message that asks nothing ("?"), "when" / "quand" joins two clauses; it asks no date.
    if (asked && this.conjunctions.size > 0 && !text.includes('?')) {
      const last = tokens.length - 1;
      const kept = tokens.filter((t, k) => k === 0 || k === last || !this.conjunctions.has(t.word));
      if (kept.length < tokens.length) return { folded, raw, tokens: kept };
    }
    return { folded, raw, tokens };
  }

  /** A folded word's term: concept, entity, stem, or itself (numbers and short words). */
  term(word: string): string {
    const direct = this.wordTerm.get(word);
    if (direct) return direct;
    // "1990s" → 1990, "h800s" → h800; an ordinal is its number ("27th", "1st", "le 27e", "1er").
    if (/\d/.test(word))
      return word.replace(/(\d)s$/, '$1').replace(/^(\d+)(?:st|nd|rd|th|er|re|e|eme)$/, '$1');
    if (word.length <= 3) return word;
    const s = stem(word);
    const known = this.wordTerm.get(s);
    // A name is written as it is: a common word that merely shares its stem ("route" and "rout") is itself.
    if (known && !(isEntityTerm(known) && isCommonWord(word))) return known;
    // An inflection of a concept word the vocabulary does not list ("inquiétaient" for "inquiète").
    const stems = snowballStems(word);
    if (stems.length > 0) {
      const byStem = this.conceptStems();
      const lang = commonWordLang(word);
      for (const k of stems) {
        const concept = byStem.get(k);
        // A word of one language is no inflection of the other's ("effect" is not "effectif").
        if (concept?.id && !(lang && concept.lang && lang !== concept.lang)) return concept.id;
      }
    }
    return s;
  }

  private conceptStems(): Map<string, { id: string; lang: 'en' | 'fr' | undefined }> {
    if (!this.stemTerm) {
      const map = new Map<string, { id: string; lang: 'en' | 'fr' | undefined }>();
      const langs = new Map<string, Set<'en' | 'fr' | undefined>>();
      for (const [key, id] of this.conceptWords) {
        for (const k of snowballStems(key)) {
          const seen = map.get(k);
          map.set(k, { id: seen === undefined || seen.id === id ? id : '', lang: undefined });
          const set = langs.get(k) ?? new Set();
          set.add(commonWordLang(key));
          langs.set(k, set);
        }
      }
      for (const [k, set] of langs) {
        const only = set.size === 1 ? [...set][0] : undefined;
        const entry = map.get(k);
        if (entry) entry.lang = only;
      }
      this.stemTerm = map;
    }
    return this.stemTerm;
  }

  /** Terms of a text without typo correction (the knowledge's own texts). */
  terms(text: string): string[] {
    return this.analyze(text).tokens.map((t) => t.term ?? this.term(t.word));
  }

  isStopWord(word: string): boolean {
    return this.stop.has(word);
  }

  /** Every single word the vocabulary knows a term for (typo correction treats them as known). */
  vocabularyWords(): string[] {
    return [...this.wordTerm.keys()];
  }

  kind(term: string): ConceptKind | undefined {
    return this.kinds.get(term);
  }

  /** How much a term says the question is about this event's domain: 1, 0.5 or 0. */
  domainWeight(term: string): number {
    return this.domain.get(term) ?? 0;
  }

  /** The entity term of the one that made this one ("@r1" → "@deepseek"), if the vocabulary says. */
  makerOf(term: string): string | undefined {
    return this.makers.get(term);
  }

  /** The display name of an entity term ("@r1" → "r1"). */
  entityName(term: string): string | undefined {
    return this.entityNames.get(term);
  }

  /**
   * Small talk: the message is made of greeting/thanks/… phrases and stop words, with at most two other
   * words (`extra`: the caller checks they ask nothing). Returns the kind and the language of the phrases
   * when they belong to one language.
   */
  smallTalk(words: string[]): { id: SmallTalkId; lang?: Lang; extra: number } | undefined {
    // "helloooo", "merciii": a letter typed three times or more counts once.
    const raw = words.map((w) => w.replace(/(\p{L})\1{2,}/gu, '$1'));
    const found = new Set<string>();
    const langs = new Set<Lang>();
    let extra = 0;
    for (let i = 0; i < raw.length; ) {
      const p = this.talk.match(raw, i);
      if (p) {
        found.add(p.term);
        const l = this.talkLang.get(p.words.join(' '));
        if (l && l !== 'both') langs.add(l);
        i += p.words.length;
        continue;
      }
      if (!this.stop.has(raw[i] as string)) extra += 1;
      i += 1;
    }
    const id = TALK_PRIORITY.find((k) => found.has(k));
    if (!id || extra > SMALL_TALK_EXTRA) return undefined;
    return langs.size === 1 ? { id, lang: [...langs][0] as Lang, extra } : { id, extra };
  }

  /** True when a word points back to what the conversation is about ("is it linked…", "ils battent…"). */
  refersBack(raw: readonly string[]): boolean {
    return raw.some((w) => this.pronouns.has(w));
  }

  /** Number of leading words that mark a follow-up ("and", "what about", "et pour"), 0 if none. */
  followUpMarker(raw: string[]): number {
    for (const m of this.markers) {
      if (m.length <= raw.length && m.every((w, k) => raw[k] === w)) return m.length;
    }
    return 0;
  }
}

/** Words whose stems are kept: a question's words recur, and stemming was the largest cost of reading one. */
const STEMS_KEPT = 20_000;
const stemsKept = new Memo<string, readonly string[]>(STEMS_KEPT);
const NO_STEMS: readonly string[] = [];

/** The French and English Snowball stems of a folded word, when long enough to mean something. */
export function snowballStems(word: string): readonly string[] {
  if (word.length <= SNOWBALL_MIN || /\d/.test(word)) return NO_STEMS;
  return stemsKept.get(word, stemsOf);
}

function stemsOf(word: string): string[] {
  const out: string[] = [];
  for (const stemmer of snowballStemmers()) {
    const k = stemmer.stem(word);
    if (k.length >= SNOWBALL_MIN && !out.includes(k)) out.push(k);
  }
  return out;
}
