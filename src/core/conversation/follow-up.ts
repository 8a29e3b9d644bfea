import type { Turn } from '../conversation.js';
import { ENTITY_PREFIX, isEntityTerm, type Lexicon } from '../lexicon.js';
import type { Reply } from '../reply.js';
import type { SearchHit, SearchIndex } from '../search.js';
import { FALLBACK_OUTSIDE, namesSomething, type Reading, read, withTerms } from '../understand.js';
import { asksTheBot, conversationTopic, resolveFollowUp, type Topic } from './topic.js';

/** What the follow-up logic needs of the engine's search (the engine passes its own). */
export interface FollowUpSearch {
  readonly index: SearchIndex;
  readonly lexicon: Lexicon;
  /** How many entries the knowledge holds. */
  readonly entries: number;
  /** The engine's answer threshold. */
  readonly threshold: number;
  /** Below this score a hit is not even offered as "did you mean": nor is it a follow-up's candidate. */
  readonly suggest: number;
  /** The search's hits for a reading (only entries about `reading.about` when it is set). */
  hitsFor(reading: Reading, limit: number): SearchHit[];
  /** Checks that hold whatever the score: the entry answers what the reading asks. */
  fits(reading: Reading, id: string): boolean;
  /** The entry mentions one of the things. */
  isAbout(things: readonly string[], id: string): boolean;
  /** The entry that answers a question about the thing in general (vocabulary `overview`). */
  overviewOf(entity: string): string | undefined;
  /** The stored questions of an entry, in every language. */
  questionsOf(id: string): readonly string[];
  /** The entries an entry lists as related (knowledge `related`). */
  relatedOf(id: string): readonly string[];
  /** The topic (knowledge file) an entry belongs to: prices, training, market… */
  topicOf(id: string): string | undefined;
  /** A known gap of the sources (knowledge/gaps.yaml) the reading names (its fallback gaps too). */
  hasGap(reading: Reading, fallback?: boolean): boolean;
}

/** The entry a follow-up asks anew, with the ranking and confidence its reply gives. */
export interface AskedAnew {
  best: SearchHit;
  ranked: SearchHit[];
  confidence: number;
}

/** Hits of a follow-up's own words looked at when it may ask something new (askedAnew). */
const ASKED_ANEW_DEPTH = 12;
/**
 * How much more the follow-up's own words, read alone, must favour another entry over one already given
 * for that entry to answer although the conversation's reading prefers the given one. Chosen on the
 * whole multi-turn set: the own-word ratios of the follow-ups it decides were 1.31–4.7 where another
 * entry was right, 1.06 where the given entry was.
 */
const OWN_WORDS_RATIO = 1.25;
/**
 * How close to the best hit about the new thing a candidate of the last answer's kind must score ("et
 * v3 ?" after a price). 0.9 before; 0.8 lets V3's price (0.472) beat V3's architecture (0.567) after
 * "how much is r1 per million tokens?" — a scratch probe of 25 "and X?" follow-ups went 22 → 24, and
 * no eval line changed either way.
 */
const SAME_KIND_RATIO = 0.8;
/** Share of the entries above which a thing they name says nothing of what an entry is about. */
const MOST_ENTRIES = 0.5;
/** Recent turns whose answers a follow-up is taken not to ask again. */
const ASKED_ANEW_TURNS = 4;
/** A figure quoted from an answer: "6x", "128k", "589", "$5.6m" (a year is not one). */
const FIGURE = /^(?:\d+(?:[.,]\d+)?(?:x|k|m|b|bn|md|%)|\d{3,}(?:[.,]\d+)?)$/;
const YEAR = /^(?:19|20)\d\d$/;
/** How close to an entry about another thing one about the conversation's must score to answer instead. */
const WITHIN_RATIO = 0.9;
/** Hits looked at for the entry holding the figures a follow-up quotes. */
const QUOTED_DEPTH = 8;

