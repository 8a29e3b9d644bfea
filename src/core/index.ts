import { createEngine, type EngineOptions } from './engine.js';
import type { Engine } from './engine-types.js';
import { loadKnowledge } from './knowledge/load.js';

export { ANSWER_THRESHOLD } from './choose.js';
export { createEngine } from './engine.js';
export type * from './engine-types.js';
export { loadKnowledge, readKnowledgeDir, validateKnowledge } from './knowledge/load.js';
export type { KnowledgeBase } from './knowledge/types.js';
export { formatProblem, KnowledgeError } from './knowledge/types.js';
export { chooseLang, detectLang, type Lang, langFromLocale } from './lang.js';
export { renderText } from './render-text.js';
export type { QuestionLink, Reply, ReplyField, ReplyKind } from './reply.js';

/** Loads, validates and indexes a knowledge folder. Throws KnowledgeError naming every problem. */
export function loadEngineFromDir(dir: string, options: EngineOptions = {}): Engine {
  return createEngine(loadKnowledge(dir), options);
}
