import {
  chartKindFromWords,
  chartKindOf,
  chartReply,
  chartRequest,
  costChartFor,
  decorateFact,
  withChart,
} from './charts/attach.js';
import {
  ANSWER_THRESHOLD,
  confidenceOf,
  FactChooser,
  OVERVIEW_CONFIDENCE,
  SUGGEST_THRESHOLD,
} from './choose.js';
import { Autocomplete } from './complete.js';
import { FollowUps, turnOfReading } from './conversation/follow-up.js';
import type { ConversationContext, Turn } from './conversation.js';
import { Calculator, chartSpecOf, notUsageNumbers } from './cost/index.js';
import type {
  Choice,
  CostRequest,
  Engine,
  ModelInfo,
  Query,
  TopicInfo,
  TrainingRequest,
} from './engine-types.js';
import { GapFinder } from './gaps.js';
import { t } from './i18n/index.js';
import { asksForSecret, detectCommand } from './intents.js';
import type { KnowledgeBase } from './knowledge/types.js';
import { chooseLang, type Lang, type LangVocabulary, useLanguageWords } from './lang.js';
import { ENTITY_PREFIX, isEntityTerm, Lexicon } from './lexicon.js';
import { fold } from './normalize.js';
import { type PreparedEngine, prepareEngine } from './prepare.js';
import {
  aboutReply,
  chatReply,
  compoundReply,
  factReply,
  helpReply,
  refusalReply,
  specificRefusal,
  topicReply,
  topicsReply,
} from './replies.js';
import type { Reply } from './reply.js';
import { type SearchHit, SearchIndex, type SearchOptions } from './search.js';
import {
  asksSomething,
  FALLBACK_OUTSIDE,
  inherit,
  type Reading,
  read,
  splitParts,
  splitSentences,
  withTerms,
} from './understand.js';

/** Above this confidence a fact answered on its own wins over a calculation the conversation made of
 * it: "deepseek founding year" after "10M output tokens on r1" asks a fact, not a price.
 */
export const STANDALONE_FACT_CONFIDENCE = 0.85;
/** Longest text the engine reads; the pipeline rejects longer questions before this. */
const MAX_TEXT = 2000;
/**
 * Someone addressed in the message ("@alice", Slack's "<@U123>", Discord's "<@!123>", a channel
 * "<#C1|general>"): a person of the chat, never what is asked. An e-mail address is left alone.
 */
const ADDRESSEE = /<[@#][!&]?[\w-]+(?:\|[^>]*)?>|(?<![\w.])@[\p{L}\p{N}_.-]+/gu;
/** Outside concepts about time ("today", "now", "next month"): a calculation at January 2025 prices still answers. */
const TIME_OUTSIDE = new Set(['today', 'now', 'afterwards']);
/** A list item's number or bullet copied with the question ("1. Qu'est-ce qui…", "- why…", "3) how…"). */
const LIST_MARK = /^\s*(?:\d{1,2}[.)](?!\d)|[-•*▪–](?!\d))\s*/u;

export interface EngineOptions extends SearchOptions {
  threshold?: number;
  /** Answers kept for repeated questions (same text and locale); 0 turns the cache off. */
  cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 2000;

/** Replies leave the engine frozen: a cached reply is shared by every caller. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

class KnowledgeEngine implements Engine {
  private readonly index: SearchIndex;
  private readonly lexicon: Lexicon;
  private readonly calculator: Calculator;
  /** Completions of a question being typed (Discord's autocomplete). */
  private readonly completer: Autocomplete;
  private readonly threshold: number;
  private readonly vocabulary: LangVocabulary;
  /** Least-recently-used answers: the engine is pure, so a repeated question gets the same reply. */
  private readonly cache = new Map<string, Reply>();
  private readonly cacheSize: number;
  /** knowledge/gaps.yaml: what the sources do not answer, and the honest reply. */
  private readonly gapFinder: GapFinder;
  /** Entity term → the entry that answers a question about it in general. */
  private readonly overviews: Map<string, string>;
  /** The conversation's side: what a follow-up leans on and whether it asks anew. */
  private readonly followUps: FollowUps;
  /** From a question read to its reply: the entry, a gap of the sources or a refusal. */
  private readonly chooser: FactChooser;

