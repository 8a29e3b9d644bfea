import { describe, expect, it } from 'vitest';
import { loadEngineFromDir } from '../../src/core/index.js';
import { createLogger } from '../../src/logger.js';
import type { EscalationTarget } from '../../src/services/channel-policy.js';
import {
  type EscalationRequest,
  type EscalationTexts,
  escalate,
  escalationTexts,
} from '../../src/services/escalation.js';
import { createServices } from '../../src/services/index.js';

const engine = loadEngineFromDir('knowledge');
const target: EscalationTarget = { channel: 'C0HELPDESK1', mention: 'S0EXPERTS1' };

function request(over: Partial<EscalationRequest> = {}): EscalationRequest {
  return {
    platform: 'slack',
    userId: 'U0ASKER001',
    userMention: '<@U0ASKER001>',
    question: 'Did DeepSeek  really spend only\n$6M?',
    lang: 'en',
    target,
    key: 'C0CHAN0001:1737990000.000100',
    ...over,
  };
}

function recorder() {
  const posts: ({ target: EscalationTarget } & EscalationTexts)[] = [];
  return {
    posts,
    poster: {
      post: async (tg: EscalationTarget, texts: EscalationTexts) => void posts.push({ target: tg, ...texts }),
    },
  };
}

describe('escalation to a person', () => {
  it('posts the question once per message to the target, with the answer and the link in the details', async () => {
    const services = createServices({ engine: () => engine, logger: createLogger({ level: 'silent' }) });
    const { posts, poster } = recorder();
    const req = request({
      answerTitle: 'V3 cost $5.576M to train',
      downvoted: true,
      link: 'https://local.slack.com/archives/C0CHAN0001/p1737990000000100',
    });
    expect(await escalate(services, req, poster)).toBe('posted');
    expect(await escalate(services, req, poster)).toBe('already');
    expect(await escalate(services, { ...req, key: 'other-message' }, poster)).toBe('posted');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.target).toEqual(target);
    expect(posts[0]?.root).toBe(
      '<@U0ASKER001> asked something briefbot could not settle: “Did DeepSeek really spend only $6M?”',
    );
    expect(posts[0]?.details.split('\n')).toEqual([
      'briefbot answered: V3 cost $5.576M to train',
      'They marked the answer as not helpful.',
    ]);
    expect(posts[0]?.link).toBe('https://local.slack.com/archives/C0CHAN0001/p1737990000000100');
    expect(posts[0]?.linkLabel).toBe('Original message:');
  });

  it('is rate-limited with the asker’s questions', async () => {
    const services = createServices({
      engine: () => engine,
      logger: createLogger({ level: 'silent' }),
      rateLimitPerMinute: 2,
    });
    const { posts, poster } = recorder();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await escalate(services, request({ key: `m${i}` }), poster));
    expect(outcomes).toEqual(['posted', 'posted', 'limited', 'limited']);
    expect(posts).toHaveLength(2);
  });

  it('writes French for a French asker, and says when the bot had no answer', () => {
    const { root, details } = escalationTexts(request({ lang: 'fr', question: 'qui finance deepseek ?' }));
    expect(root).toBe(
      '<@U0ASKER001> a posé une question que briefbot n’a pas su régler : « qui finance deepseek ? »',
    );
    expect(details).toBe('briefbot n’avait pas de réponse.');
  });
});
