import type { ConversationContext, Turn } from '../conversation.js';
import type { CostRequest, TrainingRequest } from '../engine-types.js';
import { t } from '../i18n/index.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { makeReply, type Reply } from '../reply.js';
import { costAnswer, shortName } from './answer.js';
import { amountError, badAmount, sizeProblem } from './bad-amount.js';
import { amountErrorReply } from './calculator.js';
import { followUpCalc, lastCalc } from './follow-up.js';
import { ModelMatcher, namesUnknownModel } from './models.js';
import { parseQuestion } from './parse.js';
import type { Calc } from './request.js';
import { simplify, spellNumbers } from './text.js';
import { trainingAnswer, trainingCalcOf } from './training.js';

export { chartSpecOf } from './chart-spec.js';
export type { Calc, CostCalc, TrainingCalc } from './request.js';
export { notUsageNumbers } from './usage.js';
export { CALC_VOTE_IDS, isCalcVoteId, voteIdOf } from './votes.js';

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
    const merged = prev && followUpCalc(prev, parsed, s);
    if (merged) return this.run(merged, text, lang);
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