  constructor(
    private readonly kb: KnowledgeBase,
    options: EngineOptions = {},
    prepared?: PreparedEngine & { lexicon?: Lexicon },
  ) {
    this.lexicon = prepared?.lexicon ?? new Lexicon(kb.vocabulary);
    const ready = prepared ?? prepareEngine(kb, this.lexicon);
    this.index = new SearchIndex(kb.entries, this.lexicon, options, ready.index);
    this.calculator = new Calculator(kb);
    this.completer = new Autocomplete(kb, this.index, SUGGEST_THRESHOLD);
    this.gapFinder = new GapFinder(kb, this.lexicon);
    this.threshold = options.threshold ?? ANSWER_THRESHOLD;
    const extra = { fr: new Set(ready.language.fr), en: new Set(ready.language.en) };
    this.vocabulary = { core: this.lexicon.language.core, extra, shared: (w) => this.index.usesWord(w) };
    useLanguageWords(this.vocabulary);
    this.cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
    this.overviews = new Map(
      kb.vocabulary.entities
        .filter((e) => e.overview)
        .map((e) => [ENTITY_PREFIX + e.id, e.overview as string]),
    );
    this.chooser = new FactChooser({
      kb,
      index: this.index,
      lexicon: this.lexicon,
      gapFinder: this.gapFinder,
      overviews: this.overviews,
      threshold: this.threshold,
    });
    const chooser = this.chooser;
    const topicOfEntry = new Map(kb.topics.flatMap((tp) => tp.entryIds.map((id) => [id, tp.id] as const)));
    this.followUps = new FollowUps({
      index: this.index,
      lexicon: this.lexicon,
      entries: kb.entries.length,
      threshold: this.threshold,
      suggest: SUGGEST_THRESHOLD,
      hitsFor: (reading, limit) => chooser.hitsFor(reading, limit),
      fits: (reading, id) => chooser.fits(reading, id),
      isAbout: (things, id) => chooser.isAbout(things, id),
      hasGap: (reading, fallback = false) => chooser.findGap(reading, fallback) !== undefined,
      topicOf: (id) => topicOfEntry.get(id),
      relatedOf: (id) => this.kb.byId.get(id)?.related ?? [],
      overviewOf: (entity) => this.overviews.get(entity),
      questionsOf: (id) => Object.values(this.kb.byId.get(id)?.questions ?? {}).flat(),
    });
  }

  get size(): number {
    return this.kb.entries.length;
  }

  answer(query: Query): Reply {
    const text = String(query.text ?? '')
      .slice(0, MAX_TEXT)
      .replace(ADDRESSEE, ' ')
      .replace(LIST_MARK, '')
      .trim();
    const context = query.context?.turns?.length ? query.context : undefined;
    // A reply that leaned on the conversation is only right for that conversation: those are not cached.
    if (this.cacheSize === 0 || context) return this.withTurn(this.route(text, query.locale, context), text);
    const key = `${query.locale ?? ''}\u0000${text}`;
    let reply = this.cache.get(key);
    if (reply) {
      this.cache.delete(key);
      this.cache.set(key, reply);
    } else {
      reply = deepFreeze(this.withTurn(this.route(text, query.locale, undefined), text));
      this.cache.set(key, reply);
      if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    }
    return { ...reply, turn: { ...(reply.turn as Turn), at: Date.now() } };
  }

  /** Fills what the caller keeps for the next question of the conversation. */
  private withTurn(reply: Reply & { understood?: Reading }, text: string): Reply {
    const { understood, ...plain } = reply;
    plain.turn = turnOfReading(plain, understood, text);
    return plain;
  }

