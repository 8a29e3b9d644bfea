import { createHash } from 'node:crypto';
import { converse } from '../core/conversation/index.js';
import type { ConversationContext } from '../core/conversation.js';
import type { Engine, Reply } from '../core/index.js';
import { renderText } from '../core/index.js';

/** The JSON object written for each --jsonl line (the CLI contract: one per input line, in order). */
export interface JsonAnswer {
  question: string;
  answered: boolean;
  kind: Reply['kind'];
  lang: Reply['lang'];
  text: string;
  entry: string | null;
  confidence: number | null;
  matches: { id: string; score: number }[];
}

export function toJson(question: string, reply: Reply): JsonAnswer {
  return {
    question,
    answered: reply.answered,
    kind: reply.kind,
    lang: reply.lang,
    text: renderText(reply),
    entry: reply.entryId ?? null,
    confidence: reply.confidence ?? null,
    matches: reply.matches,
  };
}

/** One line of --jsonl input: a plain question, or a JSON object naming its conversation. */
export interface JsonlLine {
  text: string;
  conversation?: string;
  locale?: string;
}

/** Reads a line: a JSON object with a string `text` is a turn; anything else is a plain question. */
export function parseLine(line: string): JsonlLine {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { text: line };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { text: line };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { text: line };
  const v = value as Record<string, unknown>;
  // An object without a text asks nothing: answered like an empty question (the help).
  const parsed: JsonlLine = { text: typeof v.text === 'string' ? v.text : '' };
  if (typeof v.conversation === 'string' || typeof v.conversation === 'number')
    parsed.conversation = String(v.conversation);
  if (typeof v.locale === 'string') parsed.locale = v.locale;
  return parsed;
}

/** Longest conversation id kept as it is. */
const MAX_ID_LENGTH = 200;

/** Conversations kept by one --jsonl run (the oldest forgotten past this many). */
const MAX_CLI_CONVERSATIONS = 10_000;

/** Answers --jsonl lines in order, keeping each conversation's turns between its lines. */
export class JsonlSession {
  private readonly conversations = new Map<string, ConversationContext>();

  constructor(
    private readonly engine: Engine,
    private readonly defaultLocale?: string,
  ) {}

  answer(line: string): JsonAnswer {
    const input = parseLine(line);
    const locale = input.locale ?? this.defaultLocale;
    // A plain line is a conversation of its own ("source?" alone has nothing to cite).
    if (input.conversation === undefined)
      return toJson(input.text, converse(this.engine, { text: input.text, locale: locale ?? null }).reply);
    // Ids are kept as map keys: a huge one is kept as its digest, so memory stays bounded.
    const id =
      input.conversation.length > MAX_ID_LENGTH
        ? `#${createHash('sha256').update(input.conversation).digest('hex')}`
        : input.conversation;
    const context = this.conversations.get(id) ?? { turns: [] };
    const result = converse(this.engine, { text: input.text, locale: locale ?? null, context });
    this.conversations.delete(id);
    this.conversations.set(id, result.context);
    if (this.conversations.size > MAX_CLI_CONVERSATIONS)
      this.conversations.delete(this.conversations.keys().next().value as string);
    return toJson(input.text, result.reply);
  }
}
