import { afterEach, describe, expect, it } from 'vitest';
import { mentionEvent, postEvent } from '../helpers/slack-requests.js';
import { type Cleanups, SLACK_MAIN_TOKEN, startSlackMain } from './slack-main.js';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const startMain = (extra: Record<string, string> = {}) => startSlackMain(cleanups, extra);

describe('graceful shutdown of the real main', () => {
  it('SIGTERM: stops, logs "stopped" and exits 0', async () => {
    const { main, port } = await startMain();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(main.stdout()).toContain('"msg":"shutting down"');
    expect(main.stdout()).toContain('"msg":"stopped"');
    expect(main.stdout()).not.toContain(SLACK_MAIN_TOKEN);
  });

  it('SIGINT right after a question is acked: the reply still goes out, then exit 0', async () => {
    const { main, slack, port } = await startMain();
    const events = `http://127.0.0.1:${port}/slack/events`;
    const ack = await postEvent(events, mentionEvent({ text: 'How much did Nvidia fall?' }));
    expect(ack.status).toBe(200);
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