  private route(
    text: string,
    locale: string | null | undefined,
    context: ConversationContext | undefined,
  ): Reply & { understood?: Reading } {
    const lang = chooseLang(text, locale, this.vocabulary);
    if (text === '' || fold(text) === '') return helpReply(this.kb, lang);
    const command = detectCommand(text);
    if (command === 'help') return helpReply(this.kb, lang);
    if (command === 'topics') return topicsReply(this.kb, lang);
    if (command === 'about') return aboutReply(this.kb, lang);

    if (asksForSecret(text)) return refusalReply(this.kb, lang, []);

    const chart = chartRequest(text);
    if (chart) return this.chartFor(chart.rest, locale, lang);

    const prepared = this.index.prepare(text);
    const talk = this.lexicon.smallTalk(prepared.raw);
    if (talk && (talk.extra === 0 || asksNothing(read(prepared, this.lexicon))))
      return chatReply(talk.id, langFromLocaleOr(locale) ?? talk.lang ?? lang);

    // Model sizes, money spent, dates and percentages are not token amounts: such questions go to the
    // knowledge; the calculator answers usage-cost and training questions (and their follow-ups). Nor is
    // money said of something the sources never cover (a salary, revenue, funding): no budget either.
    const own = read(prepared, this.lexicon);
    if (!notUsageNumbers(prepared.raw, text) && !own.outside.some((t) => !TIME_OUTSIDE.has(t))) {
      const calc = this.calculator.answer(text, lang, context);
      // What the calculator makes of the message without the conversation: read once, when it matters.
      let alone: Reply | undefined | null = null;
      const calcAlone = () => {
        if (alone === null) alone = context ? this.calculator.answer(text, lang, undefined) : calc;
        return alone;
      };
      // After a calculation, a question that asks a fact of its own ("deepseek founding year", "v3
      // cluster size", "deepseek c'est quoi") is no change to the calculation, though it names a model.
      if (calc && !(context && this.followUps.notACalcChange(own) && !calcAlone())) {
        const fact = context ? this.completeOnItsOwn(text, own, lang, calc, context, calcAlone) : undefined;
        return fact ?? this.withCostChart(calc);
      }
    }

    const topic = context ? this.followUps.topic(context.turns) : undefined;
    const resolve = (r: Reading) => this.followUps.resolve(r, topic, context?.turns);
    const reading = resolve(own);
    let reply = this.understoodReply(text, reading, resolve, lang);
    // A new thing the last aspect says nothing of: what the questions before asked ("et broadcom ?"
    // after "c'est un record ?"), or, when nothing ties it to them, its own words ("and the nasdaq?"
    // after V3's training cost). The surest of those answers.
    if (!reply.answered && reading.newThing) {
      const options: (Reply & { understood?: Reading })[] = [];
      for (const earlier of reading.earlier ?? []) {
        const again = this.answerReading(earlier, lang);
        if (again.answered && again.kind === 'fact') options.push({ ...again, understood: earlier });
      }
      const overviews = this.followUps.changesSubject(own, reading);
      const alone = overviews && this.understoodReply(text, own, (r) => r, lang);
      if (alone?.answered && alone.kind === 'fact' && overviews?.includes(alone.entryId ?? ''))
        options.push(alone);
      for (const o of options)
        if (!reply.answered || (o.confidence ?? 0) > (reply.confidence ?? 0)) reply = o;
      // A guess that the subject changed: as sure as an answer about a thing in general.
      if (alone && reply === alone)
        reply = { ...alone, confidence: Math.min(alone.confidence ?? 1, OVERVIEW_CONFIDENCE) };
    }
    // "et sa fenêtre de contexte ?" after V3: of the conversation's thing, not of another (R1's size).
    const mine = reading.within && this.factOf(this.followUps.ofTheThread(reply, reading), reading, lang);
    if (mine) return mine;
    // "pourquoi le 6x ne tient plus ?": the answer of the conversation that gave the figure quoted.
    const quoted = reading.figures && this.factOf(this.followUps.quoted(reply, reading), reading, lang);
    if (quoted) return quoted;
    if (!context || reading === own || reply.understood !== reading) return reply;
    const kindred = this.factOf(this.followUps.sameKind(reply, reading, context.turns), reading, lang);
    if (kindred) return kindred;
    const anew = this.followUps.askedAnew(reply, own, reading, context.turns, topic?.seen ?? []);
    const entry = anew && this.kb.byId.get(anew.best.id);
    if (!anew || !entry) {
      // "and r1?" after V3's chips: the entry just given again says nothing of what is now asked about.
      const missed = this.followUps.repeatsWithout(reply, own, context.turns, topic?.seen ?? []);
      if (!missed) return reply;
      return {
        ...specificRefusal(this.kb, lang, this.lexicon.entityName(missed) ?? missed, []),
        understood: reading,
      };
    }
    return {
      ...decorateFact(this.kb, factReply(this.kb, entry, lang, anew.ranked, round3(anew.confidence))),
      understood: reading,
    };
  }

