import type { Turn } from '../conversation.js';
import { ENTITY_PREFIX, isEntityTerm, type Lexicon } from '../lexicon.js';
import { asksSomething, inherit, namesSomething, type Reading, withTerms } from '../understand.js';

// What a conversation is about (its topic, read from the recent turns), and how a follow-up's reading
// takes from it: "et quand ?", "and v3?", "why?", "r1 est combien de fois moins cher ?".

/** Most follow-ups are a few words: "and v3?", "et quand ?", "how many gpus?", "why?". */
const FOLLOW_UP_MAX_TERMS = 5;
/** Unknown words a follow-up that points back to the conversation may hold ("related", "lié"). */
const POINTED_UNKNOWN = 1;
/** Small words besides the marker and the name in "and the a800?", "what about for o1?". */
const NEW_THING_SMALL_WORDS = 2;
/** Words of a follow-up that only narrows what was just asked ("in dollars?", "après la promo ?"). */
const ECHO_MAX_TERMS = 3;
/** Words (after the marker) of a fragment that narrows what was asked ("après la baisse de février"). */
const ECHO_MAX_WORDS = 5;
/** The one number such a follow-up may hold: a year ("ça a changé en 2023 ?"). */
const YEAR = /^(?:19|20)\d\d$/;
/** How many earlier turns a follow-up may reach back over (an off-topic message in between). */
const LOOK_BACK = 4;

/** What the conversation is about: the last entities named, and what was said about them. */
export interface Topic {
  entities: string[];
  predicates: string[];
  /** Non-entity terms of the last question that asked something: the aspect a new entity is asked for. */
  asked: string[];
  /** Every entity the recent turns named, newest first: what the conversation has been about. */
  seen: string[];
  /** What the earlier questions asked, newest first (after `asked`). */
  askedBefore?: string[][];
}

/**
 * Reads the recent turns, newest first: the entities of the last turn that named some (a calculation or
 * small talk in between does not count), and the predicates of the last question that said something.
 */
export function conversationTopic(
  turns: readonly Turn[],
  readText: (text: string) => Reading,
): Topic | undefined {
  let entities: string[] | undefined;
  let predicates: string[] | undefined;
  let asked: string[] | undefined;
  const askedBefore: string[][] = [];
  const seen = new Set<string>();
  for (let i = turns.length - 1; i >= Math.max(0, turns.length - LOOK_BACK); i--) {
    const t = turns[i] as Turn;
    // An acknowledgement between two questions ("thanks", "good to know", "c'est fou") leaves the topic.
    if (t.kind === 'chat') continue;
    if (t.kind === 'cost' || t.kind === 'training' || t.kind === 'help') {
      if (entities === undefined) return undefined;
      break;
    }
    // A turn about nothing of the event (an off-topic message) says nothing about the topic; a fact
    // answered without naming an entity ("export restrictions") still does, through its words.
    const named = t.entities !== undefined && t.entities.length > 0;
    if (!named && !(t.kind === 'fact' && t.answered)) continue;
    for (const e of t.entities ?? []) seen.add(ENTITY_PREFIX + e);
    const r = readText(t.text);
    const before = entities !== undefined && named;
    if (entities === undefined) entities = (t.entities ?? []).map((e) => ENTITY_PREFIX + e);
    // What an older turn said was about its own things, when a newer one named others ("how many are
    // there?" after "and the distilled models?" after the licence asks no licence).
    if (predicates === undefined && r.predicates.length > 0 && !before) predicates = r.predicates;
    // The aspect asked: from the last question that asked one ("et par rapport à o1 ?" compares, it
    // does not ask; "et v3 ?" after it asks the price again).
    // A word the knowledge lacks ("merci" in "ok merci, et la licence ?") says nothing of the aspect.
    const nonEntity = r.q.terms.filter((x) => !isEntityTerm(x) && !r.q.unknown.includes(x));
    if (nonEntity.length > 0 && asksSomething(r)) {
      if (asked === undefined) asked = nonEntity;
      else if (
        !askedBefore.some((a) => a.join(' ') === nonEntity.join(' ')) &&
        nonEntity.join(' ') !== asked.join(' ')
      )
        askedBefore.push(nonEntity);
    }
  }
  if (!entities) return undefined;
  return { entities, predicates: predicates ?? [], asked: asked ?? [], seen: [...seen], askedBefore };
}