/**
 * Follow-up questions in a conversation: what the recent turns are about, how a question leans on
 * them ("et quand ?", "and v3?"), and whether it asks something the recent answers did not say.
 */
export class FollowUps {
  /** Entry id → its subjects (see `subjects`), read on first use. */
  private readonly subjectCache = new Map<string, string[]>();

  constructor(private readonly search: FollowUpSearch) {}

  /**
   * A follow-up that names no thing of its own, and points back to the conversation's, got an entry about
   * another thing ("et sa fenêtre de contexte ?" after V3: R1's size, which says R1 was built on V3): an entry about the
   * conversation's things scoring nearly as well (WITHIN_RATIO) answers instead. Undefined otherwise.
   */
  ofTheThread(reply: { answered: boolean; kind: string; entryId?: string | undefined }, reading: Reading) {
    const id = reply.entryId;
    if (!reply.answered || reply.kind !== 'fact' || !id || this.within(reading, id)) return undefined;
    // Only a pronoun says so ("sa fenêtre", "its context"): "and the chip index?" names a thing of its own.
    if (!this.search.lexicon.refersBack(reading.q.raw)) return undefined;
    const hits = this.search.hitsFor(reading, 5);
    const top = hits.find((h) => h.id === id)?.score;
    if (top === undefined) return undefined;
    // A number or year it names that the entry holds says that entry is asked ("can it still be sold in
    // China after 2023?" after the A800: the October 2023 rule).
    const { index } = this.search;
    const told = reading.q.terms.filter((t) => /\d/.test(t) && !reading.q.soft.has(t));
    const holds = (x: string) => told.every((t) => index.mentions(x, t));
    return hits.find(
      (h) =>
        h.id !== id &&
        (told.length === 0 || !holds(id) || holds(h.id)) &&
        h.score >= this.search.threshold &&
        h.score >= WITHIN_RATIO * top &&
        this.within(reading, h.id) &&
        this.subjects(h.id).length > 0 &&
        this.search.fits(reading, h.id),
    );
  }

  /**
   * For a follow-up that names no thing of its own (`within` set): the entry is not about another thing
   * than the conversation's ("and the paper?" after R1's release is not V3's).
   */
  private within(reading: Reading, id: string): boolean {
    const within = reading.within;
    if (!within) return true;
    const subjects = this.subjects(id);
    return subjects.length === 0 || subjects.some((e) => within.includes(e));
  }

  /**
   * What an entry is about: the things (not those most entries name, like DeepSeek) that at least half of its
   * stored questions name. R1's size is about R1 although it says it was built on V3.
   */
  subjects(id: string): string[] {
    const cached = this.subjectCache.get(id);
    if (cached) return cached;
    const { index } = this.search;
    const questions = this.search.questionsOf(id);
    const counts = new Map<string, number>();
    for (const q of questions)
      for (const e of new Set(index.prepare(q).terms.filter(isEntityTerm)))
        if (index.frequency(e) <= this.search.entries * MOST_ENTRIES) counts.set(e, (counts.get(e) ?? 0) + 1);
    const subjects = [...counts].filter(([, n]) => n * 2 >= questions.length).map(([e]) => e);
    this.subjectCache.set(id, subjects);
    return subjects;
  }

  /** What the recent turns are about (undefined when nothing of the event was asked lately). */
  topic(turns: readonly Turn[]): Topic | undefined {
    const { index, lexicon } = this.search;
    return conversationTopic(turns, (t) => read(index.prepare(t), lexicon));
  }

