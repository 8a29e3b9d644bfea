import type { webApi } from '@slack/bolt';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import { renderText } from '../../core/render-text.js';
import type { Logger } from '../../logger.js';
import type { PipelineResult } from '../../services/pipeline.js';
import type { Observer } from '../../services/types.js';
import { replyMetadata } from './idempotent-fetch.js';
import { type Block, LIMITS, renderReply } from './render.js';
import { escapeAndSplit, escapeMrkdwn } from './text.js';

/** Where a reply goes: a channel (or DM), a thread in it, and who asked (for ephemeral notices). */
export interface Place {
  channel: string;
  threadTs?: string;
  user: string;
}

export type Client = webApi.WebClient;

/** Where a plain-text fallback is logged and counted. */
export interface FallbackSink {
  logger: Logger;
  observer: Observer;
}

/** Slack's refusals of a message's form, where the same answer as plain text goes through. */
const FORM_ERRORS = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long']);
/** A plain-text piece: well under Slack's 40,000 characters, short enough to read as one message. */
const PLAIN_PIECE = 3500;
const PLAIN_PIECES = 10;

export interface PostOptions {
  /** Only the asker sees it (a refusal in a channel, a private channel policy). */
  ephemeral?: boolean;
  /** Blocks added under the reply (e.g. "Ask a person"). */
  extra?: Block[];
}

/**
 * Posts a pipeline result: the rendered reply in the thread; a notice from the pipeline (rate limit,
 * too long) only to the person who asked. Each post carries its own post id (message metadata), so a
 * retry after a timeout never doubles it (idempotent-fetch.ts). When Slack refuses the blocks
 * (invalid_blocks) or the length (msg_too_long), the same reply goes out as plain text, split into
 * several messages when long; the fallback is logged and counted.
 */
export async function postResult(
  client: Client,
  place: Place,
  result: PipelineResult,
  sink?: FallbackSink,
  options: PostOptions = {},
): Promise<string | undefined> {
  const { text, blocks: rendered } = renderReply(result.reply);
  // Serialized once, with the rest of the JSON body (chat.ts).
  const blocks = options.extra?.length ? [...rendered, ...options.extra].slice(0, LIMITS.blocks) : rendered;
  const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
  const ephemeral = result.limited !== undefined || options.ephemeral === true;
  const post = async (message: { text: string; blocks?: typeof blocks }): Promise<string | undefined> => {
    if (ephemeral) {
      await client.chat.postEphemeral({ channel: place.channel, user: place.user, ...message, ...thread });
      return undefined;
    }
    const posted = await client.chat.postMessage({
      channel: place.channel,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
      metadata: replyMetadata(),
      ...thread,
    });
    return posted.ts;
  };
  let ts: string | undefined;
  try {
    ts = await post({ text, blocks });
  } catch (err) {
    const reason = formError(err);
    if (!reason) throw err;
    sink?.logger.warn({ reason, channel: place.channel }, 'slack refused the reply: posted as plain text');
    sink?.observer.slackPlainFallback?.(reason);
    for (const piece of escapeAndSplit(renderText(result.reply), PLAIN_PIECE, PLAIN_PIECES)) {
      const pieceTs = await post({ text: piece });
      ts ??= pieceTs;
    }
  }
  // The answer's thread (a top-level answer becomes its root): where its chart follows (upload.ts).
  if (ephemeral) return undefined;
  return place.threadTs ?? ts;
}

function formError(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  const reason = e?.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
  return reason && FORM_ERRORS.has(reason) ? reason : undefined;
}

/** A short ephemeral line for the person who clicked or asked. */
export async function postNotice(client: Client, place: Place, text: string): Promise<void> {
  const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
  await client.chat.postEphemeral({
    channel: place.channel,
    user: place.user,
    text: escapeMrkdwn(text),
    ...thread,
  });
}

/** The one apology of the error policy, in the thread. */
export async function postApology(client: Client, place: Place, lang: Lang, errorId: string): Promise<void> {
  const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
  await client.chat.postMessage({
    channel: place.channel,
    text: escapeMrkdwn(t(lang).errors.apology(errorId)),
    ...thread,
  });
}