  /**
   * A question complete on its own is answered on its own: after a calculation, when the conversation
   * made a calculation of a message that alone is none but a confident fact ("deepseek founding year"
   * after "10M output tokens on r1"), the fact wins. That fact is the message's own reading answered, as
   * `route` answers it without a conversation (no second pass over the message); undefined when the
   * calculation stands.
   */
  private completeOnItsOwn(
    text: string,
    own: Reading,
    lang: Lang,
    calc: Reply,
    context: ConversationContext,
    calcAlone: () => Reply | undefined,
  ): (Reply & { understood?: Reading }) | undefined {
    if (calc.kind !== 'cost' && calc.kind !== 'training') return undefined;
    const last = context.turns.findLast(
      (t) => t.answered && (t.kind === 'fact' || t.kind === 'cost' || t.kind === 'training'),
    );
    if (last?.kind !== 'cost' && last?.kind !== 'training') return undefined;
    // Alone, it is a calculation too: the calculation stands.
    if (calcAlone()) return undefined;
    const fact = this.understoodReply(text, own, (r) => r, lang);
    const sure =
      fact.kind === 'fact' && fact.answered && (fact.confidence ?? 0) >= STANDALONE_FACT_CONFIDENCE;
    return sure ? fact : undefined;
  }

  /** The fact reply of one hit a follow-up rule chose, if the hit names an entry. */
  private factOf(
    hit: SearchHit | undefined,
    reading: Reading,
    lang: Lang,
  ): (Reply & { understood: Reading }) | undefined {
    const entry = hit && this.kb.byId.get(hit.id);
    if (!hit || !entry) return undefined;
    return {
      ...decorateFact(this.kb, factReply(this.kb, entry, lang, [hit], confidenceOf(hit))),
      understood: reading,
    };
  }