  /**
   * The reading a question gets in the conversation: resolved against the topic when it is a
   * follow-up, its own reading when it stands on its own or is about something else.
   */
  resolve(r: Reading, topic: Topic | undefined, turns: readonly Turn[] | undefined): Reading {
    const { index, lexicon } = this.search;
    // A name the knowledge mentions but the vocabulary does not know ("apple") is another subject,
    // unless the answers just given speak of it ("on math?" after R1's benchmarks: MATH-500).
    const asked = this.afterMarker(r);
    const quoted = topic && turns ? this.quotes(asked, turns) : undefined;
    if (quoted) return quoted;
    if (r.q.terms.some((t) => index.isForeignName(t) && !this.echoes(t, turns))) return r;
    const resolved = resolveFollowUp(asked, topic, lexicon, (t) => this.echoes(t, turns));
    if (resolved && turns && this.elsewhere(asked, turns)) return r;
    // Something the sources never cover ("what's the weather like?") is no follow-up, unless the
    // conversation makes it a known gap ("how many employees?" after a question about DeepSeek).
    if (!resolved) return r;
    // "today" may be a headline's, not a follow-up's: "et aujourd'hui ?" asks for news the sources lack.
    const outside = resolved.outside.some((t) => t !== FALLBACK_OUTSIDE) || r.outside.length > 0;
    if (outside && !this.search.hasGap(resolved)) return r;
    // "c'était en quelle année déjà ?" after the founding date: what was just answered is about the thread.
    if (resolved.about && turns) resolved.answers = givenEntries(turns);
    return resolved;
  }

  /**
   * The word is one of the answer just given, or of the entries it lists as related ("points?" after
   * the Nasdaq's fall, "en dollars ?" after Nvidia's percentage: its market value). `all`: of any
   * answer the recent turns gave.
   */
  private echoes(term: string, turns: readonly Turn[] | undefined, all = false): boolean {
    const { index } = this.search;
    if (!index.knows(term)) return false;
    const recent = givenEntries(turns ?? []);
    const given = all ? recent : recent.slice(-1);
    // A number only counts when an answer given holds it ("2" is in many entries: "combien font 2+2").
    const near = /\d/.test(term) ? given : [...given, ...given.flatMap((id) => this.search.relatedOf(id))];
    return near.some((id) => index.mentions(id, term));
  }

  /**
   * "pourquoi le 6x ne tient plus ?", "why do some say 589 and others 593 billion?", "but the model
   * itself does 128k right?": a message naming nothing of its own that quotes a figure an answer of the
   * conversation gave is about that answer's things (the turn's, not always the newest turn's). A
   * figure: a number with a unit ("6x", "128k") or of three digits or more, not a year; a day ("the
   * 27th") or a count ("2") says too little. Undefined when no answer given holds every figure.
   */
  private quotes(r: Reading, turns: readonly Turn[]): Reading | undefined {
    const { index, lexicon } = this.search;
    if (r.entities.length > 0 || !asksTheBot(r, lexicon)) return undefined;
    const figures = r.q.terms.filter((t) => FIGURE.test(t) && !YEAR.test(t));
    if (figures.length === 0) return undefined;
    const recent = turns.slice(-ASKED_ANEW_TURNS);
    for (let i = recent.length - 1; i >= 0; i--) {
      const t = recent[i] as Turn;
      if (t.kind !== 'fact' || !t.answered || !t.entryId || !t.entities?.length) continue;
      const id = t.entryId;
      if (!figures.every((f) => index.knows(f) && index.mentions(id, f))) continue;
      const things = t.entities.map((e) => ENTITY_PREFIX + e);
      const quoted = withTerms(r, [...r.q.terms, ...things], lexicon);
      for (const e of things) quoted.q.soft.add(e);
      quoted.about = things;
      quoted.answers = givenEntries(turns);
      quoted.figures = figures;
      return quoted;
    }
    return undefined;
  }

  /**
   * The entry that answers a message quoting figures (see `quotes`) when the reply does not hold them:
   * the best hit about the conversation's things that holds every figure ("why do some say 589 and others
   * 593 billion?" → Nvidia's market value, whose answer gives both). Undefined when the reply stands.
   */
  quoted(reply: { answered: boolean; kind: string; entryId?: string | undefined }, reading: Reading) {
    const { index, suggest } = this.search;
    const figures = reading.figures ?? [];
    const holds = (id: string) => figures.every((f) => index.mentions(id, f));
    if (figures.length === 0) return undefined;
    if (reply.answered && reply.kind === 'fact' && reply.entryId && holds(reply.entryId)) return undefined;
    return this.search
      .hitsFor(reading, QUOTED_DEPTH)
      .find((h) => h.score >= suggest && holds(h.id) && this.search.fits(reading, h.id));
  }

