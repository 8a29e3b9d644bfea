import { once } from 'node:events';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningAdapter } from '../../src/adapters/types.js';
import { type Briefbot, startBriefbot } from '../../src/app.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { healthReport } from '../../src/ops/health.js';
import { createMetrics } from '../../src/services/metrics.js';
import { askQuestion } from '../../src/services/pipeline.js';
import { SIGNING_SECRET } from '../helpers/slack-requests.js';
import { SlackServer } from '../helpers/slack-server.js';
import { freePort } from './spawn-main.js';
import { capturedLogger, KNOWLEDGE, tempDir, testConfig } from './support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(overrides: Parameters<typeof testConfig>[0]): Promise<Briefbot> {
  const data = tempDir();
  cleanups.push(data.cleanup);
  const bot = await startBriefbot(testConfig({ dataDir: data.dir, ...overrides }), capturedLogger().logger);
  cleanups.push(() => bot.stop());
  return bot;
}

describe('GET /healthz, /readyz and /metrics', () => {
  it('console mode: the public /healthz and /readyz on HEALTH_PORT, /metrics only on OPS_PORT', async () => {
    const bot = await start({ healthPort: await freePort(), opsPort: await freePort() });
    const base = `http://127.0.0.1:${bot.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);

    const ops = `http://127.0.0.1:${bot.opsPort}`;
    expect(await (await fetch(`${ops}/healthz`)).json()).toEqual({
      status: 'ok',
      adapters: [],
      knowledge: { entries: bot.knowledge.current().size },
      sharedState: 'memory',
    });
    await askQuestion(bot.services, { platform: 'console', userId: 'a' }, 'How much did Nvidia fall?');
    await askQuestion(bot.services, { platform: 'console', userId: 'a' }, 'best pizza in Naples?');
    const metrics = await fetch(`${ops}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(
      /briefbot_questions_total\{platform="console",kind="fact",lang="en",answered="true"\} 1/,
    );
    expect(text).toMatch(
      /briefbot_questions_total\{platform="console",kind="none",lang="en",answered="false"\} 1/,
    );
    expect(text).toMatch(/briefbot_answered_ratio 0\.5/);
    expect(text).toMatch(/briefbot_question_latency_seconds_count\{platform="console"\} 2/);
    expect(text).toMatch(new RegExp(`briefbot_knowledge_entries ${bot.knowledge.current().size}`));
    expect(text).toMatch(/briefbot_knowledge_reloads_total 0/);
    expect(text).toMatch(/briefbot_knowledge_reload_failures_total 0/);
    expect(text).toMatch(/briefbot_shared_state_degraded 0/);

    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('console mode opens no port without HEALTH_PORT or OPS_PORT', async () => {
    const bot = await start({});
    expect(bot.port).toBeUndefined();
    expect(bot.opsPort).toBeUndefined();
  });

  it('console mode still starts when HEALTH_PORT is busy', async () => {
    const first = await start({ healthPort: await freePort() });
    const second = await start({ healthPort: first.port as number });
    expect(second.port).toBeUndefined();
  });

  it('Slack HTTP mode: the cheap /healthz on PORT next to /slack/events, never /metrics', async () => {
    const slack = await SlackServer.start();
    cleanups.push(() => slack.close());
    const port = await freePort();
    const bot = await start({
      port,
      slack: { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, mode: 'http' },
    });
    expect(bot.port).toBe(port);
    expect(bot.opsPort).toBeUndefined();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
  });

  it('METRICS_TOKEN: /metrics and the detailed health on the public port to the bearer only', async () => {
    const slack = await SlackServer.start();
    cleanups.push(() => slack.close());
    const port = await freePort();
    const token = 'ops-token-0123456789abcdef';
    await start({
      port,
      metricsToken: token,
      slack: { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, mode: 'http' },
    });
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = { headers: { authorization: 'Bearer ops-token-0123456789abcdeX' } };
    expect((await fetch(`${url}/metrics`, wrong)).status).toBe(401);
    const right = { headers: { authorization: `Bearer ${token}` } };
    const metrics = await fetch(`${url}/metrics`, right);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('briefbot_questions_total');
    expect(await (await fetch(`${url}/healthz`, wrong)).json()).toEqual({ status: 'ok' });
    expect(((await (await fetch(`${url}/healthz`, right)).json()) as { adapters: unknown }).adapters).toEqual(
      [{ name: 'slack', healthy: true }],
    );
  });

  it('the ops port cuts off a request whose headers never end (5 s), instead of holding it for a minute', async () => {
    const bot = await start({ opsPort: await freePort() });
    const started = Date.now();
    const socket = connect(bot.opsPort as number, '127.0.0.1');
    socket.on('error', () => {});
    socket.resume();
    socket.write('GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    await once(socket, 'close');
    const ms = Date.now() - started;
    expect(ms).toBeGreaterThan(4000);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);

  it('the ops port listens on 127.0.0.1 by default', async () => {
    const bot = await start({ host: '0.0.0.0', opsPort: await freePort() });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal);
    expect((await fetch(`http://127.0.0.1:${bot.opsPort}/metrics`)).status).toBe(200);
    for (const i of others) {
      await expect(fetch(`http://${i?.address}:${bot.opsPort}/metrics`)).rejects.toThrow();
    }
  });
});

describe('healthReport', () => {
  const engine = loadEngineFromDir(KNOWLEDGE);
  const adapter = (name: string, healthy: boolean): RunningAdapter => ({
    name,
    healthy: () => healthy,
    stop: async () => {},
  });
  const sources = (adapters: RunningAdapter[], accepting = true) => ({
    adapters: () => adapters,
    engine: () => engine,
    metrics: createMetrics({ defaults: false }),
    accepting: () => accepting,
  });

  it('is unavailable when one adapter is disconnected', () => {
    const report = healthReport(sources([adapter('discord', true), adapter('slack', false)]));
    expect(report.status).toBe('unavailable');
    expect(report.adapters).toEqual([
      { name: 'discord', healthy: true },
      { name: 'slack', healthy: false },
    ]);
  });

  it('is unavailable once shutdown has begun', () => {
    expect(healthReport(sources([adapter('discord', true)], false)).status).toBe('unavailable');
  });

  it('is ok when every adapter is connected and knowledge is loaded', () => {
    expect(healthReport(sources([adapter('discord', true)])).status).toBe('ok');
  });

  it('is degraded (still serving) while the shared state answers from memory', () => {
    const report = healthReport({ ...sources([adapter('discord', true)]), sharedState: () => 'degraded' });
    expect(report.status).toBe('degraded');
    expect(report.sharedState).toBe('degraded');
    const closing = { ...sources([adapter('discord', true)], false), sharedState: () => 'degraded' as const };
    expect(healthReport(closing).status).toBe('unavailable');
  });
});
