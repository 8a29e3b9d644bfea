import type { ConversationContext, Turn } from '../conversation.js';
import type { Parsed } from './parse.js';
import type { Calc, CostCalc, Size, TrainingCalc } from './request.js';

/**
 * Calculator follow-ups: "and on o1?", "et pour 5 millions ?", "and at $3/h?" re-run the calculation
 * the conversation is on with what the new question changes.
 */

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
export function lastCalc(context: ConversationContext | null | undefined): Calc | undefined {
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

/** Whether the question changes any part of a calculation (an amount, models, direction, cache, period…). */
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

/**
 * The previous calculation changed by a follow-up, or undefined when the question is no follow-up of
 * it (it changes nothing, is marked as a new question, or says everything a calculation needs itself).
 */
export function followUpCalc(prev: Calc, parsed: Parsed, s: string): Calc | undefined {
  if (!changesSomething(parsed)) return undefined;
  const short = s.split(/\s+/).filter(Boolean).length <= 4 && !FACT_QUESTION.test(s);
  const marked = FOLLOW_UP.test(s) || short;
  if (prev.type === 'cost' && marked && !parsed.training) {
    const selfContained = !FOLLOW_UP.test(s) && Boolean(parsed.cost) && parsed.said.models;
    if (!selfContained) return mergeCost(prev, parsed, s);
  }
  const d = parsed.draftTraining;
  if (prev.type === 'training' && marked && (d.gpus || d.price || d.duration || d.gpuHours || d.budget)) {
    const t = parsed.training;
    const selfContained = !FOLLOW_UP.test(s) && t && t.gpus && (t.duration || t.gpuHours);
    if (!selfContained) return mergeTraining(prev, parsed);
  }
  return undefined;
}