/**
 * Resolves a follow-up against the conversation, or returns undefined when the question stands on its own
 * (it names its own entity and asks its own thing) or is not a follow-up at all.
 */
export function resolveFollowUp(
  r: Reading,
  topic: Topic | undefined,
  lexicon: Lexicon,
  echoes: (term: string) => boolean = () => false,
): Reading | undefined {
  if (!topic) return undefined;
  const words = lexicon.conversation;
  const nonEntity = r.q.terms.filter((t) => !isEntityTerm(t));
  if (topic.entities.length === 0 && topic.predicates.length === 0) return undefined;
  if (r.entities.length === 0) {
    // A new aspect of the same thing: "et quand ?", "was it a record?", "how many gpus?", "why?".
    // "which ones?", "lesquels ?" (after "on how many gpus?"): which of what was just asked.
    const rest = r.q.raw.slice(r.marker);
    const bareWhich =
      rest.length <= 3 &&
      rest.some((w) => words.whichOnes.has(w)) &&
      rest.every((w) => words.whichOnes.has(w) || lexicon.isStopWord(w));
    if (bareWhich) return withTerms(r, [...topic.predicates, ...topic.entities], lexicon);
    // "what's the difference between the two?", "which of the two is cheaper?", "et chacun coûte
    // combien ?": the last two things the conversation named, both asked about.
    const two = topic.seen.slice(0, 2);
    if (two.length === 2 && bothOf(r.q.raw, lexicon) && asksTheBot(r, lexicon)) {
      const both = bothTerms(lexicon);
      const own = r.q.terms.filter((t) => !both.has(t));
      return withTerms(r, [...own, ...two], lexicon);
    }
    if (nonEntity.length === 0 || nonEntity.length > FOLLOW_UP_MAX_TERMS) return undefined;
    // A word neither the knowledge nor the vocabulary knows, or a typo fixed ("lunch" read as
    // "launch"), means the question is about something else; unless a pronoun points back to the
    // conversation's thing and the rest names something of it ("is it related to a hedge fund?").
    const refers = r.marker > 0 || lexicon.refersBack(r.q.raw);
    const unknown = r.q.unknown.filter((t) => lexicon.kind(t) === undefined).length;
    // What it says of that thing: something of the vocabulary, or words the answers just given use
    // ("ça sert à quoi de pas avoir de critique ?" after GRPO, whose answer speaks of a critic).
    // A pronoun is needed there, a marker is not enough ("and when was brexit").
    const known = nonEntity.filter((t) => !r.q.unknown.includes(t) && lexicon.kind(t) !== 'question');
    // It must ask: a question word, or a question's inversion ("is it…", "est-ce…"); "that was a bad day
    // for tech" says something, it asks nothing.
    const asking =
      r.questions.length > 0 ||
      r.q.raw.some((w) => words.asking.has(w)) ||
      words.inversion.has(r.q.raw[0] ?? '');
    const echoing =
      known.length > 0 &&
      asking &&
      lexicon.refersBack(r.q.raw) &&
      !r.q.raw.some((w) => words.addressee.has(w) || words.speaker.has(w)) &&
      known.every((t) => lexicon.kind(t) !== undefined || echoes(t));
    const pointsBack = refers && (namesSomething(r, lexicon) || echoing) && unknown <= POINTED_UNKNOWN;
    if (r.q.corrected > 0 || (unknown > 0 && !pointsBack)) return undefined;
    if (nonEntity.every((t) => t === 'whatis')) return undefined;
    // "What is a GPU?", "c'est quoi l'apprentissage par renforcement ?": a thing asked about in itself,
    // complete on its own (an aspect — "who is the founder?", "what are the benchmark scores?" — needs
    // the thing it belongs to, and a pronoun points back to it).
    if (!refers && r.questions.includes('whatis') && nonEntity.some((t) => isThing(t, lexicon)))
      return undefined;
    // "what other stocks got hit?", "where is it based?": such words ask too, of the thing they come with.
    // With "how" or "where", the French "il" points back too: "il a été entraîné comment ?" (the
    // impersonal "il" of "il est quelle heure" asks no "how").
    // Either way the words must name something of the event or a pronoun point back to it ("and where's
    // my order?", "et t'as quel âge ?" do neither: a marker alone is not enough).
    const pointing = lexicon.refersBack(r.q.raw) || r.q.raw.includes('il');
    const which =
      !r.questions.includes('whatis') &&
      (pointing || namesSomething(r, lexicon)) &&
      r.q.raw.some((w) => words.which.has(w) || (pointing && words.howWhere.has(w)));
    const asks = r.questions.some((t) => t !== 'whatis') || r.aspects.length > 0 || which;
    const allConcepts = nonEntity.every((t) => lexicon.kind(t) !== undefined);
    // "in dollars?", "points?", "après la promo ?", "is it still allowed?": a word or two, each a concept
    // or a word the knowledge uses about the conversation's things, narrows what was just asked.
    // No question word of its own ("how do computers work", "what's 2+2"), no one spoken to ("r u single"),
    // no number but a year.
    // A fragment, not a sentence about oneself ("I will send this to the team").
    const echoed =
      unknown === 0 &&
      r.questions.length === 0 &&
      r.q.raw.length - r.marker <= ECHO_MAX_WORDS &&
      !r.q.raw
        .slice(r.marker)
        .some(
          (w) =>
            words.asking.has(w) ||
            words.addressee.has(w) ||
            words.speaker.has(w) ||
            (/\d/.test(w) && !YEAR.test(w)),
        ) &&
      nonEntity.length <= ECHO_MAX_TERMS &&
      nonEntity.every((t) => lexicon.kind(t) !== undefined || echoes(t));
    // Without a question word or an aspect, it must be all concepts ("gpus ?"), echo the conversation's
    // words, or point back to the conversation and name something ("is it linked to a hedge fund?"; not
    // "what time is it?").
    if (!asks && !allConcepts && !pointsBack && !echoed) return undefined;
    const from = topic.entities.length > 0 ? topic : { entities: topic.predicates, predicates: [] };
    // "et l'appli ?" after "et v3 ?" (released when): a new thing of the vocabulary after a marker asks
    // what the conversation was asking, like a new name does.
    const newThing =
      r.marker > 0 && !asks && topic.asked.length > 0 && nonEntity.every((t) => isThing(t, lexicon));
    // "on the API tho" after "context window?", "in dollars?", "après la promo ?": a preposition and a
    // word or two add a condition to the question before, whose words still say what is asked.
    const condition = !asks && words.narrowing.has(r.q.raw[r.marker] ?? '') && (echoed || allConcepts);
    const inherited = newThing
      ? withTerms(r, [...topic.asked, ...r.q.terms, ...from.entities], lexicon)
      : condition
        ? withTerms(r, [...r.q.terms, ...topic.predicates, ...from.entities], lexicon)
        : pronounThings(inherit(r, from, lexicon), r, topic, lexicon);
    // Everything taken from the conversation only narrows the choice; the follow-up's own words choose.
    for (const t of inherited.q.terms) if (!r.q.terms.includes(t)) inherited.q.soft.add(t);
    if (from === topic && !namesSomething(r, lexicon)) inherited.about = topic.seen;
    // It asks of the conversation's things, not of another like them ("and the paper?" after R1's release
    // is not V3's); "what algorithm did they use?" asks which thing, and that one may be another (GRPO);
    // a bare word or two ("les semi-conducteurs ?" after the S&P 500) names the thing it asks about.
    const leans = r.marker > 0 || lexicon.refersBack(r.q.raw) || asksSomething(r);
    if (from === topic && leans && !r.q.raw.some((w) => words.which.has(w))) inherited.within = topic.seen;
    return inherited;
  }
  // A new thing for the same aspect: "et broadcom ?", "and v3?", "what about o1?": the marker and the
  // name, or the name alone ("broadcom ?"). More words make a question of its own ("so what do we know
  // about DeepSeek?", "how did the S&P 500 and the Dow do?", "modèles distillés r1").
  const small = r.q.raw.slice(r.marker).filter((w) => lexicon.isStopWord(w)).length;
  const bare = r.marker > 0 ? small <= NEW_THING_SMALL_WORDS : r.q.terms.length === 1 && small === 0;
  if (nonEntity.length === 0 && topic.entities.length > 0 && bare) {
    if (topic.asked.length === 0) return undefined;
    const next = withTerms(r, [...topic.asked, ...r.entities], lexicon);
    next.newThing = true;
    const before = topic.askedBefore ?? [];
    if (before.length > 0) next.earlier = before.map((a) => withTerms(r, [...a, ...r.entities], lexicon));
    return next;
  }
  // A comparison that names one side only compares it with the conversation's thing: "r1 est combien de
  // fois moins cher ?" after o1-mini's price, "is v3 better?" after R1. The thing taken only narrows.
  const other = topic.entities.filter((e) => !r.entities.includes(e));
  // A long message with a comparing word ("… face à l'IA chinoise DeepSeek ?") is a question of its own.
  const short = nonEntity.length <= FOLLOW_UP_MAX_TERMS;
  if (r.entities.length === 1 && other.length > 0 && short && nonEntity.some((t) => words.comparing.has(t))) {
    const compared = withTerms(r, [...r.q.terms, ...other], lexicon);
    for (const e of other) compared.q.soft.add(e);
    return compared;
  }
  return undefined;
}