  /**
   * After a calculation, the message is no change to it although the calculator reads one: it asks
   * something a calculation does not answer — a question word or an aspect other than how much, price
   * and cost (founded, when, size, GPU count, "what is" without a price word).
   */
  notACalcChange(r: Reading): boolean {
    if (r.questions.some((q) => q !== 'howmuch' && q !== 'whatis')) return true;
    // "et en sortie ?" (output, not a release), "what's the cost with cache?": a calculation's words.
    const { calculationTerms, calculationWords } = this.search.lexicon.conversation;
    if (r.q.terms.some((t) => calculationTerms.has(t)) || r.q.raw.some((w) => calculationWords.has(w)))
      return false;
    return r.questions.includes('whatis') || r.aspects.some((a) => !calculationTerms.has(a));
  }

  /**
   * A marker with words of its own ("no I meant R1", "je voulais dire high-flyer", "sorry, I meant
   * v3") says the message is a follow-up; what it asks is the rest.
   */
  private afterMarker(r: Reading): Reading {
    const { index, lexicon } = this.search;
    const words = r.q.raw.slice(0, r.marker);
    if (words.every((w) => lexicon.isStopWord(w))) return r;
    const rest = read(index.prepare(r.q.raw.slice(r.marker).join(' ')), lexicon);
    // It corrects the thing named ("no I meant R1"); "I mean, what's the capital of France?" names none
    // and is read like any message without a marker.
    rest.marker = rest.entities.length > 0 ? r.marker : 0;
    return rest;
  }

