import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { viewProblems } from './slack-limits.js';

/**
 * A local Slack-compatible server for tests and the bench, on 127.0.0.1 and a random port:
 * - the Web API under /api/ (auth.test, chat.postMessage, chat.postEphemeral, conversations.replies,
 *   conversations.history, apps.connections.open), recording every call with its parsed body, and able
 *   to fail the next N calls with 500 or 429, refuse them with a Slack error, or answer them late (the
 *   message lands at once, the answer after a delay: a timeout that did post);
 * - what Slack refuses, refused the same way: more than 50 blocks, a header over 150 characters, a
 *   section over 3000 (invalid_blocks), a text over 40,000 characters (msg_too_long);
 * - a response_url sink under /response/<id>;
 * - a Socket Mode WebSocket under /link/ that says hello, lets the test send envelopes and reads acks.
 */

export const BOT_USER_ID = 'UBRIEFBOT1';
export const BOT_ID = 'BBRIEFBOT1';
export const TEAM_ID = 'T0TEAM0001';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** The status the server answered with (500 and 429 calls are recorded too). */
  status: number;
  /** Set when Slack would answer `ok: false` (invalid_blocks, msg_too_long…): nothing was posted. */
  error?: string;
}

/** A message as conversations.history/replies return it. */
interface Stored {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: unknown;
  metadata?: unknown;
  bot_id: string;
  user: string;
}

/** A file uploaded through files.getUploadURLExternal → upload URL → files.completeUploadExternal. */
export interface SlackUpload {
  id: string;
  filename: string;
  length: number;
  altText?: string;
  data?: Buffer;
  /** Set by files.completeUploadExternal. */
  title?: string;
  channel?: string;
  threadTs?: string;
  completed: boolean;
}

/** Slack's limit on one uploaded file. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

interface Failure {
  method: string;
  remaining: number;
  status: 500 | 429;
  retryAfter: number;
}

export interface SlackServerOptions {
  /** Keep no record of calls (the bench sends thousands); `onCall` still sees each one. */
  record?: boolean;
  onCall?: (call: ApiCall) => void;
}

export class SlackServer {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly acks: SocketAck[] = [];
  /** Files by id, from files.getUploadURLExternal on. */
  readonly uploads = new Map<string, SlackUpload>();
  private readonly failures: Failure[] = [];
  private readonly refusals: { method: string; remaining: number; error: string }[] = [];
  private readonly delays: { method: string; remaining: number; ms: number }[] = [];
  private readonly messages: Stored[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private tsCounter = 0;
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: SlackServerOptions,
  ) {}

