import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mentionEvent, newTs, postEvent, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { BOT_ID, BOT_USER_ID, SlackServer, TEAM_ID, waitFor } from '../helpers/slack-server.js';
import { cleanEnv, freePort, type MainProcess, spawnMain } from '../ops/spawn-main.js';
import { tempDir } from '../ops/support.js';

/**
 * The guarantee of README "Acknowledged work": a Slack question event acknowledged by the bot is
 * journaled before the ack; if the process dies before answering, the next start answers it. Here the
 * real app acknowledges 70 mentions while its Web API never answers, is SIGKILLed, and is started again
 * against a working Web API.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A Web API that checks the token and then holds every other call open: nothing is ever posted. */
async function blackHole(): Promise<{ apiUrl: string; held: () => number; close(): Promise<void> }> {
  let held = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/api/auth.test')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ok: true,
            team_id: TEAM_ID,
            user_id: BOT_USER_ID,
            bot_id: BOT_ID,
            user: 'briefbot',
          }),
        );
        return;
      }
      held += 1;
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    held: () => held,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('acknowledged Slack events survive a crash', () => {
  it('SIGKILL after 70 acknowledged, unanswered mentions: all 70 are answered once after the restart', async () => {
    const data = tempDir();
    cleanups.push(data.cleanup);
    const hole = await blackHole();
    cleanups.push(() => hole.close());
    const port = await freePort();
    const env = (apiUrl: string) =>
      cleanEnv({
        SLACK_BOT_TOKEN: 'xoxb-crash-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: apiUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(data.dir, 'data'),
        KNOWLEDGE_DIR: path.resolve('knowledge'),
        RATE_LIMIT_PER_MINUTE: '1000',
        MAX_IN_FLIGHT: '200',
        RELOAD: 'false',
        LOG_LEVEL: 'info',
      });
    let first: MainProcess | undefined = spawnMain(env(hole.apiUrl), { stdin: 'ignore' });
    cleanups.push(() => first?.kill());
    await first.waitForLog('briefbot started');

    const events = `http://127.0.0.1:${port}/slack/events`;
    const threads: string[] = [];
    for (let i = 0; i < 70; i += 1) {
      const ts = newTs();
      threads.push(ts);
      const res = await postEvent(
        events,
        mentionEvent({ text: 'How much did Nvidia fall?', ts, user: `U0CRASH${String(i).padStart(3, '0')}` }),
      );
      expect(res.status).toBe(200);
    }
    // Acknowledged, being answered, stuck on the Web API.
    await waitFor(() => (hole.held() >= 70 ? true : undefined), 20_000);
    first.child.kill('SIGKILL');
    await first.exited;
    first = undefined;

    const slack = await SlackServer.start();
    cleanups.push(() => slack.close());
    const second = spawnMain(env(slack.apiUrl), { stdin: 'ignore' });
    cleanups.push(() => second.kill());
    const done = await second.waitForLog('acknowledged Slack events resumed');
    expect(done).toMatchObject({ resumed: 70, lost: 0 });
    const posted = slack.callsTo('chat.postMessage').map((c) => c.body.thread_ts as string);
    expect(posted.sort()).toEqual([...threads].sort());

    // Answered once: a third start has nothing left to resume.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const third = spawnMain(env(slack.apiUrl), { stdin: 'ignore' });
    cleanups.push(() => third.kill());
    await third.waitForLog('briefbot started');
    await new Promise((r) => setTimeout(r, 300));
    expect(third.stdout()).not.toContain('resuming acknowledged Slack events');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(70);
  }, 90_000);
});
