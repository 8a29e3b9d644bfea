import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/conversation.js';
import { ConversationStore } from '../../src/services/conversations.js';
import { MemoryState } from '../../src/services/memory.js';
import type { SharedState } from '../../src/services/types.js';

function turn(at: number, text = 'how much did nvidia fall?'): Turn {
  return { text, lang: 'en', kind: 'fact', answered: true, entryId: 'nvidia-drop', at };
}

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('MemoryState values', () => {
  it('get/set/delete with an expiry', async () => {
    const c = clock();
    const state = new MemoryState(c.now);
    expect(await state.get('k')).toBeUndefined();
    await state.set('k', 'v1', 10);
    expect(await state.get('k')).toBe('v1');
    await state.set('k', 'v2', 10);
    expect(await state.get('k')).toBe('v2');
    c.advance(10_001);
    expect(await state.get('k')).toBeUndefined();
    await state.set('k', 'v3', 10);
    await state.delete('k');
    expect(await state.get('k')).toBeUndefined();
  });

  it('keeps a bounded number of values, dropping the oldest written', async () => {
    const state = new MemoryState(Date.now, 3);
    for (const k of ['a', 'b', 'c', 'd']) await state.set(k, k, 60);
    expect(await state.get('a')).toBeUndefined();
    expect(await state.get('d')).toBe('d');
  });
});

describe('ConversationStore', () => {
  it('saves and loads the turns of one conversation, apart from others', async () => {
    const c = clock();
    const store = new ConversationStore(new MemoryState(c.now), { now: c.now });
    await store.save('slack:C1:1.0', { turns: [turn(c.now())] });
    expect((await store.load('slack:C1:1.0')).turns).toEqual([turn(c.now())]);
    expect((await store.load('slack:C1:2.0')).turns).toEqual([]);
  });

  it('forgets a conversation TTL after its last turn, and drops turns older than the TTL', async () => {
    const c = clock();
    const store = new ConversationStore(new MemoryState(c.now), { now: c.now, ttlSeconds: 60 });
    const old = turn(c.now(), 'old');
    c.advance(50_000);
    await store.save('k', { turns: [old, turn(c.now(), 'new')] });
    c.advance(20_000);
    // 70 s after the first turn, 20 s after the last: only the last is kept.
    expect((await store.load('k')).turns.map((t) => t.text)).toEqual(['new']);
    c.advance(41_000);
    expect((await store.load('k')).turns).toEqual([]);
  });

  it('reads a conversation idle for longer than asked as new (Discord: /ask within a few minutes)', async () => {
    const c = clock();
    const store = new ConversationStore(new MemoryState(c.now), { now: c.now });
    await store.append('k', turn(c.now(), 'first'));
    c.advance(4 * 60_000);
    await store.append('k', turn(c.now(), 'second'));
    c.advance(4 * 60_000);
    expect((await store.load('k', 300)).turns.map((t) => t.text)).toEqual(['first', 'second']);
    c.advance(2 * 60_000);
    expect((await store.load('k', 300)).turns).toEqual([]);
    expect((await store.load('k')).turns).toHaveLength(2);
  });

  it('defaults to 30 minutes', () => {
    expect(new ConversationStore(new MemoryState()).ttlSeconds).toBe(1800);
  });

  it('bounds the number of turns and the stored size, oldest first', async () => {
    const c = clock();
    const state = new MemoryState(c.now);
    const store = new ConversationStore(state, { now: c.now, maxTurns: 3, maxChars: 1000 });
    await store.save('k', { turns: Array.from({ length: 10 }, (_, i) => turn(c.now(), `q${i}`)) });
    expect((await store.load('k')).turns.map((t) => t.text)).toEqual(['q7', 'q8', 'q9']);
    await store.save('k', { turns: [turn(c.now(), 'a'.repeat(500)), turn(c.now(), 'b'.repeat(450))] });
    const kept = (await store.load('k')).turns;
    expect(kept.map((t) => t.text[0])).toEqual(['b']);
    expect(((await state.get('conv:k')) ?? '').length).toBeLessThanOrEqual(1000);
  });

  it('reads corrupt or forged data as an empty or cleaned conversation', async () => {
    const c = clock();
    const state = new MemoryState(c.now);
    const store = new ConversationStore(state, { now: c.now });
    await state.set('conv:k', '{not json', 60);
    expect((await store.load('k')).turns).toEqual([]);
    await state.set(
      'conv:k',
      JSON.stringify([
        { text: 42, lang: 'en', kind: 'fact', answered: true, at: c.now() },
        { ...turn(c.now()), lang: 'de' },
        { ...turn(c.now()), text: 'x'.repeat(5000), extra: 'dropped', entities: ['nvidia', 3] },
        { ...turn(c.now()), confidence: 0.62, chosenLang: 'fr' },
        { ...turn(c.now()), confidence: 7 },
      ]),
      60,
    );
    const turns = (await store.load('k')).turns;
    expect(turns).toHaveLength(3);
    expect(turns[0]?.text).toHaveLength(500);
    expect(turns[0]?.entities).toEqual(['nvidia']);
    expect(turns[0]).not.toHaveProperty('extra');
    // The answer's confidence travels with its turn; a value no confidence can have is dropped.
    expect(turns[1]?.confidence).toBe(0.62);
    expect(turns[1]?.chosenLang).toBe('fr');
    expect(turns[2]).not.toHaveProperty('confidence');
    expect(turns[2]).not.toHaveProperty('chosenLang');
  });

  it('a state that fails reads as an empty conversation and never throws', async () => {
    const broken: SharedState = {
      claimOnce: async () => true,
      increment: async () => 1,
      get: async () => {
        throw new Error('connection lost');
      },
      set: async () => {
        throw new Error('connection lost');
      },
      delete: async () => {
        throw new Error('connection lost');
      },
      close: async () => {},
    };
    const store = new ConversationStore(broken);
    expect((await store.load('k')).turns).toEqual([]);
    await expect(store.save('k', { turns: [turn(Date.now())] })).resolves.toBeUndefined();
    await expect(store.clear('k')).resolves.toBeUndefined();
    expect(await store.isSilenced('k')).toBe(true);
  });

  it('silences a place and lets it speak again', async () => {
    const store = new ConversationStore(new MemoryState());
    expect(await store.isSilenced('slack:C1:1.0')).toBe(false);
    await store.silence('slack:C1:1.0');
    expect(await store.isSilenced('slack:C1:1.0')).toBe(true);
    expect(await store.isSilenced('slack:C1:2.0')).toBe(false);
    await store.unsilence('slack:C1:1.0');
    expect(await store.isSilenced('slack:C1:1.0')).toBe(false);
  });
});
