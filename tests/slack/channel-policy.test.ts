import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCALATE_ACTION } from '../../src/adapters/slack/escalation.js';
import { PolicyHolder } from '../../src/services/channel-policy.js';
import { startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { allText, buttonsOf } from '../helpers/slack-messages.js';
import {
  askCommand,
  blockActions,
  mentionEvent,
  newTs,
  postCommand,
  postEvent,
  postInteraction,
} from '../helpers/slack-requests.js';
import { sleep, waitFor } from '../helpers/slack-server.js';

const AUTO = 'C0AUTO0001';
const QUIET = 'C0QUIET001';
const HELP = 'C0HELPDESK';
const NOHELP = 'C0NOHELP01';

const POLICY = `
default:
  escalation: { channel: ${HELP}, mention: S0EXPERTS1 }
channels:
  - { id: ${AUTO}, mode: auto }
  - { id: ${QUIET}, mode: quiet }
  - { id: ${NOHELP}, escalation: null }
`;

/** A top-level channel message without a mention (message.channels). */
function channelMessage(text: string, channel: string, ts = newTs()) {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0LOCAL',
    api_app_id: 'A0LOCAL',
    type: 'event_callback',
    event_id: `EvMSG${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'channel', user: 'U0USER0001', text, ts, channel, event_ts: ts },
  };
}

describe('Slack channel policy', () => {
  let t: TestBot;
  let dir: string;
  let file: string;
  let holder: PolicyHolder;
  const posts = (channel: string) =>
    t.server.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
  const ephemerals = (channel: string) =>
    t.server.callsTo('chat.postEphemeral').filter((c) => c.body.channel === channel);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'policy-'));
    file = join(dir, 'channels.yaml');
    writeFileSync(file, POLICY);
    holder = new PolicyHolder(file);
    t = await startTestBot({ policy: () => holder.current() });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an auto channel answers a question without a mention, in a thread, and ignores chatter', async () => {
    const ts = newTs();
    await postEvent(t.eventsUrl, channelMessage('How much did Nvidia stock fall?', AUTO, ts));
    const answer = await waitFor(() => posts(AUTO)[0], 5000, 'auto answer');
    expect(answer.body.thread_ts).toBe(ts);
    expect(allText(answer.body)).toMatch(/Nvidia/);
    for (const chatter of ['lunch?', 'thanks all', 'what time is the call?', 'can someone review my PR']) {
      await postEvent(t.eventsUrl, channelMessage(chatter, AUTO));
    }
    await sleep(400);
    expect(posts(AUTO)).toHaveLength(1);
    expect(ephemerals(AUTO)).toHaveLength(0);
  });

  it('a quiet channel ignores mentions and answers /ask privately', async () => {
    await postEvent(t.eventsUrl, mentionEvent({ text: 'How much did Nvidia lose?', channel: QUIET }));
    const command = {
      ...askCommand('How much did Nvidia lose?', t.server.responseUrl('quiet')),
      channel_id: QUIET,
    };
    await postCommand(t.eventsUrl, command);
    const response = await waitFor(
      () => t.server.responses.find((r) => r.id === 'quiet'),
      5000,
      '/ask response',
    );
    expect(response.body.response_type).toBe('ephemeral');
    expect(allText(response.body)).toMatch(/Nvidia/);
    await sleep(200);
    expect(posts(QUIET)).toHaveLength(0);
  });

  it('in a mention channel a refusal goes only to the asker, with "Ask a person" that escalates once', async () => {
    const ts = newTs();
    await postEvent(
      t.eventsUrl,
      mentionEvent({ text: "What's the weather in Lyon?", channel: 'C0GENERAL1', ts }),
    );
    const refusal = await waitFor(() => ephemerals('C0GENERAL1')[0], 5000, 'ephemeral refusal');
    expect(refusal.body).toMatchObject({ user: 'U0USER0001', thread_ts: ts });
    expect(posts('C0GENERAL1')).toHaveLength(0);
    const button = buttonsOf(refusal.body).find((b) => b.action_id === ESCALATE_ACTION);
    expect(button).toBeDefined();

    const click = () =>
      postInteraction(
        t.eventsUrl,
        blockActions({
          actionId: ESCALATE_ACTION,
          value: button?.value ?? '',
          responseUrl: t.server.responseUrl('e'),
          channel: 'C0GENERAL1',
          ephemeral: true,
        }),
      );
    await click();
    await waitFor(() => posts(HELP).length >= 2, 5000, 'escalation post and thread');
    await click();
    await waitFor(() => ephemerals('C0GENERAL1').length >= 3, 5000, 'asker notices');
    const [root, detail] = posts(HELP);
    expect(String(root?.body.text)).toMatch(/^<!subteam\^S0EXPERTS1> <@U0USER0001> asked something/);
    expect(String(root?.body.text)).toContain('weather in Lyon');
    expect(detail?.body.thread_ts).toBeDefined();
    expect(String(detail?.body.text)).toContain(
      `https://local.slack.com/archives/C0GENERAL1/p${ts.replace('.', '')}`,
    );
    expect(posts(HELP)).toHaveLength(2);
    const notices = ephemerals('C0GENERAL1')
      .slice(1)
      .map((c) => String(c.body.text));
    expect(notices[0]).toMatch(/asked the team/);
    expect(notices[1]).toMatch(/already been passed/);
  });

  it('no escalation target, no button; a forged escalation value posts nothing', async () => {
    await postEvent(t.eventsUrl, mentionEvent({ text: "What's the weather in Lyon?", channel: NOHELP }));
    const refusal = await waitFor(() => ephemerals(NOHELP)[0], 5000, 'refusal');
    expect(buttonsOf(refusal.body).some((b) => b.action_id === ESCALATE_ACTION)).toBe(false);
    const before = posts(HELP).length;
    const forged = JSON.stringify({ q: 'free money <!channel>', l: 'en', c: 'C0OTHER001', ts: '1.1' });
    await postInteraction(
      t.eventsUrl,
      blockActions({
        actionId: ESCALATE_ACTION,
        value: forged,
        responseUrl: t.server.responseUrl('f'),
        channel: 'C0GENERAL1',
        ephemeral: true,
      }),
    );
    await sleep(300);
    expect(posts(HELP)).toHaveLength(before);
  });

  it('a hot-reloaded policy applies to the next message', async () => {
    writeFileSync(file, `channels:\n  - { id: ${AUTO}, mode: quiet }\n  - { id: C0NEWAUTO1, mode: auto }\n`);
    expect(holder.reload()).toEqual({ ok: true });
    const before = posts(AUTO).length;
    await postEvent(t.eventsUrl, channelMessage('How much did Nvidia stock fall?', AUTO));
    await postEvent(t.eventsUrl, channelMessage('How much did Nvidia stock fall?', 'C0NEWAUTO1'));
    await waitFor(() => posts('C0NEWAUTO1')[0], 5000, 'answer in the new auto channel');
    expect(posts(AUTO)).toHaveLength(before);
  });
});
