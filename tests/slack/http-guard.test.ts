import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { Agent, createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardRequests, SERVER_OPTIONS } from '../../src/adapters/slack/http-guard.js';

/**
 * The guard in front of Bolt (http-guard.ts), on a real node:http server with the events port's
 * options: a refused request's body is never read — not by the guard, and not by Node's own "dump" of
 * an unread body after the answer — and the connection is closed.
 */

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function guarded(
  signingSecret?: string,
): Promise<{ port: number; sockets: Socket[]; passed: () => number; bodies: (string | undefined)[] }> {
  let passed = 0;
  const sockets: Socket[] = [];
  const bodies: (string | undefined)[] = [];
  const listener = guardRequests(
    (req, res) => {
      passed += 1;
      bodies.push((req as typeof req & { rawBody?: Buffer }).rawBody?.toString('utf8'));
      res.end('ok');
    },
    { path: '/slack/events', ...(signingSecret ? { signingSecret } : {}) },
  );
  const server = createServer(SERVER_OPTIONS, listener);
  server.on('connection', (s) => sockets.push(s));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, sockets, passed: () => passed, bodies };
}

/** Sends the headers, then `size` bytes as fast as the server takes them; the status line seen, if any. */
function post(port: number, headers: Record<string, string>, size: number): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    let status: number | 'closed' = 'closed';
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (m && status === 'closed') status = Number(m[1]);
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(status));
    socket.on('connect', () => {
      const lines = [
        'POST /slack/events HTTP/1.1',
        'Host: x',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < size && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
  });
}

const FOUR_MB = 4 * 1024 * 1024;

describe('the guard in front of Bolt', () => {
  it('refuses a 4 MB unsigned body on its headers (413) without reading it, and closes the connection', async () => {
    const g = await guarded();
    const status = await post(g.port, { 'Content-Length': String(FOUR_MB) }, FOUR_MB);
    expect(status).toBe(413);
    expect(g.passed()).toBe(0);
    // What the server read from the connection: its headers and at most the first reads that came with
    // them. Node's dump of the unread body (after the answer) would have read all 4 MB.
    const read = g.sockets.reduce((sum, s) => sum + s.bytesRead, 0);
    expect(read).toBeLessThan(1024 * 1024);
  });

  it('refuses an unsigned body under the limit (401) without reading it', async () => {
    const g = await guarded();
    const size = 200 * 1024;
    expect(await post(g.port, { 'Content-Length': String(size) }, size)).toBe(401);
    expect(g.passed()).toBe(0);
  });

  it('passes a signed-looking request of announced size on to Bolt', async () => {
    const g = await guarded();
    const res = await fetch(`http://127.0.0.1:${g.port}/slack/events`, {
      method: 'POST',
      headers: {
        'x-slack-signature': `v0=${'0'.repeat(64)}`,
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      },
      body: '{}',
    });
    expect(await res.text()).toBe('ok');
    expect(g.passed()).toBe(1);
  });

  it('keeps a kept-alive connection serving after refusing a small request whose body had arrived', async () => {
    const g = await guarded();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const ask = (headers: Record<string, string>) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port: g.port, path: '/slack/events', method: 'POST', agent, headers },
            (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => {
                body += c;
              });
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            },
          );
          req.on('error', reject);
          req.end('{}');
        });
      expect((await ask({})).status).toBe(401);
      const signed = await ask({
        'x-slack-signature': `v0=${'0'.repeat(64)}`,
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      });
      expect(signed).toEqual({ status: 200, body: 'ok' });
      // One connection carried both.
      expect(g.sockets).toHaveLength(1);
    } finally {
      agent.destroy();
    }
  });

  it('reads and drops a small refused body that arrives after the answer, and serves the next request', async () => {
    const g = await guarded();
    const socket = connect(g.port, '127.0.0.1');
    let seen = '';
    socket.on('data', (d: Buffer) => {
      seen += d.toString('latin1');
    });
    await once(socket, 'connect');
    // Headers first; the unsigned request is refused on them.
    socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n');
    while (!seen.includes('\r\n\r\n')) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toMatch(/^HTTP\/1\.1 401/);
    // Its body comes after the answer, then the next request on the same connection, past the 250 ms
    // a refused connection is otherwise given.
    socket.write('{}');
    await new Promise((r) => setTimeout(r, 400));
    const ts = String(Math.floor(Date.now() / 1000));
    socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\nX-Slack-Request-Timestamp: ${ts}\r\n\r\n{}`,
    );
    const deadline = Date.now() + 5000;
    while (!seen.endsWith('ok') && Date.now() < deadline && !socket.destroyed)
      await new Promise((r) => setTimeout(r, 10));
    socket.destroy();
    expect(seen.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 401', 'HTTP/1.1 200']);
    expect(g.passed()).toBe(1);
  });

  it('with the signing secret, refuses a forged body once read (401, same connection) and hands a signed one to Bolt already read', async () => {
    const secret = 'test-signing-secret';
    const g = await guarded(secret);
    const ts = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify({ type: 'event_callback', text: 'é'.repeat(50_000) });
    const sign = (b: string) => `v0=${createHmac('sha256', secret).update(`v0:${ts}:${b}`).digest('hex')}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (signature: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: g.port,
            path: '/slack/events',
            method: 'POST',
            agent,
            headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect(await send(sign(`${body} `))).toBe(401);
      expect(g.passed()).toBe(0);
      expect(await send(sign(body))).toBe(200);
      expect(g.bodies).toEqual([body]);
      expect(g.sockets).toHaveLength(1);
    } finally {
      agent.destroy();
    }
  });
});
