import { randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { BOT_USER, fakeMessage, GUILD_ID, snowflake } from './discord-interactions.js';
import { commandProblems, messageProblems, modalProblems } from './discord-limits.js';

/**
 * A local Discord-compatible server for end-to-end tests: REST under /api/v10 and a JSON gateway on the
 * same port (HELLO, IDENTIFY → READY, heartbeat ACK, RESUME → replay + RESUMED). Every REST request is
 * recorded with its method, decoded path, query, headers and parsed body.
 */

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query, e.g. /api/v10/webhooks/1/tok/messages/@original. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The HTTP status the server answered. */
  status?: number;
  /** Files of a multipart request (attachments), with `body` its parsed payload_json. */
  files?: UploadedFile[];
}

export interface UploadedFile {
  /** The form field: files[0], files[1]… */
  field: string;
  name: string;
  data: Buffer;
}

/** Discord's per-file upload limit for bots without boosts, and its attachment count limit. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 10;

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

const API = '/api/v10';
export const HEARTBEAT_INTERVAL = 41_250;

export class DiscordTestServer extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY and RESUME payloads the client sent, in order. */
  readonly gatewayLog: { op: number; d: unknown }[] = [];
  readonly applicationId = snowflake();
  private readonly http = createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private live = false;
  private seq = 0;
  private sessionId = '';
  private readonly sent: Dispatch[] = [];
  private port = 0;
  /** Interaction types by id (as dispatched), and the ids already answered by a callback. */
  private readonly interactionTypes = new Map<string, number>();
  private readonly acknowledged = new Set<string>();

  /** Starts listening on 127.0.0.1 at a free port. */
  static async start(): Promise<DiscordTestServer> {
    const server = new DiscordTestServer();
    server.http.on('upgrade', (req, socket, head) => {
      server.wss.handleUpgrade(req, socket, head, (ws) => server.onConnection(ws));
    });
    server.http.listen(0, '127.0.0.1');
    await once(server.http, 'listening');
    server.port = (server.http.address() as AddressInfo).port;
    return server;
  }

  /** The value for the client's `rest.api` option. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** True while a client session is established (after READY or RESUMED). */
  get connected(): boolean {
    return this.live;
  }

  /** Sends a dispatch; while no session is live it is only kept, and replayed on RESUME. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const payload: Dispatch = { op: 0, t, s: this.seq, d };
    this.sent.push(payload);
    if (this.live) this.send(payload);
  }

  /** Dispatches an INTERACTION_CREATE. */
  interact(interaction: { id: string; type?: number }): void {
    if (interaction.type !== undefined) this.interactionTypes.set(interaction.id, interaction.type);
    this.dispatch('INTERACTION_CREATE', interaction);
  }

  /** Resolves with the first recorded request (past or future) matching `match`. */
  async waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error(`no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!match(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  /** The interaction callback (POST /interactions/{id}/{token}/callback) for one interaction. */
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'POST' && r.path.startsWith(`${API}/interactions/${interactionId}/`),
      timeoutMs,
    );
  }

  /** Requests made for an interaction token after its callback (edit, follow-up, delete). */
  webhookRequests(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`${API}/webhooks/${this.applicationId}/${token}`));
  }

  /** Resolves when the client has (re)established its session: 'ready' or 'resumed'. */
  async waitForSession(kind: 'ready' | 'resumed', timeoutMs = 10_000): Promise<void> {
    const timer = AbortSignal.timeout(timeoutMs);
    await once(this, kind, { signal: timer });
  }

  /** Drops the gateway connection as Discord does on a server-side error (4000: the client may resume). */
  dropConnection(code = 4000): void {
    this.live = false;
    this.socket?.close(code, 'test drop');
  }

  async close(): Promise<void> {
    this.live = false;
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private send(payload: unknown): void {
    this.socket?.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (raw) => this.onGatewayMessage(ws, raw.toString()));
    ws.on('close', () => {
      if (this.socket === ws) this.live = false;
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL } }));
  }

  private onGatewayMessage(ws: WebSocket, raw: string): void {
    const msg = JSON.parse(raw) as { op: number; d: Record<string, unknown> | number | null };
    if (msg.op === 1) {
      ws.send(JSON.stringify({ op: 11 }));
      return;
    }
    if (msg.op === 2) {
      this.gatewayLog.push({ op: 2, d: msg.d });
      this.sessionId = randomBytes(16).toString('hex');
      this.live = true;
      this.dispatch('READY', {
        v: 10,
        user: BOT_USER,
        guilds: [],
        session_id: this.sessionId,
        resume_gateway_url: this.gatewayUrl,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
      });
      this.emit('ready');
      return;
    }
    if (msg.op === 6) {
      this.gatewayLog.push({ op: 6, d: msg.d });
      const d = msg.d as { session_id?: string; seq?: number };
      if (d.session_id !== this.sessionId) {
        ws.send(JSON.stringify({ op: 9, d: false }));
        return;
      }
      this.live = true;
      for (const missed of this.sent.filter((p) => p.s > (d.seq ?? 0))) this.send(missed);
      this.dispatch('RESUMED', {});
      this.emit('resumed');
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const type = req.headers['content-type'] ?? '';
    const multipart = type.startsWith('multipart/form-data');
    // A multipart body (files) is read as parts below, never decoded whole as text.
    const raw = multipart ? '' : bytes.toString('utf8');
    const isJson = type.includes('application/json');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: raw === '' ? undefined : isJson ? JSON.parse(raw) : raw,
    };
    const invalid = multipart ? await readMultipart(record, bytes, type) : undefined;
    this.requests.push(record);
    const [status, payload] = invalid ?? this.route(record);
    record.status = status;
    if (payload === undefined) res.writeHead(status).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    this.emit('request', record);
  }

  private route(r: RecordedRequest): [number, unknown] {
    const p = r.path.startsWith(API) ? r.path.slice(API.length) : r.path;
    if (r.method === 'GET' && (p === '/gateway/bot' || p === '/gateway')) {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (r.method === 'GET' && p === '/users/@me') return [200, BOT_USER];
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) {
      const body = r.body as { type: number; data?: Record<string, unknown> };
      if (body.type === 9) {
        const problems = modalProblems(body.data);
        if (problems.length > 0)
          return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      }
      if (body.type === 4 || body.type === 7) {
        const problems = messageProblems(body.data);
        if (problems.length > 0)
          return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      }
      const id = p.split('/')[2] ?? '';
      // Discord answers an interaction once: a second callback is refused.
      if (this.acknowledged.has(id))
        return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
      if (body.type === 9) {
        // A modal cannot answer an autocomplete or a modal submission, and must fit its limits.
        const from = this.interactionTypes.get(id);
        const problems = from === 4 || from === 5 ? ['a modal cannot answer this interaction type'] : [];
        problems.push(...modalProblems(body.data));
        if (problems.length > 0)
          return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      }
      this.acknowledged.add(id);
      if (r.query.with_response !== 'true') return [204, undefined];
      return [
        200,
        { interaction: { id, type: 2 }, resource: { type: body.type, message: fakeMessage(body.data) } },
      ];
    }
    if (r.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(p)) {
      const problems = commandProblems(r.body);
      if (problems.length > 0) return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      const list = r.body as Record<string, unknown>[];
      return [
        200,
        list.map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: '1' })),
      ];
    }
    const channel = /^\/channels\/(\d+)$/.exec(p);
    if (channel && r.method === 'GET') {
      return [
        200,
        { id: channel[1], type: 0, guild_id: GUILD_ID, name: 'help', position: 0, permission_overwrites: [] },
      ];
    }
    const send = /^\/channels\/(\d+)\/messages$/.exec(p);
    if (send && r.method === 'POST') {
      const body = (r.body ?? {}) as Record<string, unknown>;
      const content = String(body.content ?? '');
      const problems = messageProblems(body);
      if (problems.length > 0) return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      if (content === '' && !Array.isArray(body.embeds))
        return [400, { message: 'Cannot send an empty message', code: 50006 }];
      return [200, fakeMessage({ ...body, channel_id: send[1] })];
    }
    const thread = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(p);
    if (thread && r.method === 'POST') {
      const name = String((r.body as { name?: unknown } | undefined)?.name ?? '');
      if (name.length < 1 || name.length > 100) return [400, { message: 'Invalid Form Body', code: 50035 }];
      return [
        201,
        {
          id: snowflake(),
          type: 11,
          guild_id: GUILD_ID,
          parent_id: thread[1],
          name,
          owner_id: BOT_USER.id,
          member_count: 1,
          message_count: 0,
          thread_metadata: {
            archived: false,
            auto_archive_duration: 1440,
            locked: false,
            archive_timestamp: new Date().toISOString(),
          },
        },
      ];
    }
    const hook = /^\/webhooks\/\d+\/[^/]+(\/messages\/([^/]+))?$/.exec(p);
    if (hook) {
      if (r.method === 'DELETE') return [204, undefined];
      const problems = messageProblems(r.body);
      if (problems.length > 0) return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      return [200, fakeMessage(r.body as Record<string, unknown> | undefined)];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }
}

/**
 * Reads a multipart body as Discord does: `payload_json` plus `files[n]` parts. Rejects what Discord
 * rejects: oversized or too many files, and `attachments` entries that name no uploaded file.
 */
async function readMultipart(
  record: RecordedRequest,
  raw: Buffer,
  type: string,
): Promise<[number, unknown] | undefined> {
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const files: UploadedFile[] = [];
  let payload: Record<string, unknown> = {};
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') payload = JSON.parse(value) as Record<string, unknown>;
    } else files.push({ field, name: value.name, data: Buffer.from(await value.arrayBuffer()) });
  }
  record.files = files;
  // An interaction callback carries its message under `data`; a webhook edit carries it at the top.
  const message = (payload.data as Record<string, unknown> | undefined) ?? payload;
  record.body = payload;
  const tooLarge = files.find((f) => f.data.length > MAX_FILE_BYTES);
  if (tooLarge || files.length > MAX_FILES)
    return [413, { message: 'Request entity too large', code: 40005 }];
  const attachments = (message.attachments as { id: string | number; filename?: string }[] | undefined) ?? [];
  for (const a of attachments) {
    if (!files.some((f) => f.field === `files[${a.id}]`))
      return [
        400,
        {
          message: 'Invalid Form Body',
          code: 50035,
          errors: { attachments: { _errors: [{ code: 'ATTACHMENT_NOT_FOUND' }] } },
        },
      ];
  }
  return undefined;
}
