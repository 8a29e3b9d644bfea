import type { ConversationContext, Turn } from '../conversation.js';
import type { CostRequest, TrainingRequest } from '../engine-types.js';
import { t } from '../i18n/index.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { makeReply, type Reply } from '../reply.js';
import { type AmountError, findAmounts, MAX_TOKENS } from './amount.js';
import { costAnswer, multiplierOf, shortName, tokensOf } from './answer.js';
import { amountErrorReply, type CostSpec } from './calculator.js';
import { ModelMatcher, namesUnknownModel } from './models.js';
import { type Parsed, parseQuestion } from './parse.js';
import { mul, round } from './rational.js';
import type { Calc, CostCalc, Size, TrainingCalc } from './request.js';
import { simplify, spellNumbers } from './text.js';
import { trainingAnswer, trainingCalcOf } from './training.js';

export type { Calc, CostCalc, TrainingCalc } from './request.js';
export { notUsageNumbers } from './usage.js';

/**
 * The plain token spec a cost chart can show, when it shows exactly what was priced: January 2025
 * prices, no cache hit, tokens in one direction or an input/output split (multipliers and text sizes
 * already applied). Undefined for budgets, cache hits and later price periods.
 */
export function chartSpecOf(raw: Record<string, unknown>): { spec: CostSpec; models: string[] } | undefined {
  const calc = raw as unknown as CostCalc;
  if (calc.type !== 'cost' || calc.budget || calc.pricesOnly || (calc.cached ?? 0) > 0 || calc.cachedTokens)
    return undefined;
  if (calc.period?.kind !== 'default') return undefined;
  const mult = multiplierOf(calc);
  const total = (size: Size | undefined) => {
    const tokens = tokensOf(size);
    return tokens ? round(mul(tokens, mult)) : undefined;
  };
  const input = total(calc.input);
  const output = total(calc.output);
  const unsaid = total(calc.unsaid);
  const models = calc.models ?? [];
  if (unsaid !== undefined && input === undefined && output === undefined)
    return { spec: { kind: 'single', tokens: unsaid, direction: null }, models };
  if (unsaid !== undefined) return undefined;
  if (input !== undefined && output !== undefined) {
    if (JSON.stringify(calc.input) === JSON.stringify(calc.output))
      return { spec: { kind: 'single', tokens: input, direction: 'both' }, models };
    return { spec: { kind: 'split', input, output }, models };
  }
  if (input !== undefined) return { spec: { kind: 'single', tokens: input, direction: 'input' }, models };
  if (output !== undefined) return { spec: { kind: 'single', tokens: output, direction: 'output' }, models };
  return undefined;
}

/** Pseudo entry ids that 👍/👎 on calculator replies carry (reserved: no knowledge entry may use them). */
export const CALC_VOTE_IDS = { cost: 'calc-cost', training: 'calc-training' } as const;

/** The vote id of a reply: its knowledge entry, or the calculator's pseudo id; undefined when not votable. */
export function voteIdOf(reply: { kind: string; answered: boolean; entryId?: string }): string | undefined {
  if (!reply.answered) return undefined;
  if (reply.kind === 'fact') return reply.entryId;
  if (reply.kind === 'cost') return CALC_VOTE_IDS.cost;
  if (reply.kind === 'training') return CALC_VOTE_IDS.training;
  return undefined;
}

export function isCalcVoteId(id: string): boolean {
  return id === CALC_VOTE_IDS.cost || id === CALC_VOTE_IDS.training;
}

const FOLLOW_UP =
  /^\s*(?:and|et|what about|how about|same|idem|meme chose|pareil|now|then|ok|okay|so|alors|with|without|avec|sans|if|si|only|just|seulement|uniquement|pour|for|on|sur|in|en|but|mais|plutot|rather|instead|what if|et si|\+)\b/;
/** A question about something else ("who founded DeepSeek?") is never a follow-up of a calculation. */
const FACT_QUESTION =
  /\b(who|when|why|where|which|what is|what was|qui|quand|pourquoi|ou est|quel\w*|founded|fonde\w*|license|licence|released?|sorti\w*)\b/;
