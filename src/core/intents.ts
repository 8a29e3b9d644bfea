import { type FoundAmount, findAmounts, readNumber } from './cost/amount.js';
import type { CostSpec } from './cost/calculator.js';
import type { TrainingInput } from './cost/training.js';
import { fold } from './normalize.js';

/** Recognizes what a free-text question asks for before the knowledge search: commands and calculations. */

export type Command = 'help' | 'topics' | 'about';

const SECRETS =
  /\b(passwords?|passwd|mot de passe|mots de passe|mdp|credentials?|identifiants?|api[ -]?keys?|cles? (?:d )?api|secret|secrets|private key|cle privee|(?:bot|discord|slack|access|auth) token|token (?:du|de|of the) (?:bot|discord|slack)|ssh|login|logins)\b/;

/** Questions after passwords, keys or tokens of any kind: always refused, never matched to a fact. */
export function asksForSecret(text: string): boolean {
  return SECRETS.test(fold(text));
}

const COMMANDS: Record<string, Command> = {
  help: 'help',
  aide: 'help',
  '?': 'help',
  'help me': 'help',
  'aide moi': 'help',
  commands: 'help',
  commandes: 'help',
  topics: 'topics',
  topic: 'topics',
  sujets: 'topics',
  sujet: 'topics',
  themes: 'topics',
  'list topics': 'topics',
  'liste des sujets': 'topics',
  facts: 'topics',
  faits: 'topics',
  about: 'about',
  'a propos': 'about',
  apropos: 'about',
  sources: 'about',
};

export function detectCommand(text: string): Command | undefined {
  const key = text.trim() === '?' ? '?' : fold(text).replace(/^\/+/, '');
  return COMMANDS[key];
}

const COST_WORDS =
  /\b(cost|costs|costing|price|prices|priced|pricing|how much|combien|pay|payer|paie|bill|billed|spend|cher|chere|dollars?|usd|tarifs?|prix|couts?|coute|coutent|couter|couterait|coûterait|facture|budget|calcul|calculate|calcule|estimate|estime)\b|\$/i;
