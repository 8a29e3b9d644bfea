export type { ConversationContext, Turn } from '../conversation.js';
export {
  boundContext,
  type ConverseOptions,
  type ConverseResult,
  converse,
  firstSentence,
  MAX_TURNS,
  turnOf,
} from './converse.js';
export { detectMeta, detectMetaAbout, isStop, type MetaAbout, type MetaRequest } from './meta.js';
