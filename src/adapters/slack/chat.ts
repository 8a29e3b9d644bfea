import { stringify } from 'node:querystring';
import type { webApi } from '@slack/bolt';
import type { TimedRequestInit } from './agent-fetch.js';

/**
 * chat.postMessage and chat.postEphemeral — every reply — without the Web API client's per-call work
 * that a reply does not need: a redacted JSON copy of the request and of the answer for a debug line
 * built at any log level, its request queue and retry wrappers. Measured against the local Slack
 * server with a real reply's blocks: 301 → 175 µs of CPU per post on the client side.
 *
 * Kept as the client does it: the same form body and headers through the same `fetch` (keep-alive
 * agent, idempotent retries: idempotent-fetch.ts), the request timeout, the retry policy (network
 * errors, timeouts and HTTP errors are retried with the same backoff; a 429 waits for its Retry-After
 * first), and its errors: a Slack refusal (`ok: false`) is a `slack_webapi_platform_error` with the
 * answer as `data`, never retried. Not kept: a 429 here does not pause the client's other calls.
 *
 * The two calls around a chart upload (files.getUploadURLExternal, files.completeUploadExternal) take
 * the same path, and files.uploadV2 of one Buffer (a chart) sends its bytes raw to the upload URL
 * (uploadOne). Installed on each Web API client the app's listeners receive, once per client.
 */

type Client = webApi.WebClient;
type Args = Record<string, unknown>;

export interface FastChatOptions {
  /** With `timed`, it takes the request timeout as `timeoutMs` (agent-fetch.ts) instead of a signal. */
  fetch: webApi.FetchFunction & { timed?: boolean };
  retry: webApi.RetryOptions;
  timeoutMs: number;
}

/** The calls of every reply, and the two of a chart upload (files.uploadV2 makes them through these). */
const METHODS = [
  ['chat', 'postMessage'],
  ['chat', 'postEphemeral'],
  ['files', 'getUploadURLExternal'],
  ['files', 'completeUploadExternal'],
] as const;

export function fastChat(options: FastChatOptions): (client: Client) => void {
  const installed = new WeakSet<Client>();
  return (client) => {
    if (installed.has(client)) return;
    installed.add(client);
    for (const [group, name] of METHODS) {
      const method = `${group}.${name}`;
      (client[group] as unknown as Record<string, (args: Args) => Promise<unknown>>)[name] = (args) =>
        call(client, method, args, options);
    }
    const uploadV2 = client.files.uploadV2.bind(client.files);
    client.files.uploadV2 = ((args: Args) =>
      isOneBuffer(args) ? uploadOne(client, args, options) : uploadV2(args as never)) as never;
  };
}

/**
 * The methods whose arguments go as a JSON body, the encoding Slack recommends for them: a third
 * smaller than the form (the blocks are not percent-encoded) and cheaper to build and to read. The
 * upload calls keep the form, as the Web API client sends them.
 */
const JSON_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral']);

function call(client: Client, method: string, args: Args, options: FastChatOptions): Promise<unknown> {
  const token = typeof args.token === 'string' ? args.token : client.token;
  const json = JSON_METHODS.has(method);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
  const body = json ? JSON.stringify(jsonOf(args)) : stringify(formOf(args));
  return post(`${client.slackApiUrl}${method}`, headers, body, options, (text) => answer(method, text));
}

/** One POST under the retry policy: `ok` reads a 200's text; a 429 waits, other statuses are HTTP errors. */
async function post<T>(
  url: string,
  headers: Record<string, string>,
  body: string | Buffer,
  options: FastChatOptions,
  ok: (text: string) => T,
): Promise<T> {
  const retries = options.retry.retries ?? 0;
  for (let attempt = 0; ; attempt++) {
    let failure: Error;
    try {
      // A plain timer where the fetch takes one (agent-fetch.ts): an AbortSignal per call costs more.
      const init: TimedRequestInit = {
        method: 'POST',
        headers,
        body: body as string,
        redirect: 'error',
        ...(options.fetch.timed === true
          ? { timeoutMs: options.timeoutMs }
          : { signal: AbortSignal.timeout(options.timeoutMs) }),
      };
      const res = await options.fetch(url, init);
      if (res.status === 200) return ok(await res.text());
      if (res.status === 429) {
        const seconds = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
        if (!Number.isFinite(seconds)) throw rateLimitedWithoutDelay(url);
        await res.text();
        if (attempt >= retries) throw httpError(res.status, res.statusText);
        await sleep(seconds * 1000);
        continue;
      }
      failure = httpError(res.status, res.statusText, await res.text());
    } catch (err) {
      if ((err as { code?: string }).code === PLATFORM_ERROR || (err as { noRetry?: boolean }).noRetry)
        throw err;
      failure = requestError(err);
    }
    if (attempt >= retries) throw failure;
    await sleep(backoff(options.retry, attempt));
  }
}