const ONLY = /\b(only|just|seulement|uniquement|que)\b/;

/**
 * The calculation the conversation is on: the last turn when it was one, looking past turns that
 * answered nothing (an off-topic question, small talk) but never past an answered fact.
 */
function lastCalc(context: ConversationContext | null | undefined): Calc | undefined {
  const turns: Turn[] = context?.turns ?? [];
  for (let i = turns.length - 1; i >= 0 && i >= turns.length - 4; i--) {
    const turn = turns[i] as Turn;
    if ((turn.kind === 'cost' || turn.kind === 'training') && turn.calc) {
      const calc = turn.calc as unknown as Calc;
      return calc.type === 'cost' || calc.type === 'training' ? calc : undefined;
    }
    if (turn.answered && turn.kind === 'fact') return undefined;
  }
  return undefined;
}

function sizeOfCalc(c: CostCalc): Size | undefined {
  return c.unsaid ?? c.input ?? c.output;
}

/** Re-runs the previous cost calculation with what the follow-up changes. */
function mergeCost(prev: CostCalc, p: Parsed, s: string): CostCalc {
  const d = p.draft;
  const out: CostCalc = JSON.parse(JSON.stringify(prev)) as CostCalc;
  if (p.said.models) {
    out.models = p.said.also ? [...new Set([...prev.models, ...d.models])] : d.models;
    out.unknown = p.said.also ? [...new Set([...prev.unknown, ...d.unknown])] : d.unknown;
  }
  const newSize = d.input || d.output || d.unsaid;
  if (newSize) {
    const single =
      [prev.input, prev.output, prev.unsaid].filter(Boolean).length === 1 || prev.input === prev.output;
    if (d.unsaid && !d.input && !d.output && single && !p.said.direction) {
      if (prev.input) out.input = d.unsaid;
      if (prev.output) out.output = d.unsaid;
      if (prev.unsaid) out.unsaid = d.unsaid;
      if (prev.input && prev.output && JSON.stringify(prev.input) === JSON.stringify(prev.output)) {
        out.input = d.unsaid;
        out.output = d.unsaid;
      }
    } else {
      delete out.input;
      delete out.output;
      delete out.unsaid;
      if (d.input) out.input = d.input;
      if (d.output) out.output = d.output;
      if (d.unsaid) out.unsaid = d.unsaid;
    }
    delete out.budget;
    delete out.reverseDirection;
  } else if (p.said.direction && (p.said.cached === undefined || ONLY.test(s))) {
    // "en entrée seulement ?", "and as output?": the same amount, priced one way.
    const size = sizeOfCalc(prev);
    const dir = p.said.direction;
    if (prev.budget) {
      if (dir !== 'both') out.reverseDirection = dir;
      else delete out.reverseDirection;
    } else if (size) {
      const keepIn =
        prev.input &&
        prev.output &&
        !prev.unsaid &&
        JSON.stringify(prev.input) !== JSON.stringify(prev.output);
      delete out.unsaid;
      if (keepIn) {
        if (dir === 'input') delete out.output;
        if (dir === 'output') delete out.input;
      } else {
        delete out.input;
        delete out.output;
        if (dir === 'input' || dir === 'both') out.input = size;
        if (dir === 'output' || dir === 'both') out.output = size;
      }
    }
  }
  if (p.said.cached !== undefined) {
    if (p.said.cached > 0) {
      out.cached = p.said.cached;
      // A cache hit is an input price: an amount without a direction becomes input.
      if (out.unsaid && !out.input && !out.output) {
        out.input = out.unsaid;
        delete out.unsaid;
      } else if (out.output && !out.input && p.said.direction === 'input') {
        // "and if the input is cached?" after an output amount: the same amount, read from the cache.
        out.input = out.output;
        delete out.output;
      }
    } else delete out.cached;
  }
  if (p.said.period) out.period = d.period;
  if (p.said.times) out.times = d.times ?? [];
  if (d.span) out.span = d.span;
  const budget =
    d.budget ?? (p.money && (prev.budget || /\b(?:for|with|pour|avec)\b/.test(s)) ? p.money : undefined);
  if (budget) {
    out.budget = budget;
    if (!newSize) {
      delete out.input;
      delete out.output;
      delete out.unsaid;
      delete out.times;
      delete out.span;
    }
  }
  if (d.currency) out.currency = d.currency;
  return out;
}

