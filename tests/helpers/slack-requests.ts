import { createHmac, randomUUID } from 'node:crypto';
import { BOT_USER_ID, TEAM_ID } from './slack-server.js';

/** Signed requests to a Bolt HTTP receiver, and realistic payloads for them. */

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** `v0=` + hex HMAC-SHA256(secret, `v0:${timestamp}:${body}`), as Slack signs. */
export function sign(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
  retryNum?: number;
  /** Replaces the computed signature. */
  signature?: string;
}

export interface SentResponse {
  status: number;
  text: string;
}

async function send(
  url: string,
  rawBody: string,
  contentType: string,
  opts: SendOptions,
): Promise<SentResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': opts.signature ?? sign(opts.secret ?? SIGNING_SECRET, timestamp, rawBody),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body: rawBody });
  return { status: res.status, text: await res.text() };
}

/** An Events API (JSON) request. */
export function postEvent(url: string, body: unknown, opts: SendOptions = {}): Promise<SentResponse> {
  return send(url, JSON.stringify(body), 'application/json', opts);
}

/** A slash command: exactly application/x-www-form-urlencoded (a charset suffix makes Bolt answer 400). */
export function postCommand(
  url: string,
  fields: Record<string, string>,
  opts: SendOptions = {},
): Promise<SentResponse> {
  return send(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts);
}

/** An interactivity request: form field `payload` holding JSON. */
export function postInteraction(
  url: string,
  payload: unknown,
  opts: SendOptions = {},
): Promise<SentResponse> {
  const raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return send(url, raw, 'application/x-www-form-urlencoded', opts);
}

let tsSeq = 0;
/** A unique message ts, like Slack's "1737990000.000100". */
export function newTs(): string {
  tsSeq += 1;
  return `${1737980000 + tsSeq}.${String(tsSeq * 100).padStart(6, '0')}`;
}

export interface MentionOptions {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
}

/** An `event_callback` envelope holding an `app_mention`. */
export function mentionEvent(o: MentionOptions): Record<string, unknown> {
  const ts = o.ts ?? newTs();
  const event: Record<string, unknown> = {
    type: 'app_mention',
    user: o.user ?? 'U0USER0001',
    text: `<@${BOT_USER_ID}> ${o.text}`,
    ts,
    channel: o.channel ?? 'C0CHAN0001',
    event_ts: ts,
  };
  if (o.threadTs) event.thread_ts = o.threadTs;
  return envelope(event, o.eventId);
}

/** An `event_callback` envelope holding a direct message (`message`, channel_type im). */
export function directMessageEvent(
  o: MentionOptions & { botId?: string; subtype?: string },
): Record<string, unknown> {
  const ts = o.ts ?? newTs();
  const event: Record<string, unknown> = {
    type: 'message',
    channel_type: 'im',
    user: o.user ?? 'U0USER0001',
    text: o.text,
    ts,
    channel: o.channel ?? 'D0DM000001',
    event_ts: ts,
  };
  if (o.botId) event.bot_id = o.botId;
  if (o.subtype) event.subtype = o.subtype;
  return envelope(event, o.eventId);
}

/** An `event_callback` envelope holding a channel message (`message`, channel_type channel), e.g. a thread reply. */
export function channelMessageEvent(
  o: MentionOptions & { botId?: string; subtype?: string; channelType?: 'channel' | 'group' },
): Record<string, unknown> {
  const ts = o.ts ?? newTs();
  const event: Record<string, unknown> = {
    type: 'message',
    channel_type: o.channelType ?? 'channel',
    user: o.user ?? 'U0USER0001',
    text: o.text,
    ts,
    channel: o.channel ?? 'C0CHAN0001',
    event_ts: ts,
  };
  if (o.threadTs) event.thread_ts = o.threadTs;
  if (o.botId) event.bot_id = o.botId;
  if (o.subtype) event.subtype = o.subtype;
  return envelope(event, o.eventId);
}

function envelope(event: Record<string, unknown>, eventId?: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0LOCAL',
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
  };
}

/** The form fields of a `/ask` slash command. */
export function askCommand(text: string, responseUrl: string, user = 'U0USER0001'): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'local',
    channel_id: 'C0CHAN0001',
    channel_name: 'general',
    user_id: user,
    user_name: 'tester',
    command: '/ask',
    text,
    api_app_id: 'A0LOCAL',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.trigger`,
  };
}

export interface ButtonOptions {
  actionId: string;
  value: string;
  responseUrl: string;
  messageTs?: string;
  threadTs?: string;
  channel?: string;
  user?: string;
  ephemeral?: boolean;
}

/** A `block_actions` payload for a button clicked on a message the bot posted. */
export function blockActions(o: ButtonOptions): Record<string, unknown> {
  const messageTs = o.messageTs ?? newTs();
  const channel = o.channel ?? 'C0CHAN0001';
  const container: Record<string, unknown> = {
    type: 'message',
    message_ts: messageTs,
    channel_id: channel,
    is_ephemeral: o.ephemeral ?? false,
  };
  if (o.threadTs) container.thread_ts = o.threadTs;
  return {
    type: 'block_actions',
    user: { id: o.user ?? 'U0USER0001', username: 'tester', team_id: TEAM_ID },
    api_app_id: 'A0LOCAL',
    token: 'legacy-verification-token',
    container,
    trigger_id: `${Date.now()}.trigger`,
    team: { id: TEAM_ID, domain: 'local' },
    channel: { id: channel, name: 'general' },
    message: {
      type: 'message',
      ts: messageTs,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
      text: 'answer',
    },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'bb_actions',
        text: { type: 'plain_text', text: 'button' },
        value: o.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}