  /**
   * A follow-up asks what the recent answers did not say. When the conversation's reading lands on an
   * entry just given ("what chips did they use?" after export controls, "why did it happen?" after the
   * record), the follow-up's own words are counted a second time, read alone: the entry with the most
   * evidence from both readings answers, and an entry already given answers again only if it still
   * has the most ("how many parameters are active?" after the architecture). Undefined when the reply
   * stands.
   */
  askedAnew(
    reply: { answered: boolean; kind: string; entryId?: string | undefined },
    own: Reading,
    reading: Reading,
    turns: readonly Turn[],
    thread: readonly string[],
  ): AskedAnew | undefined {
    const { index, lexicon, threshold, suggest } = this.search;
    const given = new Set(givenEntries(turns));
    // The reply repeats an answer just given ("et les modèles distillés ?" getting the license again);
    // or it is not sure enough and the follow-up only asks a question word of the thread's things ("why
    // did it happen?": its candidates are about them). A new thing whose aspect nothing answers ("et
    // celui de R1 ?" after V3's training cost) stays unanswered.
    const repeats = reply.answered ? given.has(reply.entryId ?? '') : reading.about !== undefined;
    if (!repeats || (reply.answered && reply.kind !== 'fact')) return undefined;
    // A question word the answer just given is asked about already ("by how much?" after "is it
    // cheaper?"): it asks more of that answer, not of another entry.
    const asks = own.questions.filter((q) => q !== 'whatis');
    const id = reply.entryId;
    if (reply.answered && id && !namesSomething(own, lexicon) && asks.length > 0)
      if (asks.every((q) => index.mentions(id, q))) return undefined;
    const hits = this.search.hitsFor(reading, 5);
    if (hits.length === 0) return undefined;
    const alone = index.searchPrepared(own.q, ASKED_ANEW_DEPTH);
    const aloneScore = (id: string) => alone.find((h) => h.id === id)?.score ?? 0;
    const evidence = (h: SearchHit) => h.score + aloneScore(h.id);
    // Entries given, scored whether or not the conversation's reading ranked them (an overview answer).
    const repeated = [...given].map((id) => hits.find((h) => h.id === id) ?? { id: id ?? '', score: 0 });
    const again = Math.max(0, ...repeated.map(evidence));
    const againAlone = Math.max(0, ...repeated.map((h) => aloneScore(h.id)));
    // A number or year of the follow-up that the answer it got again lacks ("are they still allowed after
    // 2023?" after the A800) says what is asked: an entry that holds it (the October 2023 rule) may
    // answer, even about another thing than the thread's.
    const id1 = reply.entryId;
    const told = own.q.terms.filter((t) => /\d/.test(t) && !(id1 && index.mentions(id1, t)));
    const holdsTold = (h: SearchHit) => told.length > 0 && told.every((t) => index.mentions(h.id, t));
    const candidates = hits.filter(
      (h) =>
        !given.has(h.id) &&
        h.score >= suggest &&
        this.search.fits(own, h.id) &&
        (this.within(reading, h.id) || holdsTold(h)),
    );
    let best: SearchHit | undefined;
    for (const h of candidates) if (!best || evidence(h) > evidence(best)) best = h;
    // The given entry matches the inherited words by construction (they come from its question): the
    // own words alone preferring another entry clearly also makes that one the answer, if it is still
    // about the thread's things ("how was it trained?" after R1-Zero is not V3's training cost).
    const clearly = (h: SearchHit) => aloneScore(h.id) >= OWN_WORDS_RATIO * againAlone;
    if (!best || !clearly(best)) {
      const byWords = candidates
        .filter((h) => clearly(h) && this.search.isAbout(thread, h.id))
        .sort((a, b) => aloneScore(b.id) - aloneScore(a.id))[0];
      if (byWords) best = byWords;
    }
    if (!best || aloneScore(best.id) < threshold) return undefined;
    const overrides = (clearly(best) || holdsTold(best)) && this.search.isAbout(thread, best.id);
    if (evidence(best) <= again && !overrides) return undefined;
    const chosen = best;
    return {
      best: chosen,
      ranked: [chosen, ...candidates.filter((h) => h !== chosen)],
      confidence: evidence(chosen) / 2,
    };
  }

  /**
   * "and the nasdaq?" after V3's training cost: a new thing named alone, of which nothing answers what
   * the thread asked, and no pronoun ties it to that ("et celui de R1 ?" does), changes the subject: its
   * overview answers it. A known gap of that aspect ("R1's training cost is not published") stands.
   * The overviews it may get, or undefined.
   */
  changesSubject(own: Reading, reading: Reading): string[] | undefined {
    const { lexicon, overviewOf } = this.search;
    if (!reading.newThing || lexicon.refersBack(own.q.raw)) return undefined;
    if (this.search.hasGap(reading) || this.search.hasGap(reading, true)) return undefined;
    // Answered by what the thing is in general, its overview, only ("and o1?" after R1's release date
    // asks o1's release, which the sources lack: o1's price is no answer).
    const overviews = own.entities.map((e) => overviewOf(e));
    if (overviews.length === 0 || overviews.some((id) => id === undefined)) return undefined;
    return overviews as string[];
  }