  static async start(options: SlackServerOptions = {}): Promise<SlackServer> {
    let self: SlackServer | undefined;
    const server = createServer((req, res) => self?.handle(req, res));
    self = new SlackServer(server, options);
    server.on('upgrade', (req, socket, head) => self?.upgrade(req, socket, head));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    self.port = (server.address() as AddressInfo).port;
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What `clientOptions.slackApiUrl` takes. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Successful calls to one Web API method (not the ones Slack would refuse). */
  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.error === undefined);
  }

  /** The next `count` calls to `method` get `{ ok: false, error }` (what Slack does for a rule we do not model). */
  refuseNext(method: string, count: number, error: string): void {
    this.refusals.push({ method, remaining: count, error });
  }

  /** The next `count` calls to `method` take effect at once but are answered `ms` later. */
  delayNext(method: string, count: number, ms: number): void {
    this.delays.push({ method, remaining: count, ms });
  }

  /** The next `count` calls to `method` ('*' for any) answer 500, or 429 with Retry-After. */
  failNext(method: string, count: number, status: 500 | 429 = 500, retryAfter = 1): void {
    this.failures.push({ method, remaining: count, status, retryAfter });
  }

  /** Sends a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    const data = JSON.stringify(envelope);
    for (const ws of this.sockets) ws.send(data);
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  /** Closes every socket (as Slack does when it recycles a connection), then the server. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', this.url).pathname;
      // A file's bytes stay bytes: only the other bodies are text.
      if (path.startsWith('/upload/'))
        return void this.upload(path.slice(8), req, Buffer.concat(chunks), res);
      const raw = Buffer.concat(chunks).toString('utf8');
      if (path.startsWith('/api/')) return this.api(path.slice(5), req, raw, res);
      if (path.startsWith('/response/')) {
        this.responses.push({ id: path.slice(10), body: parseBody(req.headers['content-type'], raw) });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      res.writeHead(404).end();
    });
  }

  private api(method: string, req: IncomingMessage, raw: string, res: ServerResponse): void {
    const body = parseBody(req.headers['content-type'], raw);
    const failure = this.failures.find((f) => f.remaining > 0 && (f.method === '*' || f.method === method));
    const status = failure ? failure.status : 200;
    const call: ApiCall = { method, body, headers: req.headers, status };
    if (this.options.record !== false) this.calls.push(call);
    this.options.onCall?.(call);
    if (failure) {
      failure.remaining -= 1;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.status === 429) headers['retry-after'] = String(failure.retryAfter);
      res.writeHead(failure.status, headers).end(JSON.stringify({ ok: false, error: 'test_failure' }));
      return;
    }
    const refusal = this.refusals.find((r) => r.remaining > 0 && r.method === method);
    if (refusal) refusal.remaining -= 1;
    const error = refusal?.error ?? refusedByRules(method, body);
    if (error) {
      call.error = error;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error }));
      return;
    }
    const answer = JSON.stringify(this.answer(method, body));
    const delay = this.delays.find((d) => d.remaining > 0 && d.method === method);
    if (!delay) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
      return;
    }
    delay.remaining -= 1;
    setTimeout(() => {
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    }, delay.ms);
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://local.test/',
          team: 'Local',
          user: 'briefbot',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        this.messages.push({
          channel: String(body.channel),
          ts,
          ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}),
          text: body.text,
          ...(body.metadata ? { metadata: body.metadata } : {}),
          bot_id: BOT_ID,
          user: BOT_USER_ID,
        });
        return {
          ok: true,
          channel: body.channel,
          ts,
          message: { ...body, ts, bot_id: BOT_ID, user: BOT_USER_ID },
        };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.replies':
      case 'conversations.history': {
        const oldest = Number(body.oldest ?? 0);
        const withMetadata = body.include_all_metadata === 'true';
        const messages = this.messages
          .filter((m) => m.channel === body.channel && Number(m.ts) > oldest)
          .filter((m) => method === 'conversations.history' || m.thread_ts === body.ts || m.ts === body.ts)
          .map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m));
        return { ok: true, messages, has_more: false };
      }
      case 'files.getUploadURLExternal':
        return this.uploadUrl(body);
      case 'files.completeUploadExternal':
        return this.completeUpload(body);
      case 'chat.getPermalink':
        if (typeof body.channel !== 'string' || typeof body.message_ts !== 'string')
          return { ok: false, error: 'invalid_arguments' };
        return {
          ok: true,
          channel: body.channel,
          permalink: `https://local.slack.com/archives/${body.channel}/p${body.message_ts.replace('.', '')}`,
        };
      case 'views.publish':
      case 'views.open':
      case 'views.update': {
        if (method === 'views.publish' && !body.user_id) return { ok: false, error: 'invalid_arguments' };
        if (method === 'views.open' && !body.trigger_id) return { ok: false, error: 'invalid_arguments' };
        const view = typeof body.view === 'string' ? safeJson(body.view) : body.view;
        const problems = viewProblems(view);
        if (problems.length > 0)
          return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
        return {
          ok: true,
          view: { ...(view as Record<string, unknown>), id: `V${this.nextTs().replace('.', '')}` },
        };
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=local` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** files.getUploadURLExternal: needs a filename and the exact byte length to come. */
  private uploadUrl(body: Record<string, unknown>): Record<string, unknown> {
    const filename = typeof body.filename === 'string' ? body.filename.trim() : '';
    const length = Number(body.length);
    if (filename === '' || !Number.isInteger(length) || length <= 0)
      return { ok: false, error: 'invalid_arguments' };
    if (length > MAX_UPLOAD_BYTES) return { ok: false, error: 'file_too_large' };
    const id = `F${String(this.uploads.size + 1).padStart(9, '0')}`;
    const upload: SlackUpload = { id, filename, length, completed: false };
    if (typeof body.alt_text === 'string') upload.altText = body.alt_text;
    this.uploads.set(id, upload);
    return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
  }

  /** The upload URL: raw bytes or one multipart file part, exactly as long as announced. */
  private async upload(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const upload = this.uploads.get(id);
    if (req.method !== 'POST' || !upload || upload.data) {
      res.writeHead(404).end();
      return;
    }
    let data = raw;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const file = [...form.values()].find((v) => typeof v !== 'string');
      data = file && typeof file !== 'string' ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    }
    if (data.length !== upload.length) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('length mismatch');
      return;
    }
    upload.data = data;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${data.length}`);
  }

  /** files.completeUploadExternal: every file uploaded; a thread only within a channel. */
  private completeUpload(body: Record<string, unknown>): Record<string, unknown> {
    const files = Array.isArray(body.files) ? (body.files as { id?: string; title?: string }[]) : [];
    if (files.length === 0) return { ok: false, error: 'invalid_arguments' };
    const channel = typeof body.channel_id === 'string' ? body.channel_id : undefined;
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
    if (threadTs && !channel) return { ok: false, error: 'invalid_arguments' };
    if (channel && !/^[CDG][A-Z0-9]{2,}$/.test(channel)) return { ok: false, error: 'channel_not_found' };
    if (threadTs && !/^\d+\.\d+$/.test(threadTs)) return { ok: false, error: 'invalid_thread_ts' };
    const found = files.map((f) => this.uploads.get(f.id ?? ''));
    if (found.some((u) => !u?.data || u.completed)) return { ok: false, error: 'file_not_found' };
    const done = found as SlackUpload[];
    done.forEach((u, i) => {
      u.completed = true;
      u.title = files[i]?.title ?? u.filename;
      if (channel) u.channel = channel;
      if (threadTs) u.threadTs = threadTs;
    });
    return { ok: true, files: done.map((u) => ({ id: u.id, name: u.filename, title: u.title })) };
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private upgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    if (!req.url?.startsWith('/link/')) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        try {
          this.acks.push(JSON.parse(data.toString()) as SocketAck);
        } catch {
          // not JSON: not an ack
        }
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0LOCAL' } }));
    });
  }
}

/** What Slack refuses in chat.postMessage / chat.postEphemeral, with Slack's error code. */
function refusedByRules(method: string, body: Record<string, unknown>): string | undefined {
  if (method !== 'chat.postMessage' && method !== 'chat.postEphemeral') return undefined;
  if (typeof body.text === 'string' && body.text.length > 40_000) return 'msg_too_long';
  if (body.blocks === undefined) return undefined;
  if (!Array.isArray(body.blocks) || body.blocks.length > 50) return 'invalid_blocks';
  for (const block of body.blocks as {
    type?: string;
    text?: { text?: string };
    fields?: { text?: string }[];
  }[]) {
    const text = block.text?.text ?? '';
    if (block.type === 'header' && text.length > 150) return 'invalid_blocks';
    if (block.type === 'section' && text.length > 3000) return 'invalid_blocks';
    if ((block.fields ?? []).some((f) => (f.text ?? '').length > 2000)) return 'invalid_blocks';
  }
  return undefined;
}

/** Web API bodies are form-encoded with JSON-encoded objects (blocks); response_url bodies are JSON. */
function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Polls until `check` returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
