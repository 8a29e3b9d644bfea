import type { Num } from './numbers.js';
import type { TimeUnit, TrainingCalc } from './request.js';
import { TIME } from './time-words.js';
import { REVERSE, TOKEN_WORD } from './words.js';

/** Reads a question as a training-cost calculation (GPUs, GPU-hours, a price per GPU-hour, a duration). */

const TRAIN_WORDS =
  /\b(train|trains|training|trained|entrain\w*|pretrain\w*|pre-train\w*|run|cluster|grappe|rent\w*|lou\w*|location|gpu[\s-]?hours?|heures?[\s-]gpu)\b/;
/** "for a week", "pendant un mois": a duration of one unit, written without a number. */
const ONE_SPAN =
  /\b(?:for|during|over|in|pendant|durant|sur|en)\s+(?:a|an|one|un|une)\s+(hour|day|week|month|year|heure|jour|semaine|mois|an|annee)\b/;
const HOW_LONG =
  /\b(how long|how many (?:days|hours|weeks|months)|combien de temps|combien de (?:jours|semaines|mois|heures)|prendrait combien|would it take|would take|durerait|faudrait-il|duree)\b/;
const HYPOTHETICAL =
  /\b(would|could|if|with|at|using|suppose|assuming|hypothetical\w*|imagine|what if|calculate|compute|estimate|si|avec|en supposant|imaginons|calcul\w*|estim\w*|couterait|couteraient|coutera|cost me|how much for)\b/;
const PAST =
  /\b(did|was|were|has it|have they|a coute|ont coute|a-t-il coute|avait coute|spent|depense|paid|paye)\b/;

/** A training calculation the question asks for, or undefined when it asks none (or asks about tokens). */
export function parseTraining(
  s: string,
  nums: Num[],
  costWords: boolean,
  /** A model with a price is named (a token-cost question, unless training words say otherwise). */
  named: boolean,
): TrainingCalc | undefined {
  const gpus = nums.find((n) => n.kind === 'gpus');
  const gpuHours = nums.find((n) => n.kind === 'gpuHours');
  const rate = nums.find((n) => n.kind === 'rate' && n.what !== 'perM');
  const oneSpan = ONE_SPAN.exec(s);
  const timeNum: Num | undefined =
    nums.find((n) => n.kind === 'time') ??
    (oneSpan?.[1]
      ? {
          kind: 'time',
          value: '1',
          unit: false,
          index: oneSpan.index,
          end: oneSpan.index,
          what: TIME[oneSpan[1]],
        }
      : undefined);
  const money = nums.filter((n) => n.kind === 'money');
  const tokensAsked = nums.some((n) => n.kind === 'tokens') || (TOKEN_WORD.test(s) && !TRAIN_WORDS.test(s));
  if (tokensAsked) return undefined;
  const trainWords = TRAIN_WORDS.test(s) || /\b(v3)\b/.test(s);
  const gpuWords =
    /\b(gpus?|h800s?|h100s?|a100s?|h200s?|b200s?|puces|chips?|gpu[\s-]?hours?|heures?[\s-]gpu)\b/.test(s);
  // "at $2" next to GPUs or a duration is a price per GPU-hour.
  const atPrice = money.find((n) => n.at);
  const price = rate ?? ((gpus || timeNum || gpuHours || trainWords) && atPrice ? atPrice : undefined);
  const budget = money.find((n) => n !== price);
  const factors = [gpus, gpuHours, price, timeNum].filter(Boolean).length;
  if (factors === 0 && !(budget && (trainWords || gpuWords))) return undefined;
  if (!trainWords && !gpuWords && !rate) return undefined;
  if (named && !trainWords && !gpuWords) return undefined;
  const reverse = budget !== undefined && REVERSE.test(s);
  // "if V3 were trained on 4096 GPUs, how long would it take?": the duration for the report's GPU-hours.
  const askDuration = Boolean(gpus) && !timeNum && !budget && HOW_LONG.test(s);
  const calcy =
    askDuration ||
    Boolean(rate) ||
    reverse ||
    (HYPOTHETICAL.test(s) && (costWords || Boolean(budget))) ||
    (costWords && !PAST.test(s) && Boolean(gpus || timeNum || gpuHours || oneSpan));
  if (!calcy) return undefined;
  // "what's the price of one h800?" asks what a chip costs: GPUs alone, with nothing to run for, train
  // or pay by the hour, are no training run.
  if (gpus && !gpuHours && !timeNum && !rate && !budget && !trainWords && !askDuration) return undefined;
  // A question about what V3 did ("did it cost $6M on 2048 GPUs?") is a fact, not a calculation.
  if (PAST.test(s) && !rate && !reverse && !HYPOTHETICAL.test(s.replace(PAST, ''))) return undefined;
  if (budget && !reverse && !price && factors === 0) return undefined;
  const calc: TrainingCalc = { type: 'training' };
  if (gpus) calc.gpus = gpus.value;
  if (gpuHours) calc.gpuHours = gpuHours.value;
  if (price) calc.price = price.value;
  if (timeNum && !gpuHours)
    calc.duration = { count: timeNum.value, unit: (timeNum.what as TimeUnit) ?? 'hour' };
  if (budget && reverse) calc.budget = budget.value;
  else if (budget && !price) calc.price = budget.value;
  if (askDuration) calc.solve = 'duration';
  return calc;
}

/** The training numbers of a question, whatever it asks (for follow-ups: "and at $3/h?"). */
export function trainingFactors(nums: Num[], s: string): TrainingCalc {
  const calc: TrainingCalc = { type: 'training' };
  const gpus = nums.find((n) => n.kind === 'gpus');
  const gpuHours = nums.find((n) => n.kind === 'gpuHours');
  const rate = nums.find((n) => n.kind === 'rate' && n.what !== 'perM');
  const time = nums.find((n) => n.kind === 'time');
  const money = nums.filter((n) => n.kind === 'money');
  const at = money.find((n) => n.at);
  if (gpus) calc.gpus = gpus.value;
  if (gpuHours) calc.gpuHours = gpuHours.value;
  if (rate ?? at) calc.price = (rate ?? at)?.value;
  if (time && !/\b(?:per|par|a|each|chaque)\s+(?:day|jour|month|mois|week|semaine)\b/.test(s))
    calc.duration = { count: time.value, unit: (time.what as TimeUnit) ?? 'hour' };
  const budget = money.find((n) => n !== (rate ?? at));
  if (budget) calc.budget = budget.value;
  return calc;
}