  /**
   * "et v3 ?" after o1-mini's price asks V3's price, not its training cost, though both read as "how much
   * does it cost": a new thing named alone asks the same kind of thing as the answer just given. When the
   * reply is of another topic than that answer, a candidate of the answer's topic about the new thing,
   * scoring nearly as well (SAME_KIND_RATIO), answers instead.
   */
  sameKind(
    reply: { answered: boolean; kind: string; entryId?: string | undefined },
    reading: Reading,
    turns: readonly Turn[],
  ): SearchHit | undefined {
    const id = reply.entryId;
    const last = givenEntries(turns).at(-1);
    if (!reading.newThing || !reply.answered || reply.kind !== 'fact' || !id || !last) return undefined;
    const { index, threshold, topicOf } = this.search;
    const kind = topicOf(last);
    const given = givenEntries(turns);
    // The answer just given again ("and v3?" after R1's price getting R1's price, which names V3 in
    // passing) is no answer either: a candidate of its kind about the new thing is looked for too.
    const repeated = given.includes(id);
    if (kind === undefined || (topicOf(id) === kind && !repeated)) return undefined;
    const about = (h: SearchHit) =>
      !given.includes(h.id) &&
      reading.entities.every((e) => reading.q.soft.has(e) || index.mentions(h.id, e));
    const hits = this.search.hitsFor(reading, 5);
    const best = hits.find(about)?.score ?? 0;
    return hits.find(
      (h) =>
        topicOf(h.id) === kind &&
        h.score >= threshold &&
        h.score >= SAME_KIND_RATIO * best &&
        about(h) &&
        this.search.fits(reading, h.id),
    );
  }

  /**
   * The thing a follow-up names that the entry it gets again, one the recent turns gave, never mentions
   * ("and r1?" after V3's training chips): that entry does not answer it. Undefined otherwise.
   */
  repeatsWithout(
    reply: { answered: boolean; kind: string; entryId?: string | undefined },
    own: Reading,
    turns: readonly Turn[],
    thread: readonly string[],
  ): string | undefined {
    const id = reply.entryId;
    if (!reply.answered || reply.kind !== 'fact' || !id || !givenEntries(turns).includes(id))
      return undefined;
    const { index, entries } = this.search;
    // A thing most entries name (DeepSeek) may go unsaid; R1 or o1, new to the thread, may not.
    const telling = (e: string) => index.frequency(e) <= entries * MOST_ENTRIES;
    return own.entities.find((e) => !thread.includes(e) && telling(e) && !index.mentions(id, e));
  }

  /**
   * A follow-up that names nothing of the event, with no pronoun nor marker pointing back, whose words
   * the vocabulary does not know and the recent answers (and their related entries) never use, is about something else ("combien de
   * pays existent ?" after the founder), even if some entry happens to hold those words. "how many are
   * active?" after R1's size stays a follow-up: that answer speaks of active parameters.
   */
  private elsewhere(r: Reading, turns: readonly Turn[]): boolean {
    const { lexicon } = this.search;
    if (r.entities.length > 0 || r.marker > 0 || lexicon.refersBack(r.q.raw)) return false;
    if (namesSomething(r, lexicon)) return false;
    const strange = r.q.terms.filter((t) => lexicon.kind(t) === undefined && !this.echoes(t, turns, true));
    return strange.length > 0;
  }
}

/** The entries the recent turns answered (the answers a follow-up is taken not to ask again). */
function givenEntries(turns: readonly Turn[]): string[] {
  return turns
    .slice(-ASKED_ANEW_TURNS)
    .filter((t) => t.kind === 'fact' && t.answered && t.entryId)
    .map((t) => t.entryId as string);
}

/**
 * What the caller keeps of a reply for the next question of the conversation: the question, the entry
 * answered, the calculator's request (for "and on o1?"), the entities named and the aspect asked.
 */
export function turnOfReading(reply: Reply, understood: Reading | undefined, text: string): Turn {
  const turn: Turn = {
    text: text.slice(0, 500),
    lang: reply.lang,
    kind: reply.kind,
    answered: reply.answered,
    at: Date.now(),
  };
  if (reply.entryId) turn.entryId = reply.entryId;
  if (reply.confidence !== undefined) turn.confidence = reply.confidence;
  // The calculator fills its own turn (the request understood, for "and on o1?").
  if (reply.turn?.calc) turn.calc = reply.turn.calc;
  if (understood) {
    const entities = understood.entities.map((e) => e.slice(ENTITY_PREFIX.length));
    if (entities.length > 0) turn.entities = entities;
    const aspect = understood.aspects[0] ?? understood.questions[0];
    if (aspect) turn.aspect = aspect;
  }
  return turn;
}