/**
 * "which model does it use?" after "when did the app launch?": the pronoun stands for the thing the last
 * question named even when that is a concept (the app), not an entity; it is added (softly, below).
 */
function pronounThings(inherited: Reading, r: Reading, topic: Topic, lexicon: Lexicon): Reading {
  if (!lexicon.refersBack(r.q.raw) || inherited === r) return inherited;
  const things = topic.predicates.filter((t) => isThing(t, lexicon) && !inherited.q.terms.includes(t));
  return things.length === 0 ? inherited : withTerms(inherited, [...inherited.q.terms, ...things], lexicon);
}

/**
 * A question put to the bot, not a remark about oneself or to someone ("lol 589 emails in my inbox",
 * "our build takes 6x longer"): a question word or a question's verb ("does it…", "est-ce"), nobody
 * spoken of or to.
 */
export function asksTheBot(r: Reading, lexicon: Lexicon): boolean {
  const words = lexicon.conversation;
  const raw = r.q.raw;
  // The "t" of "doesn't", "isn't" is no "t'" ("t'as vu ?").
  const spoken = (w: string, i: number) =>
    words.addressee.has(w) && !(w === 't' && raw[i - 1]?.endsWith('n'));
  if (raw.some((w, i) => spoken(w, i) || words.speaker.has(w))) return false;
  return r.questions.length > 0 || raw.some((w) => words.asking.has(w) || words.inversion.has(w));
}

/** The search terms of the words for two things (taken out of the question: the things stand in for them). */
const BOTH_TERMS = new WeakMap<Lexicon, Set<string>>();
function bothTerms(lexicon: Lexicon): Set<string> {
  let terms = BOTH_TERMS.get(lexicon);
  if (!terms) {
    const w = lexicon.conversation;
    terms = new Set([...w.both, ...w.two].flatMap((x) => [x, lexicon.term(x)]));
    BOTH_TERMS.set(lexicon, terms);
  }
  return terms;
}

/** "both", "each", "chacun", or "the two" / "les deux" not followed by a word of its own ("the two benchmarks"). */
function bothOf(raw: readonly string[], lexicon: Lexicon): boolean {
  const words = lexicon.conversation;
  return raw.some((w, i) => {
    if (words.both.has(w)) return true;
    if (!words.two.has(w) || !words.theTwo.has(raw[i - 1] ?? '')) return false;
    const next = raw[i + 1];
    return next === undefined || words.twoAfter.has(next) || lexicon.isStopWord(next);
  });
}

/** A concept that is a thing in itself (chips, reinforcement learning), not a question word nor an aspect. */
function isThing(term: string, lexicon: Lexicon): boolean {
  return lexicon.kind(term) === 'topic';
}