function mergeTraining(prev: TrainingCalc, p: Parsed): TrainingCalc {
  const d = p.draftTraining;
  const out: TrainingCalc = { ...prev };
  if (d.gpus) out.gpus = d.gpus;
  if (d.price) out.price = d.price;
  if (d.duration) {
    out.duration = d.duration;
    delete out.gpuHours;
  }
  if (d.gpuHours) {
    out.gpuHours = d.gpuHours;
    delete out.duration;
  }
  if (d.budget) out.budget = d.budget;
  if (d.currency) out.currency = d.currency;
  return out;
}

function changesSomething(p: Parsed): boolean {
  const s = p.said;
  const d = p.draftTraining;
  return (
    s.amount ||
    s.models ||
    s.direction !== undefined ||
    s.cached !== undefined ||
    s.period ||
    s.times ||
    s.budget ||
    Boolean(d.gpus || d.price || d.duration || d.gpuHours)
  );
}

/** The calculator: understands cost and training questions, follow-ups included, and prices them exactly. */
export class Calculator {
  private readonly matcher: ModelMatcher;

  constructor(private readonly kb: KnowledgeBase) {
    this.matcher = new ModelMatcher(kb.models);
  }

  /** A calculation reply for a free-text question, or undefined when it is not one ("not cost"). */
  answer(text: string, lang: Lang, context?: ConversationContext | null): Reply | undefined {
    const s = simplify(spellNumbers(text));
    const prev = lastCalc(context);
    // Without a digit, a question can only be a follow-up or a price asked for a model without one.
    if (!prev && !/\d/.test(s) && !namesUnknownModel(s)) {
      const bad = badAmount(text, s, this.matcher.find(text).length > 0);
      return bad ? amountErrorReply(bad.error, bad.text, lang) : undefined;
    }
    const models = this.matcher.find(text).map((m) => m.id);
    const parsed = parseQuestion({ text, lang, models, followUp: prev !== undefined });
    if (prev && changesSomething(parsed)) {
      const short = s.split(/\s+/).filter(Boolean).length <= 4 && !FACT_QUESTION.test(s);
      const marked = FOLLOW_UP.test(s) || short;
      if (prev.type === 'cost' && marked && !parsed.training) {
        const selfContained = !FOLLOW_UP.test(s) && Boolean(parsed.cost) && parsed.said.models;
        if (!selfContained) return this.run(mergeCost(prev, parsed, s), text, lang);
      }
      const d = parsed.draftTraining;
      if (prev.type === 'training' && marked && (d.gpus || d.price || d.duration || d.gpuHours || d.budget)) {
        const t = parsed.training;
        const selfContained = !FOLLOW_UP.test(s) && t && t.gpus && (t.duration || t.gpuHours);
        if (!selfContained) return this.run(mergeTraining(prev, parsed), text, lang);
      }
    }
    if (parsed.training) return this.run(parsed.training, text, lang);
    if (parsed.cost) return this.run(parsed.cost, text, lang);
    // A price question on a model without a price: say so rather than search.
    if (parsed.draft.unknown.length > 0 && models.length === 0 && parsed.looksCost) {
      return this.run({ ...parsed.draft }, text, lang);
    }
    const bad = badAmount(text, s, models.length > 0 || parsed.draft.unknown.length > 0);
    return bad ? amountErrorReply(bad.error, bad.text, lang) : undefined;
  }

