import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_ACTION } from '../../src/adapters/slack/home.js';
import { Insights } from '../../src/services/insights.js';
import { startTestBot, type TestBot } from '../helpers/slack-bot.js';
import { viewProblems } from '../helpers/slack-limits.js';
import { blockActions, mentionEvent, postEvent, postInteraction } from '../helpers/slack-requests.js';
import { waitFor } from '../helpers/slack-server.js';

const ADMIN = 'U0ADMIN001';
const MEMBER = 'U0MEMBER01';

interface View {
  type: string;
  blocks: {
    type: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; text?: { text: string } }[];
    fields?: { text: string }[];
  }[];
}

function homeOpened(user: string) {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0LOCAL',
    api_app_id: 'A0LOCAL',
    type: 'event_callback',
    event_id: `EvHOME${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_home_opened',
      user,
      channel: 'D0HOME0001',
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    },
  };
}

const textOf = (view: View) =>
  view.blocks
    .flatMap((b) => [
      b.text?.text ?? '',
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => e.text?.text ?? ''),
    ])
    .join('\n');

describe('Slack App Home', () => {
  let t: TestBot;
  const published = (user: string, from = 0) =>
    t.server
      .callsTo('views.publish')
      .slice(from)
      .filter((c) => c.body.user_id === user)
      .map((c) => (typeof c.body.view === 'string' ? JSON.parse(c.body.view) : c.body.view) as View);

  beforeAll(async () => {
    t = await startTestBot({ adminUsers: [ADMIN], insights: new Insights() });
  });
  afterAll(() => t.close());

  it('shows a member the topics with example questions and how to ask, without usage figures', async () => {
    expect((await postEvent(t.eventsUrl, homeOpened(MEMBER))).status).toBe(200);
    const view = await waitFor(() => published(MEMBER)[0], 5000, 'home view');
    expect(view.type).toBe('home');
    expect(viewProblems(view)).toEqual([]);
    const text = textOf(view);
    for (const topic of t.services.engine().topics()) expect(text).toContain(topic.name.en);
    expect(text).toContain('/ask');
    expect(text).not.toContain('Last 7 days');
    const examples = view.blocks
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.action_id?.startsWith(HOME_ACTION.questionPrefix));
    expect(examples.length).toBeGreaterThanOrEqual(t.services.engine().topics().length);
  });

  it('answers an example question in the Home, and switches to French', async () => {
    const before = published(MEMBER).length;
    const view = published(MEMBER)[0] as View;
    const example = view.blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id?.startsWith(HOME_ACTION.questionPrefix));
    expect(example?.value).toMatch(/\|en$/);
    const click = blockActions({
      actionId: example?.action_id ?? '',
      value: example?.value ?? '',
      responseUrl: `${t.server.url}/response/home`,
      user: MEMBER,
    });
    expect(
      (
        await postInteraction(t.eventsUrl, {
          ...click,
          container: { type: 'view', view_id: 'V1' },
          view: { type: 'home', id: 'V1' },
        })
      ).status,
    ).toBe(200);
    const answered = await waitFor(() => published(MEMBER)[before], 5000, 'home with answer');
    expect(textOf(answered)).toContain('Your question');
    expect(textOf(answered)).toContain(example?.text?.text?.replace('…', '').slice(0, 20) ?? 'missing');
    expect(viewProblems(answered)).toEqual([]);

    const lang = blockActions({
      actionId: HOME_ACTION.language,
      value: 'fr',
      responseUrl: `${t.server.url}/response/home`,
      user: MEMBER,
    });
    await postInteraction(t.eventsUrl, {
      ...lang,
      container: { type: 'view', view_id: 'V1' },
      view: { type: 'home', id: 'V1' },
    });
    const french = await waitFor(() => published(MEMBER)[before + 1], 5000, 'french home');
    expect(textOf(french)).toContain('Ce que je sais');
    // Opening the Home again keeps the language chosen.
    await postEvent(t.eventsUrl, homeOpened(MEMBER));
    const again = await waitFor(() => published(MEMBER)[before + 2], 5000, 'home reopened');
    expect(textOf(again)).toContain('Ce que je sais');
  });

  it('shows an admin the last 7 days: questions, answered share, top unanswered', async () => {
    await postEvent(t.eventsUrl, mentionEvent({ text: 'How much did Nvidia lose on 27 January?' }));
    await postEvent(t.eventsUrl, mentionEvent({ text: 'What is the capital of Australia?' }));
    await waitFor(
      () => t.server.callsTo('chat.postMessage').length + t.server.callsTo('chat.postEphemeral').length >= 2,
      5000,
      'answers',
    );
    await postEvent(t.eventsUrl, homeOpened(ADMIN));
    const view = await waitFor(() => published(ADMIN)[0], 5000, 'admin home');
    expect(viewProblems(view)).toEqual([]);
    const text = textOf(view);
    expect(text).toContain('Last 7 days');
    expect(text).toMatch(/Questions\*\n[1-9]/);
    expect(text).toContain('capital of Australia');
  });

  it('the local Web API rejects a view Slack would reject', async () => {
    const tooMany = { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) };
    expect(viewProblems(tooMany)).toContain('more than 100 blocks');
    const res = await fetch(`${t.server.apiUrl}views.publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test-token' },
      body: JSON.stringify({ user_id: MEMBER, view: tooMany }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_arguments' });
  });
});