const TOKEN_WORDS = /\b(tokens?|jetons?|toks?)\b/i;
const BAD_AMOUNT =
  /\b(nan|infinity|infinite|infini|inf|undefined|null|lots|loads|plein|beaucoup|some)\s+(?:of\s+|de\s+|d['’]\s*)?(tokens?|jetons?)\b/i;

export type CostIntent =
  | { kind: 'spec'; spec: CostSpec }
  | { kind: 'error'; amount: FoundAmount | { text: string; result: { ok: false; error: 'unreadable' } } };

/** A token-cost question: an amount of tokens together with a price word or a model name. */
export function detectCost(text: string, mentionsModel: boolean): CostIntent | undefined {
  const folded = fold(text);
  const costWords = COST_WORDS.test(folded) || COST_WORDS.test(text);
  const bad = BAD_AMOUNT.exec(text);
  if (bad && (costWords || mentionsModel)) {
    return { kind: 'error', amount: { text: bad[0], result: { ok: false, error: 'unreadable' } } };
  }
  const hasTokensWord = TOKEN_WORDS.test(text);
  // A bare number counts only beside a price word and a model, and never when it reads as a year.
  const amounts = findAmounts(text).filter(
    (a) =>
      a.explicit ||
      (mentionsModel &&
        costWords &&
        !/^(19|20)\d\d$/.test(a.text) &&
        (!a.result.ok || a.result.tokens >= 1000n)),
  );
  if (amounts.length === 0) return undefined;
  // "6 millions" alone is a figure, not a token amount: tokens or a model name must be in the question.
  if (!hasTokensWord && !mentionsModel) return undefined;
  if (!costWords && !mentionsModel && folded.split(' ').length > 4) return undefined;
  const failed = amounts.find((a) => !a.result.ok);
  if (failed) return { kind: 'error', amount: failed };
  const ok = amounts.filter((a): a is FoundAmount & { result: { ok: true; tokens: bigint } } => a.result.ok);
  const input = ok.find((a) => a.role === 'input');
  const output = ok.find((a) => a.role === 'output');
  if (input && output)
    return {
      kind: 'spec',
      spec: { kind: 'split', input: input.result.tokens, output: output.result.tokens },
    };
  const first = ok[0];
  if (!first) return undefined;
  const direction =
    first.role ??
    (/\b(input|inputs|entree|entrees|prompt)\b/.test(folded)
      ? 'input'
      : /\b(output|outputs|sortie|sorties|completion)\b/.test(folded)
        ? 'output'
        : null);
  return { kind: 'spec', spec: { kind: 'single', tokens: first.result.tokens, direction } };
}

const TRAIN_WORDS =
  /\b(train|trains|training|trained|entrain\w*|pretrain\w*|run|cluster|grappe|cost|coute\w*|cout\w*|price|prix|how much|combien|estimate|estim\w*|calcul\w*)\b/;
const NUM = String.raw`(\d[\d  ,.]*(?:e\d+)?)\s*(k|m|million|millions|mille|thousand)?`;
const GPUS = new RegExp(
  String.raw`${NUM}\s*(?:x\s*)?(?:nvidia\s+)?(?:gpus?|h800s?|h100s?|a100s?|puces|chips?|cartes|cards)\b`,
  'i',
);
const GPU_HOURS = new RegExp(
  String.raw`${NUM}\s*(?:de\s+|d['’]\s*)?(?:gpu[\s-]?hours?|gpu[\s-]?h|heures[\s-]gpu|h[\s-]gpu)\b`,
  'i',
);
const HOURS = new RegExp(String.raw`${NUM}\s*(?:hours?|hrs?|heures?|h)\b`, 'i');
const DAYS = new RegExp(String.raw`${NUM}\s*(?:days?|jours?)\b`, 'i');
const PRICE =
  /(?:\$\s*(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s*(?:\$|usd|dollars?))\s*(?:\/\s*h|per\s+(?:gpu[\s-]?)?hour|an?\s+hour|(?:de\s+)?l['’]\s*heure|par\s+heure|\/\s*heure|the\s+hour|\/\s*gpu[\s-]?h(?:our)?)/i;

const SCALE: Record<string, number> = {
  k: 1e3,
  mille: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  millions: 1e6,
};

function scaled(num: string | undefined, unit: string | undefined): string | undefined {
  if (!num) return undefined;
  const n = readNumber(num.trim().replace(/[.,]$/, ''));
  if (!n) return undefined;
  const value = Number(n.digits) * 10 ** n.exp * (unit ? (SCALE[unit.toLowerCase()] ?? 1) : 1);
  return Number.isFinite(value) ? String(value) : undefined;
}

/** A training-cost question that brings its own numbers (GPUs, hours, price per GPU-hour). */
export function detectTraining(text: string): TrainingInput | undefined {
  const folded = fold(text);
  const gpuHours = GPU_HOURS.exec(text);
  const gpus = GPUS.exec(text);
  const hours = gpuHours ? null : HOURS.exec(text);
  const days = gpuHours || hours ? null : DAYS.exec(text);
  const price = PRICE.exec(text);
  if (!gpuHours && !gpus && !hours && !days && !price) return undefined;
  if (!TRAIN_WORDS.test(folded) && !(gpus && (hours || days || price))) return undefined;
  if (!gpuHours && !gpus && !(hours && price)) return undefined;
  const input: TrainingInput = {};
  if (gpus) input.gpus = scaled(gpus[1], gpus[2]) ?? null;
  if (gpuHours) input.gpuHours = scaled(gpuHours[1], gpuHours[2]) ?? null;
  if (hours) input.hours = scaled(hours[1], hours[2]) ?? null;
  if (days) {
    const d = scaled(days[1], days[2]);
    input.hours = d === undefined ? null : String(Number(d) * 24);
  }
  if (price) input.pricePerGpuHour = (price[1] ?? price[2] ?? '').replace(',', '.');
  return input;
}