  /** Discord /cost: an amount field (any wording the free text accepts), a model and a direction. */
  cost(request: CostRequest, lang: Lang): Reply {
    const raw = String(request.tokens ?? '').slice(0, 200);
    const modelText = String(request.model ?? '').trim();
    let models: string[] = [];
    if (modelText !== '') {
      const model = this.matcher.resolve(modelText) ?? this.matcher.find(modelText)[0];
      if (!model) {
        const known = this.kb.models.map(shortName).join(', ');
        return makeReply({
          kind: 'cost',
          lang,
          title: t(lang).cost.usageTitle,
          body: t(lang).cost.noPrice(modelText.slice(0, 40), known),
        });
      }
      models = [model.id];
    }
    const found = this.matcher.find(raw).map((m) => m.id);
    const parsed = parseQuestion({
      text: raw,
      lang,
      models: models.length > 0 ? models : found,
      field: true,
    });
    const calc = parsed.cost;
    if (!calc || !(calc.input || calc.output || calc.unsaid)) {
      return amountErrorReply(amountError(raw), raw, lang);
    }
    const dir = request.direction;
    if (dir && calc.unsaid) {
      if (dir === 'input' || dir === 'both') calc.input = calc.unsaid;
      if (dir === 'output' || dir === 'both') calc.output = calc.unsaid;
      delete calc.unsaid;
    }
    return this.run(calc, raw, lang);
  }

  training(request: TrainingRequest, lang: Lang): Reply {
    return this.run(trainingCalcOf(request), '', lang);
  }

  /** Prices a calculation; the reply carries it in `turn.calc` for the next question. */
  run(calc: Calc, text: string, lang: Lang): Reply {
    let reply: Reply;
    if (calc.type === 'training') reply = trainingAnswer(this.kb.training, calc, lang);
    else {
      const problem = sizeProblem(calc);
      reply = problem ? amountErrorReply(problem, text, lang) : costAnswer(this.kb, calc, lang);
    }
    const turn: Turn = {
      text,
      lang,
      kind: reply.kind,
      answered: reply.answered,
      calc: JSON.parse(JSON.stringify(calc)) as Record<string, unknown>,
      at: Date.now(),
    };
    return { ...reply, turn };
  }
}

function sizeProblem(calc: CostCalc): AmountError | undefined {
  for (const size of [calc.input, calc.output, calc.unsaid]) {
    if (!size) continue;
    const tokens = tokensOf(size);
    if (!tokens) return 'unreadable';
    if (tokens.n === 0n) return 'zero';
    if (tokens.n > MAX_TOKENS * tokens.d) return 'too-large';
  }
  return undefined;
}

function amountError(raw: string): AmountError {
  const s = raw.trim();
  if (/^[-\u2212]\s*\d/.test(s)) return 'negative';
  if (/^0+(?:[.,]0+)?\s*\p{L}*$/u.test(s)) return 'zero';
  if (/\d/.test(s) && /e\s*\+?\d{2,}/i.test(s)) return 'too-large';
  return 'unreadable';
}

const BAD_AMOUNT =
  /\b(nan|infinity|infinite|infini|inf|undefined|null|lots|loads|plein|beaucoup|some)\s+(?:of\s+|de\s+|d'\s*)?(tokens?|jetons?)\b/;
const PRICE_WORDS = /\b(cost|costs|price|prix|how much|combien|couts?|coute\w*|pay|payer|tarifs?)\b|\$/;

/** A token amount that cannot be priced ("-5 tokens", "lots of tokens", "1e99 tokens") in a cost question. */
function badAmount(
  text: string,
  s: string,
  mentionsModel: boolean,
): { error: AmountError; text: string } | undefined {
  if (!PRICE_WORDS.test(s) && !mentionsModel) return undefined;
  const words = BAD_AMOUNT.exec(s);
  if (words) return { error: 'unreadable', text: words[0] };
  const failed = findAmounts(text).find((a) => a.explicit && !a.result.ok && /tokens?|jetons?/i.test(a.text));
  if (failed && !failed.result.ok) return { error: failed.result.error, text: failed.text };
  return undefined;
}
