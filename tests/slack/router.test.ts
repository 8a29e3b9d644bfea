import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { listenerRouter } from '../../src/adapters/slack/listeners/router.js';

/**
 * The listener router (listeners/router.ts) behind the real Bolt App: each module's handler gets the
 * events and actions it registered for, all matching handlers run, failures reach app.error as Bolt's
 * own would, and Bolt holds one listener for the events and one for the actions.
 */

function app(): { app: App; errors: Error[] } {
  const errors: Error[] = [];
  const a = new App({
    authorize: async () => ({ botToken: 'xoxb-test', botUserId: 'UBOT' }),
    signingSecret: 'secret',
    logLevel: LogLevel.ERROR,
  });
  a.error(async (e) => {
    errors.push(e);
  });
  return { app: a, errors };
}

const eventBody = (event: Record<string, unknown>) => ({
  type: 'event_callback',
  team_id: 'T1',
  api_app_id: 'A1',
  event_id: `Ev${Math.random().toString(36).slice(2)}`,
  event_time: 1,
  event: { user: 'U1', ts: '1.000100', channel: 'C1', event_ts: '1.000100', ...event },
});

const actionBody = (actionId: string) => ({
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'U1' },
  api_app_id: 'A1',
  token: 't',
  trigger_id: '1',
  container: { type: 'message', channel_id: 'C1', message_ts: '1.000100' },
  channel: { id: 'C1' },
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v', action_ts: '1' }],
});

const send = (a: App, body: Record<string, unknown>) => {
  let acked = false;
  return a
    .processEvent({
      body,
      ack: async () => {
        acked = true;
      },
    })
    .then(() => acked);
};

describe('listener router', () => {
  it('hands each event and action to the handlers registered for it, with Bolt’s arguments', async () => {
    const { app: a, errors } = app();
    const router = listenerRouter(a);
    const seen: string[] = [];
    router.app.event('message', async ({ event }) => {
      seen.push(`dm:${(event as { text?: string }).text}`);
    });
    router.app.event('message', async ({ event }) => {
      seen.push(`thread:${(event as { text?: string }).text}`);
    });
    router.app.event('app_mention', async ({ event, context }) => {
      seen.push(`mention:${event.text}:${context.botUserId}`);
    });
    router.app.action('bb.exact', async ({ ack, action }) => {
      await ack();
      seen.push(`exact:${(action as { action_id: string }).action_id}`);
    });
    router.app.action(/^bb_related_\d+$/, async ({ ack, action }) => {
      await ack();
      seen.push(`related:${(action as { action_id: string }).action_id}`);
    });
    router.install();
    expect((a as unknown as { listeners: unknown[] }).listeners).toHaveLength(2);

    await send(a, eventBody({ type: 'message', text: 'hello' }));
    expect(seen.sort()).toEqual(['dm:hello', 'thread:hello']);
    seen.length = 0;
    await send(a, eventBody({ type: 'app_mention', text: 'hi' }));
    expect(seen).toEqual(['mention:hi:UBOT']);
    seen.length = 0;
    expect(await send(a, actionBody('bb_related_2'))).toBe(true);
    expect(await send(a, actionBody('bb.exact'))).toBe(true);
    // The dot is a character, not "any character"; an id no module registered reaches no handler.
    await send(a, actionBody('bbxexact'));
    await send(a, actionBody('bb_related_x'));
    await send(a, eventBody({ type: 'reaction_added', text: 'x' }));
    expect(seen).toEqual(['related:bb_related_2', 'exact:bb.exact']);
    expect(errors).toEqual([]);
  });

  it('runs every matching handler when one fails, and the failure reaches app.error', async () => {
    const { app: a, errors } = app();
    const router = listenerRouter(a);
    let ran = 0;
    router.app.event('message', async () => {
      throw new Error('first failed');
    });
    router.app.event('message', async () => {
      ran += 1;
    });
    router.install();
    await send(a, eventBody({ type: 'message', text: 'x' }));
    expect(ran).toBe(1);
    expect(errors.map((e) => e.message).join(' ')).toContain('first failed');
  });

  it('refuses listener middleware it would not run', () => {
    const router = listenerRouter(app().app);
    expect(() =>
      router.app.event(
        'message',
        async ({ next }) => next(),
        async () => {},
      ),
    ).toThrow(/one handler/);
  });
});
