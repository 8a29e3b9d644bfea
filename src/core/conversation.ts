import type { Lang } from './lang.js';
import type { ReplyKind } from './reply.js';

/**
 * What the engine understood of one question, kept so that the next question of the same
 * conversation can lean on it ("and on o1?", "et quand ?", "source?"). Plain JSON: it travels
 * through the shared state (memory or Redis).
 */
export interface Turn {
  /** The question as asked (cleaned). */
  text: string;
  lang: Lang;
  kind: ReplyKind;
  answered: boolean;
  /** The knowledge entry answered, when it was a fact. */
  entryId?: string;
  /** Entity ids (from the knowledge vocabulary) the question named or inherited. */
  entities?: string[];
  /** The aspect asked (who founded, when, how much, why, …), an id from the knowledge vocabulary. */
  aspect?: string;
  /**
   * The language the user asked for in this conversation ("in English please"): the turns after it are
   * answered in it, whatever the platform's locale says.
   */
  chosenLang?: Lang;
  /** The answer's confidence, when it had one: a meta follow-up ("source?") acting on it keeps it. */
  confidence?: number;
  /** The calculator request understood, when it was a cost or training question (plain JSON). */
  calc?: Record<string, unknown>;
  /** Epoch milliseconds. */
  at: number;
}

/** The recent turns of one conversation, oldest first, bounded by the caller. */
export interface ConversationContext {
  turns: Turn[];
}
