import Fuse from 'fuse.js';
import {
  chartKindFromWords,
  chartKindOf,
  chartReply,
  chartRequest,
  costChartFor,
  decorateFact,
  withChart,
} from './charts/attach.js';
import { findAmounts, parseAmount } from './cost/amount.js';
import { amountErrorReply, type CostSpec, costReply } from './cost/calculator.js';
import { ModelMatcher } from './cost/models.js';
import { trainingReply } from './cost/training.js';
import type {
  Choice,
  CostRequest,
  Engine,
  ModelInfo,
  Query,
  TopicInfo,
  TrainingRequest,
} from './engine-types.js';
import { t } from './i18n/index.js';
import { asksForSecret, detectCommand, detectCost, detectTraining } from './intents.js';
import type { KnowledgeBase, ModelPrice } from './knowledge/types.js';
import { chooseLang, type Lang, type LangVocabulary } from './lang.js';
import { fold, words } from './normalize.js';
import {
  aboutReply,
  factReply,
  helpReply,
  questionLink,
  refusalReply,
  topicReply,
  topicsReply,
} from './replies.js';
import { makeReply, type Reply } from './reply.js';
import { SearchIndex, type SearchOptions } from './search.js';

/** At or above this score the engine answers. */
export const ANSWER_THRESHOLD = 0.42;
/** Between this and the threshold, it answers only a clear winner: DISTINCT_RATIO × the runner-up's score. */
export const DISTINCT_THRESHOLD = 0.28;
export const DISTINCT_RATIO = 1.6;
/** …and only when it covers at least this share of what the question asks. */
export const DISTINCT_COVERAGE = 0.6;
/** Candidates above this (and below the threshold) are offered as "did you mean". */
export const SUGGEST_THRESHOLD = 0.25;
/** Longest text the engine reads; the pipeline rejects longer questions before this. */
const MAX_TEXT = 2000;

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
  private readonly matcher: ModelMatcher;
  private readonly completions: Record<Lang, Fuse<{ q: string; folded: string; id: string }>>;
  private readonly threshold: number;
  private readonly vocabulary: LangVocabulary;
  /** Least-recently-used answers: the engine is pure, so a repeated question gets the same reply. */
  private readonly cache = new Map<string, Reply>();
  private readonly cacheSize: number;

  constructor(
    private readonly kb: KnowledgeBase,
    options: EngineOptions = {},
  ) {
    this.index = new SearchIndex(kb.entries, options);
    this.matcher = new ModelMatcher(kb.models);
    this.threshold = options.threshold ?? ANSWER_THRESHOLD;
    const fuseFor = (lang: Lang) =>
      new Fuse(
        kb.entries.flatMap((e) => e.questions[lang].map((q) => ({ q, folded: fold(q), id: e.id }))),
        { keys: ['folded'], includeScore: true, ignoreLocation: true, threshold: 0.45 },
      );
    this.completions = { en: fuseFor('en'), fr: fuseFor('fr') };
    this.vocabulary = languageVocabulary(kb);
    this.cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  }

  get size(): number {
    return this.kb.entries.length;
  }

  answer(query: Query): Reply {
    const text = String(query.text ?? '')
      .slice(0, MAX_TEXT)
      .trim();
    if (this.cacheSize === 0) return this.route(text, query.locale);
    const key = `${query.locale ?? ''}\u0000${text}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const reply = deepFreeze(this.route(text, query.locale));
    this.cache.set(key, reply);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    return reply;
  }

  private route(text: string, locale: string | null | undefined): Reply {
    const lang = chooseLang(text, locale, this.vocabulary);
    if (text === '' || fold(text) === '') return helpReply(this.kb, lang);
    const command = detectCommand(text);
    if (command === 'help') return helpReply(this.kb, lang);
    if (command === 'topics') return topicsReply(this.kb, lang);
    if (command === 'about') return aboutReply(this.kb, lang);

    if (asksForSecret(text)) return refusalReply(this.kb, lang, []);

    const chart = chartRequest(text);
    if (chart) return this.chartFor(chart.rest, locale, lang);

    const training = detectTraining(text);
    if (training) return trainingReply(this.kb.training, training, lang);

    const models = this.matcher.find(text);
    const cost = detectCost(text, models.length > 0);
    if (cost?.kind === 'error') {
      const r = cost.amount.result;
      return amountErrorReply(r.ok ? 'unreadable' : r.error, cost.amount.text, lang);
    }
    if (cost?.kind === 'spec') return this.costWithChart(cost.spec, models, lang);

    return this.searchReply(text, lang);
  }

  private searchReply(text: string, lang: Lang): Reply {
    const hits = this.index.search(text, 5);
    const best = hits[0];
    const second = hits[1]?.score ?? 0;
    const confident =
      best !== undefined &&
      (best.score >= this.threshold ||
        (!best.mismatch &&
          (best.coverage ?? 0) >= DISTINCT_COVERAGE &&
          best.score >= DISTINCT_THRESHOLD &&
          best.score >= DISTINCT_RATIO * second));
    if (best && confident) {
      const entry = this.kb.byId.get(best.id);
      if (entry) return decorateFact(this.kb, factReply(this.kb, entry, lang, hits, best.score));
    }
    const near = hits.filter((h) => h.score >= SUGGEST_THRESHOLD);
    return refusalReply(this.kb, lang, near);
  }

  answerEntry(id: string, lang: Lang): Reply {
    const kind = chartKindOf(id);
    if (kind) return chartReply(this.kb, kind, lang);
    const entry = this.kb.byId.get(id);
    if (!entry) return refusalReply(this.kb, lang, []);
    return decorateFact(this.kb, factReply(this.kb, entry, lang, [{ id, score: 1 }], 1));
  }

  /** "chart …": the answer to the rest when it has a chart, else the chart its words name. */
  private chartFor(rest: string, locale: string | null | undefined, lang: Lang): Reply {
    const inner = rest === '' ? undefined : this.route(rest, locale);
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

  private costWithChart(spec: CostSpec, models: ModelPrice[], lang: Lang): Reply {
    const reply = costReply(this.kb, spec, models, lang);
    return reply.answered ? withChart(reply, costChartFor(this.kb, spec, models, lang)) : reply;
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
    // The same search as answers first, then close wording of the stored questions.
    for (const hit of this.index.search(text, 5)) {
      if (hit.score < SUGGEST_THRESHOLD) continue;
      const entry = this.kb.byId.get(hit.id);
      if (entry) push(questionLink(entry, lang).question);
    }
    for (const r of this.completions[lang].search(fold(text).slice(0, 64), { limit: max * 2 }))
      push(r.item.q);
    return out;
  }

  cost(request: CostRequest, lang: Lang): Reply {
    const m = t(lang).cost;
    let focus: ModelPrice[] = [];
    if (request.model && request.model.trim() !== '') {
      const model = this.matcher.resolve(request.model) ?? this.matcher.find(request.model)[0];
      if (!model) {
        const names = this.kb.models.map((x) => x.id).join(', ');
        return makeReply({
          kind: 'cost',
          lang,
          title: m.usageTitle,
          body: m.unknownModel(request.model.slice(0, 40), names),
        });
      }
      focus = [model];
    }
    const raw = String(request.tokens ?? '');
    const direction = request.direction ?? null;
    let spec: CostSpec | undefined;
    const whole = parseAmount(raw);
    if (whole.ok) spec = { kind: 'single', tokens: whole.tokens, direction };
    else {
      const found = findAmounts(raw);
      const input = found.find((a) => a.role === 'input' && a.result.ok);
      const output = found.find((a) => a.role === 'output' && a.result.ok);
      if (input?.result.ok && output?.result.ok) {
        spec = { kind: 'split', input: input.result.tokens, output: output.result.tokens };
      } else return amountErrorReply(whole.error, raw, lang);
    }
    return this.costWithChart(spec, focus, lang);
  }

  training(request: TrainingRequest, lang: Lang): Reply {
    return trainingReply(this.kb.training, request, lang);
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

/** Words that occur in one language's questions and answers and never in the other's. */
function languageVocabulary(kb: KnowledgeBase): LangVocabulary {
  const collect = (lang: Lang) =>
    new Set(kb.entries.flatMap((e) => [...e.questions[lang], e.answer[lang]].flatMap((x) => words(x))));
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

/** Builds the engine over a validated knowledge base. */
export function createEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  return new KnowledgeEngine(kb, options);
}
