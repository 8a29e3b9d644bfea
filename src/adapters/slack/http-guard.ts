import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerOptions, ServerResponse } from 'node:http';

/**
 * What stands in front of Bolt's HTTPReceiver. Bolt reads a body (up to its limit) before it checks
 * the signature, so unsigned traffic could make it buffer megabytes per request. Here, before a byte
 * of the body is read:
 * - a body that is not announced with Content-Length, or is larger than the limit, is refused (411, 413);
 * - a request without Slack's signature headers, or with a timestamp outside Slack's 5 minutes, gets 401;
 * - while the bodies being read add up to more than the budget, another gets 429 (Retry-After: 1).
 * With the signing secret, the guard then reads the body itself, into one buffer of the announced size,
 * hashing it as it arrives: a forged signature gets 401 without the body ever becoming a string, and a
 * verified body is handed to Bolt already read (Bolt's `rawBody`), so it is not read twice.
 * The connection is closed after such a refusal. Together with the server's header, request and
 * keep-alive timeouts, unsigned traffic cannot hold more than the budget in memory, nor a connection
 * for long.
 */

/** Slack's payloads are kilobytes; a 40,000-character message with its rich-text blocks stays under this. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** The most body bytes read at once, over every request not yet verified or answered. */
export const BODY_BUDGET_BYTES = 8 * 1024 * 1024;
/** A refused body up to this size is read and dropped, keeping its connection; a larger one never is. */
const REFUSED_DRAIN_BYTES = 16 * 1024;
/** How long a refused request's body may keep coming (and be dropped) before the connection is cut. */
const REFUSED_GRACE_MS = 250;
/** Slack refuses requests older than five minutes; so does Bolt, after reading the body. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Node's http server options for the events port: headers in 5 s, the whole request in 10 s. */
export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: 5000,
  requestTimeout: 10_000,
  keepAliveTimeout: 5000,
  // How often Node enforces the two timeouts above (30 s by default).
  connectionsCheckingInterval: 1000,
  maxHeaderSize: 16 * 1024,
};

export interface GuardOptions {
  /** Only POSTs to this path are guarded; custom routes (GET /healthz…) pass through. */
  path: string;
  bodyLimit?: number;
  budget?: number;
  now?: () => number;
  onReject?: (status: number, reason: string) => void;
  /** Slack's signing secret: when given, the guard reads and verifies the body before Bolt sees it. */
  signingSecret?: string;
}

/** What Bolt's HTTPReceiver takes as a body it need not read again. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/** Wraps Bolt's request listener with the checks above. */
export function guardRequests(next: RequestListener, options: GuardOptions): RequestListener {
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const budget = options.budget ?? BODY_BUDGET_BYTES;
  const now = options.now ?? Date.now;
  let reading = 0;

  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== options.path) {
      next(req, res);
      return;
    }
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
      options.onReject?.(status, reason);
      // Read no more of it: the body the client keeps sending waits in the kernel, not in this process.
      req.socket.pause();
      // Node "dumps" a body nobody read once the response is finished (IncomingMessage#_dump resumes
      // the socket and reads the body to its end, dropping it, to reuse the connection). For a large
      // refused body that reads every refused byte anyway, as garbage: 600 refused 4 MB bodies grew
      // RSS by 62–88 MB on Node 24 and ~40 MB on Node 20 that way, 9–25 MB without it. So only a
      // small announced body is dumped (the connection then serves the client's next request, as a
      // kept-alive one should); any other is never read and its connection is closed below.
      const announced = Number(req.headers['content-length']);
      if (!(announced <= REFUSED_DRAIN_BYTES))
        (req as IncomingMessage & { _dump?: () => void })._dump = () => {};
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end();
      // The body that follows is not read at all: the socket is paused (the client's sends block) and,
      // after a short grace that lets the client read the answer, closed.
      const socket = req.socket;
      res.once('finish', () => {
        if (req.complete) return;
        socket.pause();
        const cut = setTimeout(() => socket.destroy(), REFUSED_GRACE_MS);
        cut.unref();
        socket.once('close', () => clearTimeout(cut));
        req.once('end', () => clearTimeout(cut));
      });
    };

    const declared = req.headers['content-length'];
    if (declared === undefined || !/^\d+$/.test(declared)) return refuse(411, 'no content-length');
    const length = Number(declared);
    if (length > limit) return refuse(413, 'body too large');
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string' || !signature.startsWith('v0=') || !Number.isFinite(timestamp))
      return refuse(401, 'unsigned');
    if (Math.abs(now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) return refuse(401, 'stale timestamp');
    if (reading + length > budget) return refuse(429, 'body budget exhausted', { 'retry-after': '1' });

    reading += length;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      reading -= length;
    };
    res.once('finish', release);
    res.once('close', release);
    if (options.signingSecret === undefined) {
      next(req, res);
      return;
    }
    readVerified(req, length, options.signingSecret, timestamp, signature, (ok) => {
      if (ok === 'verified') return next(req, res);
      if (res.headersSent || res.destroyed) return;
      // The whole body was read: the connection serves the client's next request as usual.
      options.onReject?.(ok === 'forged' ? 401 : 400, ok === 'forged' ? 'bad signature' : 'body cut short');
      res.writeHead(ok === 'forged' ? 401 : 400, { 'content-type': 'text/plain' }).end();
    });
  };
}

/**
 * Reads an announced body of `length` bytes into one buffer while hashing it (Slack's v0 scheme:
 * HMAC-SHA256 of `v0:<timestamp>:<body>`); on a match the buffer becomes the request's `rawBody`.
 */
function readVerified(
  req: BufferedRequest,
  length: number,
  secret: string,
  timestamp: number,
  signature: string,
  done: (result: 'verified' | 'forged' | 'incomplete') => void,
): void {
  const body = Buffer.allocUnsafe(length);
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:`);
  let offset = 0;
  let finished = false;
  const finish = (result: 'verified' | 'forged' | 'incomplete') => {
    if (finished) return;
    finished = true;
    done(result);
  };
  req.on('data', (chunk: Buffer) => {
    // Node's parser stops a body at its Content-Length; a longer one cannot reach here.
    const n = Math.min(chunk.length, length - offset);
    chunk.copy(body, offset, 0, n);
    hmac.update(n === chunk.length ? chunk : chunk.subarray(0, n));
    offset += n;
  });
  req.once('end', () => {
    if (offset !== length) return finish('incomplete');
    const expected = Buffer.from(`v0=${hmac.digest('hex')}`);
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return finish('forged');
    req.rawBody = body;
    finish('verified');
  });
  req.once('error', () => finish('incomplete'));
  req.once('aborted', () => finish('incomplete'));
}
