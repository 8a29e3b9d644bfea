import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { agentFetch } from '../../src/adapters/slack/agent-fetch.js';
import { SlackServer } from '../helpers/slack-server.js';

/**
 * The Web API client's HTTP requests through a keep-alive agent (agent-fetch.ts): what the client
 * reads of an answer, connection reuse, aborts, refused redirects, and multipart bodies handed to the
 * global fetch.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{
  url: string;
  server: Server;
  connections: () => number;
}> {
  let connections = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => handler(req, res, body));
  });
  server.on('connection', () => {
    connections += 1;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, connections: () => connections };
}

function fetcher(fallback?: Parameters<typeof agentFetch>[0]) {
  const f = agentFetch(fallback);
  cleanups.push(() => f.destroy());
  return f;
}

describe('agentFetch', () => {
  it('sends the body and headers, and answers what the Web API client reads', async () => {
    const seen: { method?: string; type?: string; length?: string; body?: string } = {};
    const { url } = await serve((req, res, body) => {
      Object.assign(seen, {
        method: req.method,
        type: req.headers['content-type'],
        length: req.headers['content-length'],
        body,
      });
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-OAuth-Scopes': 'chat:write, files:write' });
      res.end('{"ok":true,"ts":"1.000100","text":"é"}');
    });
    const body = 'channel=C1&text=%C3%A9t%C3%A9';
    const res = await fetcher()(`${url}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'error',
    });
    expect(seen).toEqual({
      method: 'POST',
      type: 'application/x-www-form-urlencoded',
      length: String(Buffer.byteLength(body)),
      body,
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${url}/api/chat.postMessage`);
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write, files:write');
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('retry-after')).toBeNull();
    expect(Object.fromEntries(res.headers.entries())['content-type']).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, ts: '1.000100', text: 'é' });
  });

  it('reuses one connection for calls one after another', async () => {
    const { url, connections } = await serve((_req, res) => res.end('{"ok":true}'));
    const f = fetcher();
    for (let i = 0; i < 5; i++) {
      const res = await f(`${url}/api/auth.test`, { method: 'POST', body: 'a=1' });
      expect(await res.text()).toBe('{"ok":true}');
    }
    expect(connections()).toBe(1);
  });

  it('answers a 429 with its Retry-After, and a 500 as it is', async () => {
    let n = 0;
    const { url } = await serve((_req, res) => {
      n += 1;
      if (n === 1) res.writeHead(429, { 'Retry-After': '3' }).end();
      else res.writeHead(500).end('oops');
    });
    const f = fetcher();
    const limited = await f(`${url}/api/x`, { method: 'POST', body: '' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const failed = await f(`${url}/api/x`, { method: 'POST', body: '' });
    expect(failed.status).toBe(500);
    expect(failed.ok).toBe(false);
    expect(await failed.text()).toBe('oops');
  });

  it('rejects when the signal aborts (the client timeout), before or during the call', async () => {
    const { url } = await serve(() => {
      // Never answers.
    });
    const f = fetcher();
    await expect(
      f(`${url}/api/x`, { method: 'POST', body: 'a=1', signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    const aborted = new AbortController();
    aborted.abort(new Error('gone'));
    await expect(f(`${url}/api/x`, { method: 'POST', body: 'a=1', signal: aborted.signal })).rejects.toThrow(
      'gone',
    );
  });

  it('takes the timeout as timeoutMs: a timer ends a late call, an answer in time clears it', async () => {
    let calls = 0;
    const { url } = await serve((_req, res) => {
      calls += 1;
      // The first call never answers; the second answers at once.
      if (calls > 1) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const f = fetcher();
    expect(f.timed).toBe(true);
    const started = Date.now();
    await expect(
      f(`${url}/api/x`, { method: 'POST', body: 'a=1', timeoutMs: 100 } as never),
    ).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const res = await f(`${url}/api/x`, { method: 'POST', body: 'a=1', timeoutMs: 100 } as never);
    expect(await res.text()).toBe('{"ok":true}');
    // Past the timeout, the answered call is left alone (its timer was cleared with the answer).
    await new Promise((r) => setTimeout(r, 150));
    expect(calls).toBe(2);
    // A body it hands to the global fetch gets the timeout as a signal there.
    let seen: RequestInit | undefined;
    const g = fetcher(async (_u, init) => {
      seen = init as RequestInit;
      return new Response('{}') as never;
    });
    await g(`${url}/api/x`, { method: 'POST', body: new Blob(['x']), timeoutMs: 50 } as never);
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
    expect(seen).not.toHaveProperty('timeoutMs');
  });

  it('refuses a redirect, as fetch does with redirect: "error"', async () => {
    const { url } = await serve((_req, res) =>
      res.writeHead(302, { Location: 'http://example.invalid/' }).end(),
    );
    await expect(
      fetcher()(`${url}/api/x`, { method: 'POST', body: 'a=1', redirect: 'error' }),
    ).rejects.toThrow(/redirect/);
  });

  it('rejects when the server cannot be reached', async () => {
    const { url, server } = await serve((_req, res) => res.end());
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(fetcher()(`${url}/api/x`, { method: 'POST', body: 'a=1' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('sends a multipart body (a file upload) itself, and hands other bodies to the global fetch', async () => {
    const seen: { type?: string; body?: string } = {};
    const { url } = await serve((req, res, body) => {
      Object.assign(seen, { type: req.headers['content-type'], body });
      res.end('uploaded');
    });
    const calls: unknown[] = [];
    const fallback = async (input: string | URL, init?: unknown) => {
      calls.push([String(input), init]);
      return new Response('ok');
    };
    const f = fetcher(fallback);
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('PNGDATA')]), 'chart.png');
    const res = await f(`${url}/upload`, { method: 'POST', body: form });
    expect(await res.text()).toBe('uploaded');
    expect(seen.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.body).toContain('filename="chart.png"');
    expect(seen.body).toContain('PNGDATA');
    expect(calls).toHaveLength(0);
    const other = await f(`${url}/x`, { method: 'POST', body: new URLSearchParams('a=1') as never });
    expect(await other.text()).toBe('ok');
    expect(calls).toHaveLength(1);
  });

  it('carries the Web API client: a post and a file upload reach the local Slack server', async () => {
    const slack = await SlackServer.start();
    cleanups.push(() => slack.close());
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, fetch: fetcher() });
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'hello' });
    expect(posted.ok).toBe(true);
    expect(slack.callsTo('chat.postMessage')[0]?.body.text).toBe('hello');
    await client.files.uploadV2({
      channel_id: 'C0CHAN0001',
      file: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      filename: 'chart.png',
    });
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });
});

describe('formField (idempotent-fetch.ts reads three fields of a post)', () => {
  it('reads a field as URLSearchParams does, without decoding the rest', async () => {
    const { formField } = await import('../../src/adapters/slack/idempotent-fetch.js');
    const { stringify } = await import('node:querystring');
    const body = stringify({
      xchannel: 'no',
      channel: 'C0CHAN0001',
      blocks: JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'a & b = c?%' } }]),
      metadata: JSON.stringify({ event_type: 'briefbot_reply', event_payload: { post_id: 'p 1+2' } }),
      thread_ts: '1700000000.000100',
    });
    const params = new URLSearchParams(body);
    for (const name of ['channel', 'blocks', 'metadata', 'thread_ts', 'missing', 'annel'])
      expect(formField(body, name)).toBe(params.get(name));
    expect(formField('a=1+2&b=%zz', 'a')).toBe('1 2');
    expect(formField('a=1+2&b=%zz', 'b')).toBe(new URLSearchParams('b=%zz').get('b'));
  });
});