  /** Answers a question once its entities and aspects are read: one part, or several. */
  private understoodReply(
    text: string,
    reading: Reading,
    resolve: (r: Reading) => Reading,
    lang: Lang,
  ): Reply & { understood?: Reading } {
    const pieces = splitParts(text);
    if (pieces.length > 1) {
      const parts: Reading[] = [];
      for (const piece of pieces) {
        const r = read(this.index.prepare(piece), this.lexicon);
        const prev = parts[parts.length - 1];
        if (!prev) parts.push(resolve(r));
        else if (asksSomething(r) && asksSomething(prev)) parts.push(inherit(r, prev, this.lexicon));
        // "le nasdaq a perdu combien, et le s&p 500 ?": a part that only names another thing asks of it
        // what the part before asked of its one thing.
        else if (asksSomething(prev) && onlyNames(r, prev) && afterPause(text, piece))
          parts.push(
            withTerms(r, [...prev.q.terms.filter((t) => !isEntityTerm(t)), ...r.entities], this.lexicon),
          );
        // Not a part of its own ("R1 and o1 compared"): it belongs to the part before.
        else
          parts[parts.length - 1] = resolve(
            read(this.index.prepare(`${prev.q.raw.join(' ')} ${piece}`), this.lexicon),
          );
      }
      if (parts.length > 1) {
        const answers = parts.map((p) => this.answerReading(p, lang));
        const facts = answers.filter((a) => a.kind === 'fact' && a.answered);
        const distinct = facts.filter((f, i) => facts.findIndex((g) => g.entryId === f.entryId) === i);
        const understood = parts[0] as Reading;
        if (distinct.length > 1)
          return { ...compoundReply(distinct, lang, facts.length < answers.length), understood };
        // One part answered, another not: the reply says so, and is as sure as a compound one.
        if (distinct.length === 1 && facts.length < answers.length)
          return { ...compoundReply(distinct, lang, true), understood };
        if (distinct.length === 1) return { ...(distinct[0] as Reply), understood };
      }
    }
    // "nvidia fell 17% on 27 january: how much value was lost?": what is said before the colon is the
    // setting, the question after it is what is asked (about the setting's things).
    const asked = askedAfterColon(text);
    if (asked && !reading.inherited) {
      const setting = read(this.index.prepare(asked.setting), this.lexicon);
      const question = inherit(read(this.index.prepare(asked.question), this.lexicon), setting, this.lexicon);
      if (asksSomething(question) && question.entities.length > 0) {
        const reply = this.answerReading(question, lang);
        if (reply.answered && reply.kind === 'fact') return { ...reply, understood: question };
      }
    }
    const whole = this.answerReading(reading, lang);
    if (whole.answered || whole.kind !== 'none') return { ...whole, understood: reading };
    // Several sentences ("Who owns DeepSeek? How a Chinese AI disrupted global stocks"): when the whole
    // matches nothing, each sentence is read on its own, and the first one answered is the answer.
    // Something the sources never cover, said in any sentence, is what the message is about.
    const outside = reading.outside.some((t) => t !== FALLBACK_OUTSIDE);
    const sentences = outside ? [] : splitSentences(text);
    if (sentences.length > 1) {
      for (const sentence of sentences) {
        const r = resolve(read(this.index.prepare(sentence), this.lexicon));
        const reply = this.answerReading(r, lang);
        if (reply.answered && reply.kind === 'fact') return { ...reply, understood: r };
      }
    }
    return { ...whole, understood: reading };
  }

  private answerReading(reading: Reading, lang: Lang): Reply {
    return this.chooser.answer(reading, lang);
  }

  answerEntry(id: string, lang: Lang): Reply {
    const kind = chartKindOf(id);
    if (kind) return chartReply(this.kb, kind, lang);
    const entry = this.kb.byId.get(id);
    if (!entry) return refusalReply(this.kb, lang, []);
    const reply = decorateFact(this.kb, factReply(this.kb, entry, lang, [{ id, score: 1 }], 1));
    // The turn a caller keeps after a button: the entry's own question, read like any other.
    const question = entry.questions[lang][0] ?? entry.id;
    return this.withTurn(
      { ...reply, understood: read(this.index.prepare(question), this.lexicon) },
      question,
    );
  }

  /** "chart …": the answer to the rest when it has a chart, else the chart its words name. */
  private chartFor(rest: string, locale: string | null | undefined, lang: Lang): Reply {
    const inner = rest === '' ? undefined : this.route(rest, locale, undefined);
    if (inner?.chart) return inner;
    const kind =
      inner?.kind === 'cost' && inner.answered
        ? 'cost'
        : inner?.kind === 'training'
          ? 'training'
          : chartKindFromWords(rest);
    if (kind) return chartReply(this.kb, kind, inner?.lang ?? lang);
    return inner ?? chartReply(this.kb, 'market', lang);
  }

