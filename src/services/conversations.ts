import { MAX_TURNS } from '../core/conversation/index.js';
import type { ConversationContext, Turn } from '../core/conversation.js';
import type { Logger } from '../logger.js';
import type { SharedState } from './types.js';

/** How long a conversation is remembered after its last turn, by default. */
export const DEFAULT_CONVERSATION_TTL_SECONDS = 30 * 60;
/** Largest stored conversation, in characters of JSON: the oldest turns go first to fit. */
export const MAX_CONVERSATION_CHARS = 16_000;
/** Longest turn text kept (the pipeline's question limit is lower). */
const MAX_TURN_TEXT = 500;

export interface ConversationStoreOptions {
  ttlSeconds?: number;
  maxTurns?: number;
  maxChars?: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * Conversations (Slack threads and DMs, a Discord user's /ask in a channel, a console session, a CLI
 * `conversation` id) kept in the shared state, so any instance can answer the next turn. Each is
 * bounded in turns and size and expires `ttlSeconds` after its last turn; turns older than that are
 * dropped when read. A store that cannot be reached (Redis down) is logged and read as empty: the
 * question is then answered on its own, never lost.
 */
export class ConversationStore {
  readonly ttlSeconds: number;
  private readonly maxTurns: number;
  private readonly maxChars: number;
  private readonly now: () => number;

  constructor(
    private readonly state: SharedState,
    private readonly options: ConversationStoreOptions = {},
  ) {
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_CONVERSATION_TTL_SECONDS;
    this.maxTurns = options.maxTurns ?? MAX_TURNS;
    this.maxChars = options.maxChars ?? MAX_CONVERSATION_CHARS;
    this.now = options.now ?? Date.now;
  }

  /**
   * The recent turns of a conversation, oldest first; empty when it is new, expired or unreadable, or
   * when its last turn is older than `idleSeconds`.
   */
  async load(key: string, idleSeconds?: number): Promise<ConversationContext> {
    let raw: string | undefined;
    try {
      raw = await this.state.get(storeKey(key));
    } catch (err) {
      this.options.logger?.warn({ err: (err as Error).message }, 'conversation not read');
      return { turns: [] };
    }
    const turns = this.fresh(parseTurns(raw));
    const last = turns.at(-1);
    if (idleSeconds !== undefined && last && last.at <= this.now() - idleSeconds * 1000) return { turns: [] };
    return { turns };
  }

  /** Adds one turn (a related-question button's answer) to a conversation. */
  async append(key: string, turn: Turn): Promise<void> {
    const { turns } = await this.load(key);
    await this.save(key, { turns: [...turns, turn] });
  }

  /** Stores the conversation's turns (bounded), for ttlSeconds from now. */
  async save(key: string, context: ConversationContext): Promise<void> {
    const turns = this.fresh(context.turns.map(cleanTurn).filter((t): t is Turn => t !== undefined)).slice(
      -this.maxTurns,
    );
    let json = JSON.stringify(turns);
    while (json.length > this.maxChars && turns.length > 0) {
      turns.shift();
      json = JSON.stringify(turns);
    }
    try {
      if (turns.length === 0) await this.state.delete(storeKey(key));
      else await this.state.set(storeKey(key), json, this.ttlSeconds);
    } catch (err) {
      this.options.logger?.warn({ err: (err as Error).message }, 'conversation not saved');
    }
  }

  /** Forgets a conversation ("new" in the console). */
  async clear(key: string): Promise<void> {
    try {
      await this.state.delete(storeKey(key));
    } catch (err) {
      this.options.logger?.warn({ err: (err as Error).message }, 'conversation not cleared');
    }
  }

  /** Remembers that the bot answered in a place (a Slack thread), for as long as its conversation. */
  async markActive(key: string): Promise<void> {
    try {
      await this.state.set(`active:${key}`, '1', this.ttlSeconds);
    } catch (err) {
      this.options.logger?.warn({ err: (err as Error).message }, 'conversation not marked');
    }
  }

  /** True when the bot answered there within the TTL. Unreadable state reads as false: stay quiet. */
  async isActive(key: string): Promise<boolean> {
    try {
      return (await this.state.get(`active:${key}`)) !== undefined;
    } catch {
      return false;
    }
  }

  /** Marks a place (a Slack thread) as silenced for `seconds` ("stop", "tais-toi"). */
  async silence(key: string, seconds = this.ttlSeconds * 48): Promise<void> {
    try {
      await this.state.set(`silenced:${key}`, '1', seconds);
    } catch (err) {
      this.options.logger?.warn({ err: (err as Error).message }, 'silence not saved');
    }
  }

  /** Lets the bot speak again where it was silenced (an explicit @mention). */
  async unsilence(key: string): Promise<void> {
    try {
      await this.state.delete(`silenced:${key}`);
    } catch (err) {
      this.options.logger?.warn({ err: (err as Error).message }, 'silence not cleared');
    }
  }

  /** True when someone said "stop" there. Unreadable state reads as silenced: quiet is the safe side. */
  async isSilenced(key: string): Promise<boolean> {
    try {
      return (await this.state.get(`silenced:${key}`)) !== undefined;
    } catch {
      return true;
    }
  }

  private fresh(turns: Turn[]): Turn[] {
    const oldest = this.now() - this.ttlSeconds * 1000;
    return turns.filter((t) => t.at > oldest && t.at <= this.now() + 60_000);
  }
}

function storeKey(key: string): string {
  return `conv:${key}`;
}

function parseTurns(raw: string | undefined): Turn[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.map(cleanTurn).filter((t): t is Turn => t !== undefined);
  } catch {
    return [];
  }
}

const KIND = /^[a-z]{1,20}$/;

/** A turn as stored: only the contract's fields, of the right types, texts bounded. */
export function cleanTurn(value: unknown): Turn | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string' || (v.lang !== 'en' && v.lang !== 'fr')) return undefined;
  if (typeof v.kind !== 'string' || !KIND.test(v.kind) || typeof v.answered !== 'boolean') return undefined;
  if (typeof v.at !== 'number' || !Number.isFinite(v.at)) return undefined;
  const turn: Turn = {
    text: v.text.slice(0, MAX_TURN_TEXT),
    lang: v.lang,
    kind: v.kind as Turn['kind'],
    answered: v.answered,
    at: v.at,
  };
  if (typeof v.entryId === 'string' && v.entryId.length <= 100) turn.entryId = v.entryId;
  if (Array.isArray(v.entities))
    turn.entities = v.entities
      .filter((e): e is string => typeof e === 'string' && e.length <= 100)
      .slice(0, 20);
  if (typeof v.aspect === 'string' && v.aspect.length <= 100) turn.aspect = v.aspect;
  if (v.chosenLang === 'en' || v.chosenLang === 'fr') turn.chosenLang = v.chosenLang;
  if (typeof v.confidence === 'number' && v.confidence >= 0 && v.confidence <= 1)
    turn.confidence = v.confidence;
  if (v.calc && typeof v.calc === 'object' && !Array.isArray(v.calc))
    turn.calc = v.calc as Record<string, unknown>;
  return turn;
}
