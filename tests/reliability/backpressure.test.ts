import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBriefbot } from '../../src/app.js';
import { t } from '../../src/core/i18n/index.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import { Admission, type Slot } from '../../src/services/admission.js';
import { type TestBot as DiscordBot, startTestBot as startDiscordBot } from '../helpers/discord-bot.js';
import { slashCommand } from '../helpers/discord-interactions.js';
import { type TestBot as SlackBot, startTestBot as startSlackBot } from '../helpers/slack-bot.js';
import { askCommand, mentionEvent, newTs, postCommand, postEvent } from '../helpers/slack-requests.js';
import { sleep, waitFor } from '../helpers/slack-server.js';
import { freePort } from '../ops/spawn-main.js';
import { capturedLogger, tempDir, testConfig } from '../ops/support.js';

/**
 * Backpressure: past MAX_IN_FLIGHT questions in flight, an event is still acknowledged and gets the
 * short "busy, try again in a moment" reply; past ten times as many notices it is dropped (logged and
 * counted), so the backlog never grows without bound.
 */

describe('the in-flight bound', () => {
  it('runs within the bound, sends the busy notice beyond it, sheds past the notice bound, and frees slots once', () => {
    expect(new Admission(64).noticeMax).toBe(640);
    const rejected: string[] = [];
    const admission = new Admission(2, { rejected: (k) => rejected.push(k) }, 2);
    const run = [admission.enter(), admission.enter()];
    expect(run.map((s) => s.kind)).toEqual(['run', 'run']);
    expect(admission.saturated()).toBe(true);
    const busy = [admission.enter(), admission.enter()];
    expect(busy.map((s) => s.kind)).toEqual(['busy', 'busy']);
    expect(admission.enter().kind).toBe('shed');
    expect(rejected).toEqual(['busy', 'busy', 'shed']);
    run[0]?.release();
    run[0]?.release();
    expect(admission.inFlight()).toBe(1);
    expect(admission.enter().kind).toBe('run');
    expect(admission.enter().kind).toBe('shed');
  });
});

function hold(admission: Admission, count: number): Slot[] {
  return Array.from({ length: count }, () => admission.enter());
}

describe('readiness under backpressure', () => {
  it('a saturated instance stays alive (/healthz 200) but is not ready (/readyz 503) until slots free up', async () => {
    const data = tempDir();
    const bot = await startBriefbot(
      testConfig({ dataDir: data.dir, healthPort: await freePort(), maxInFlight: 2 }),
      capturedLogger().logger,
    );
    try {
      const base = `http://127.0.0.1:${bot.port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const held = hold(bot.services.admission, 2);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      for (const s of held) s.release();
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    } finally {
      await bot.stop();
      data.cleanup();
    }
  });
});

describe('Slack under backpressure (real Bolt, HTTP mode)', () => {
  let bot: SlackBot;
  beforeAll(async () => {
    bot = await startSlackBot();
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('a mention past the bound is acknowledged and gets the busy notice; once slots free up it is answered', async () => {
    const held = hold(bot.services.admission, bot.services.admission.max);
    const root = newTs();
    const res = await postEvent(
      bot.eventsUrl,
      mentionEvent({ text: 'How much did Nvidia fall?', ts: root, user: 'U0BUSY0001' }),
    );
    expect(res.status).toBe(200);
    const notice = await waitFor(() =>
      bot.server.callsTo('chat.postEphemeral').find((c) => c.body.user === 'U0BUSY0001'),
    );
    expect(notice.body.text).toBe(t('en').data.busy);
    expect(bot.server.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === root)).toEqual([]);

    // Past the notice bound too: dropped, logged, nothing posted. (The notice's slot is freed once
    // Bolt's handler returns, just after the notice landed.)
    await waitFor(() => bot.services.admission.noticesInFlight() === 0 || undefined);
    const busy = hold(bot.services.admission, bot.services.admission.noticeMax);
    const shedRoot = newTs();
    await postEvent(
      bot.eventsUrl,
      mentionEvent({ text: 'How much did Nvidia fall?', ts: shedRoot, user: 'U0BUSY0002' }),
    );
    await bot.waitForLog('question dropped: too many in flight');
    await sleep(50);
    expect(bot.server.callsTo('chat.postEphemeral').some((c) => c.body.user === 'U0BUSY0002')).toBe(false);

    for (const s of [...held, ...busy]) s.release();
    const again = newTs();
    await postEvent(
      bot.eventsUrl,
      mentionEvent({ text: 'How much did Nvidia fall?', ts: again, user: 'U0BUSY0001' }),
    );
    const answer = await waitFor(() =>
      bot.server.callsTo('chat.postMessage').find((c) => c.body.thread_ts === again),
    );
    expect(String(answer.body.text)).not.toBe(t('en').data.busy);
    // The slot is freed once Bolt's handler returns, just after the post landed.
    await waitFor(() => bot.services.admission.inFlight() === 0 || undefined);
  });

  it('/ask past the bound answers the busy line privately through its response_url', async () => {
    await waitFor(
      () =>
        (bot.services.admission.inFlight() === 0 && bot.services.admission.noticesInFlight() === 0) ||
        undefined,
    );
    const held = hold(bot.services.admission, bot.services.admission.max + bot.services.admission.noticeMax);
    await postCommand(bot.eventsUrl, askCommand('combien a perdu Nvidia ?', bot.server.responseUrl('busy1')));
    const posted = await waitFor(() => bot.server.responses.find((r) => r.id === 'busy1'));
    expect(posted.body).toMatchObject({ response_type: 'ephemeral', text: t('fr').data.busy });
    for (const s of held) s.release();
  });
});

describe('Discord under backpressure (real discord.js)', () => {
  let bot: DiscordBot;
  beforeAll(async () => {
    const engine = loadEngineFromDir(path.resolve('knowledge'));
    bot = await startDiscordBot({ engine: () => engine });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('/ask past the bound gets an ephemeral busy reply (an interaction is always answered)', async () => {
    const held = hold(bot.services.admission, bot.services.admission.max);
    const body = await bot.send(
      slashCommand(
        bot.server.applicationId,
        'ask',
        { question: 'How much did Nvidia fall?' },
        { locale: 'fr' },
      ),
    );
    expect(body.data).toMatchObject({ content: t('fr').data.busy, flags: 64 });
    for (const s of held) s.release();
    const answered = await bot.send(
      slashCommand(bot.server.applicationId, 'ask', { question: 'How much did Nvidia fall?' }),
    );
    expect(answered.data?.embeds?.length).toBeGreaterThan(0);
  });
});