  /** A cost reply gets its chart when the chart shows exactly what was priced. */
  private withCostChart(reply: Reply): Reply {
    if (reply.kind !== 'cost' || !reply.answered || !reply.turn?.calc) return reply;
    const chart = chartSpecOf(reply.turn.calc);
    if (!chart) return reply;
    const focus = this.kb.models.filter((m) => chart.models.includes(m.id));
    return withChart(reply, costChartFor(this.kb, chart.spec, focus, reply.lang));
  }

  complete(prefix: string, lang: Lang, limit = 25): Choice[] {
    return this.completer.complete(prefix, lang, limit);
  }

  cost(request: CostRequest, lang: Lang): Reply {
    return this.withCostChart(this.calculator.cost(request, lang));
  }

  training(request: TrainingRequest, lang: Lang): Reply {
    return this.calculator.training(request, lang);
  }

  facts(topicId: string | null | undefined, lang: Lang): Reply {
    if (!topicId || topicId.trim() === '') return topicsReply(this.kb, lang);
    const key = fold(topicId);
    const topic = this.kb.topics.find(
      (tp) => tp.id === topicId || fold(tp.name.en) === key || fold(tp.name.fr) === key || tp.id === key,
    );
    const reply = topic ? topicReply(this.kb, topic.id, lang) : undefined;
    if (reply) return reply;
    const list = topicsReply(this.kb, lang);
    return {
      ...list,
      answered: false,
      body: `${t(lang).facts.unknownTopic(topicId.slice(0, 40))}\n${list.body}`,
    };
  }

  about(lang: Lang): Reply {
    return aboutReply(this.kb, lang);
  }

  help(lang: Lang): Reply {
    return helpReply(this.kb, lang);
  }

  topics(): TopicInfo[] {
    return this.kb.topics.map((tp) => ({ id: tp.id, name: tp.name, entries: tp.entryIds.length }));
  }

  models(): ModelInfo[] {
    return this.kb.models.map((m) => ({ id: m.id, name: m.name }));
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Names nothing of the event and asks nothing: the words around a "thanks" or a "hi". */
function asksNothing(r: Reading): boolean {
  return r.entities.length === 0 && r.domain === 0 && r.questions.length === 0 && r.aspects.length === 0;
}

function langFromLocaleOr(locale: string | null | undefined): Lang | undefined {
  const base = (locale ?? '').trim().toLowerCase().slice(0, 2);
  return base === 'fr' ? 'fr' : base === 'en' ? 'en' : undefined;
}

/**
 * Builds the engine over a validated knowledge base; with `prepared` (prepareEngine of the same base,
 * made in the reload worker) it only wraps what was read there (and uses its `lexicon`, when one of
 * kb.vocabulary comes along: the reload makes it in an earlier turn of the event loop).
 */
export function createEngine(
  kb: KnowledgeBase,
  options: EngineOptions = {},
  prepared?: PreparedEngine & { lexicon?: Lexicon },
): Engine {
  return new KnowledgeEngine(kb, options, prepared);
}

/** "setting: question?" — a colon followed by a question of its own, else undefined. */
function askedAfterColon(text: string): { setting: string; question: string } | undefined {
  const m = /^(.{3,}?)\s*:\s+(.{3,}\?)\s*$/su.exec(text);
  if (!m || (m[1] as string).includes('?')) return undefined;
  return { setting: m[1] as string, question: m[2] as string };
}

/** The part comes after a comma or a question mark ("…combien, et le s&p 500 ?"), not inside a clause. */
function afterPause(text: string, piece: string): boolean {
  const at = text.lastIndexOf(piece);
  return at > 0 && /[,?;]\s*(?:(?:and|et|puis)\s+)?$/i.test(text.slice(0, at));
}

/** A part made only of names of the event's things, none of them the one the part before named. */
function onlyNames(part: Reading, before: Reading): boolean {
  return (
    before.entities.length === 1 &&
    part.q.terms.length > 0 &&
    part.q.terms.every(isEntityTerm) &&
    !part.entities.some((e) => before.entities.includes(e))
  );
}
