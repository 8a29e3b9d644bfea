import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Makes chat.postMessage safe to retry. Every reply carries message metadata with a post id of its own
 * (`replyMetadata()`). When an attempt fails without a clear "not posted" — a timeout, a network error,
 * a 5xx — the message may have landed anyway. Before the Web API client's next attempt, this fetch looks
 * for the post id in the thread (conversations.replies) or the channel (conversations.history); when it
 * is there, it answers as Slack would have and nothing is posted twice.
 *
 * If the lookup itself fails (a missing history scope, Slack down), the post goes out again: a
 * possible double is better than a lost answer, and it is logged.
 */

export const REPLY_EVENT_TYPE = 'briefbot_reply';

/** Slack keeps message metadata to the app that set it; this id marks one reply. */
export function replyMetadata(): { event_type: string; event_payload: { post_id: string } } {
  return { event_type: REPLY_EVENT_TYPE, event_payload: { post_id: randomUUID() } };
}

interface Uncertain {
  channel: string;
  threadTs?: string;
  /** Unix seconds, a minute before the first attempt (clock skew): where the lookup starts. */
  oldest: number;
}

/** Posts whose outcome is unknown, forgotten after this many (a retry follows within seconds). */
const MAX_UNCERTAIN = 1000;
const LOOKUP_TIMEOUT_MS = 5000;

interface FoundMessage {
  ts: string;
  [key: string]: unknown;
}

export function idempotentFetch(
  log: Logger,
  base: webApi.FetchFunction & { timed?: boolean } = globalThis.fetch as unknown as webApi.FetchFunction,
): webApi.FetchFunction & { timed?: boolean } {
  const uncertain = new Map<string, Uncertain>();

  const fetch: webApi.FetchFunction = async (url, init) => {
    const href = String(url);
    if (!href.endsWith('/chat.postMessage') || typeof init?.body !== 'string') return base(url, init);
    const { postId, channel, threadTs } = postFields(init.body);
    if (!postId || !channel) return base(url, init);

    const prior = uncertain.get(postId);
    if (prior) {
      const found = await lookup(base, href, init.headers ?? {}, prior, postId).catch((err: Error) => {
        log.warn({ err: err.message, channel }, 'slack post may have landed; lookup failed, posting again');
        return undefined;
      });
      if (found) {
        uncertain.delete(postId);
        log.info({ channel, ts: found.ts }, 'slack post had landed after a failed attempt: not posted again');
        return jsonResponse({ ok: true, channel, ts: found.ts, message: found });
      }
    }
    const entry: Uncertain = prior ?? {
      channel,
      ...(threadTs ? { threadTs } : {}),
      oldest: Math.floor(Date.now() / 1000) - 60,
    };
    try {
      const res = await base(url, init);
      if (res.status >= 500) remember(uncertain, postId, entry);
      else uncertain.delete(postId);
      return res;
    } catch (err) {
      remember(uncertain, postId, entry);
      throw err;
    }
  };
  // The request options pass through untouched: a base that takes `timeoutMs` still does.
  return base.timed ? Object.assign(fetch, { timed: true }) : fetch;
}

/**
 * The post id, channel and thread of a chat.postMessage body: a JSON body (chat.ts sends one) parsed,
 * or three fields of a form body (the Web API client's) read alone, not the whole body decoded.
 */
function postFields(body: string): { postId?: string; channel?: string; threadTs?: string } {
  if (body.startsWith('{')) {
    try {
      const parsed = JSON.parse(body) as { channel?: unknown; thread_ts?: unknown; metadata?: unknown };
      const postId = postIdOf(parsed.metadata);
      return {
        ...(postId ? { postId } : {}),
        ...(typeof parsed.channel === 'string' ? { channel: parsed.channel } : {}),
        ...(typeof parsed.thread_ts === 'string' ? { threadTs: parsed.thread_ts } : {}),
      };
    } catch {
      return {};
    }
  }
  const postId = postIdOf(formField(body, 'metadata'));
  const channel = formField(body, 'channel');
  const threadTs = formField(body, 'thread_ts');
  return {
    ...(postId ? { postId } : {}),
    ...(channel ? { channel } : {}),
    ...(threadTs ? { threadTs } : {}),
  };
}

/** One field of an application/x-www-form-urlencoded body, decoded as URLSearchParams would. */
export function formField(body: string, name: string): string | null {
  const key = `${name}=`;
  let start = key.length;
  if (!body.startsWith(key)) {
    const at = body.indexOf(`&${key}`);
    if (at < 0) return null;
    start = at + 1 + key.length;
  }
  const end = body.indexOf('&', start);
  const raw = body.slice(start, end < 0 ? body.length : end).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return new URLSearchParams(`${key}${raw}`).get(name);
  }
}

function remember(map: Map<string, Uncertain>, postId: string, entry: Uncertain): void {
  map.set(postId, entry);
  while (map.size > MAX_UNCERTAIN) map.delete(map.keys().next().value as string);
}

/** The post id of a reply's metadata: an object (JSON body) or its JSON text (form body). */
function postIdOf(metadata: unknown): string | undefined {
  if (!metadata) return undefined;
  try {
    const parsed = (typeof metadata === 'string' ? JSON.parse(metadata) : metadata) as {
      event_type?: unknown;
      event_payload?: { post_id?: unknown };
    };
    if (parsed.event_type !== REPLY_EVENT_TYPE) return undefined;
    return typeof parsed.event_payload?.post_id === 'string' ? parsed.event_payload.post_id : undefined;
  } catch {
    return undefined;
  }
}

/** The message carrying `postId` in the thread or channel since the first attempt, if any. */
async function lookup(
  base: webApi.FetchFunction,
  postUrl: string,
  headers: Record<string, string>,
  where: Uncertain,
  postId: string,
): Promise<FoundMessage | undefined> {
  const method = where.threadTs ? 'conversations.replies' : 'conversations.history';
  const body = new URLSearchParams({
    channel: where.channel,
    oldest: String(where.oldest),
    include_all_metadata: 'true',
    limit: '200',
    ...(where.threadTs ? { ts: where.threadTs } : {}),
  });
  const res = await base(postUrl.replace(/chat\.postMessage$/, method), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'error',
    signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
  });
  const data = (await res.json()) as { ok?: boolean; error?: string; messages?: FoundMessage[] };
  if (!data.ok) throw new Error(`${method}: ${data.error ?? `HTTP ${res.status}`}`);
  return (data.messages ?? []).find((m) => {
    const meta = m.metadata as { event_type?: string; event_payload?: { post_id?: string } } | undefined;
    return meta?.event_type === REPLY_EVENT_TYPE && meta.event_payload?.post_id === postId;
  });
}

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}