/** files.uploadV2 of one file given as a Buffer (a chart): what upload.ts sends. */
interface OneBuffer {
  file: Buffer;
  filename: string;
  title?: string;
  alt_text?: string;
  channel_id?: string;
  thread_ts?: string;
  token?: string;
}

const ONE_BUFFER_KEYS = new Set([
  'file',
  'filename',
  'title',
  'alt_text',
  'channel_id',
  'thread_ts',
  'token',
]);

function isOneBuffer(args: Args): args is Args & OneBuffer {
  return (
    Buffer.isBuffer(args.file) &&
    typeof args.filename === 'string' &&
    Object.keys(args).every((k) => ONE_BUFFER_KEYS.has(k))
  );
}

/**
 * files.uploadV2 for one Buffer, as the Web API client makes it — files.getUploadURLExternal, the
 * bytes to the upload URL, files.completeUploadExternal into the channel (and thread) — with the
 * bytes sent raw, as Slack's upload URL takes them, instead of a multipart form encoded through the
 * platform's Response and Blob. Anything else (several files, a path, a string's content) goes to the
 * client's own files.uploadV2.
 */
async function uploadOne(client: Client, args: OneBuffer, options: FastChatOptions): Promise<unknown> {
  const auth: Args = args.token ? { token: args.token } : {};
  const target = (await client.files.getUploadURLExternal({
    ...auth,
    filename: args.filename,
    length: args.file.length,
    ...(args.alt_text !== undefined ? { alt_text: args.alt_text } : {}),
  } as never)) as { upload_url?: string; file_id?: string };
  if (!target.upload_url || !target.file_id)
    throw new Error(`No upload url found for file (filename: ${args.filename})`);
  await post(
    target.upload_url,
    // As the client does: the token goes along only when the call named one.
    {
      'Content-Type': 'application/octet-stream',
      ...(args.token ? { Authorization: `Bearer ${args.token}` } : {}),
    },
    args.file,
    options,
    () => undefined,
  );
  const completed = await client.files.completeUploadExternal({
    ...auth,
    files: [{ id: target.file_id, title: args.title ?? args.filename }],
    ...(args.channel_id !== undefined ? { channel_id: args.channel_id } : {}),
    ...(args.thread_ts !== undefined ? { thread_ts: args.thread_ts } : {}),
  } as never);
  return { ok: true, files: [completed] };
}

/** The arguments as a JSON body: nothing for undefined or null, no token (it is in the header). */
function jsonOf(args: Args): Args {
  const out: Args = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null || key === 'token') continue;
    out[key] = value;
  }
  return out;
}

/** The body the client sends: objects as JSON, nothing for undefined or null. */
function formOf(args: Args): Record<string, string | number | boolean> {
  const form: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null || key === 'token') continue;
    form[key] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  }
  return form;
}

const PLATFORM_ERROR = 'slack_webapi_platform_error';

function answer(method: string, text: string): unknown {
  let data: { ok?: boolean; error?: string };
  try {
    data = JSON.parse(text);
  } catch {
    data = { ok: false, error: text };
  }
  if (data.ok) return data;
  throw Object.assign(new Error(`An API error occurred: ${data.error ?? method}`), {
    code: PLATFORM_ERROR,
    data,
  });
}

function httpError(statusCode: number, statusMessage: string, body?: string): Error {
  return Object.assign(new Error(`An HTTP protocol error occurred: statusCode = ${statusCode}`), {
    code: 'slack_webapi_http_error',
    statusCode,
    statusMessage,
    ...(body !== undefined ? { body } : {}),
  });
}

function requestError(original: unknown): Error {
  const err = original instanceof Error ? original : new Error(String(original));
  return Object.assign(new Error(`A request error occurred: ${err.message}`), {
    code: 'slack_webapi_request_error',
    original: err,
  });
}

function rateLimitedWithoutDelay(url: string): Error {
  return Object.assign(new Error(`Retry header did not contain a valid timeout (url: ${url})`), {
    noRetry: true,
  });
}

/** The retry package's backoff: minTimeout × factor^attempt, at most maxTimeout (randomized if asked). */
function backoff(retry: webApi.RetryOptions, attempt: number): number {
  const random = retry.randomize ? Math.random() + 1 : 1;
  const ms = Math.round(random * Math.max(retry.minTimeout ?? 1000, 1) * (retry.factor ?? 2) ** attempt);
  return Math.min(ms, retry.maxTimeout ?? Number.POSITIVE_INFINITY);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
