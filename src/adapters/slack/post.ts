import type { webApi } from '@slack/bolt';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import type { PipelineResult } from '../../services/pipeline.js';
import { type Block, LIMITS, renderReply } from './render.js';
import { escapeMrkdwn } from './text.js';

/** Where a reply goes: a channel (or DM), a thread in it, and who asked (for ephemeral notices). */
export interface Place {
  channel: string;
  threadTs?: string;
  user: string;
}

export type Client = webApi.WebClient;

export interface PostOptions {
  /** Only the asker sees it (a refusal in a channel, a private channel policy). */
  ephemeral?: boolean;
  /** Blocks added under the reply (e.g. "Ask a person"). */
  extra?: Block[];
}

/**
 * Posts a pipeline result: the rendered reply in the thread; a notice from the pipeline (rate limit,
 * too long), and whatever `options.ephemeral` asks, only to the person who asked.
 */
export async function postResult(
  client: Client,
  place: Place,
  result: PipelineResult,
  options: PostOptions = {},
): Promise<void> {
  const rendered = renderReply(result.reply);
  const text = rendered.text;
  const blocks = options.extra?.length
    ? [...rendered.blocks, ...options.extra].slice(0, LIMITS.blocks)
    : rendered.blocks;
  const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
  if (result.limited || options.ephemeral) {
    await client.chat.postEphemeral({ channel: place.channel, user: place.user, text, blocks, ...thread });
    return;
  }
  await client.chat.postMessage({
    channel: place.channel,
    text,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...thread,
  });
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
