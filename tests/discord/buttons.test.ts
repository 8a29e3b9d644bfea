import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  linkButton,
  parseCustomId,
  relatedId,
  voteButtons,
  voteId,
} from '../../src/adapters/discord/buttons.js';

const entryId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,60}$/);
const lang = fc.constantFrom('en' as const, 'fr' as const);

describe('custom_id scheme', () => {
  it('reads back what it writes, within 100 characters (property)', () => {
    fc.assert(
      fc.property(entryId, lang, fc.constantFrom('up' as const, 'down' as const), (id, l, vote) => {
        expect(relatedId(id, l).length).toBeLessThanOrEqual(100);
        expect(voteId(vote, id, l).length).toBeLessThanOrEqual(100);
        expect(parseCustomId(relatedId(id, l))).toEqual({ kind: 'related', entryId: id, lang: l });
        expect(parseCustomId(voteId(vote, id, l))).toEqual({ kind: 'vote', vote, entryId: id, lang: l });
      }),
    );
  });

  it('rejects anything it did not make', () => {
    for (const id of [
      '',
      'bb:rel:x:en',
      'bb:rel:nvidia-drop:de',
      'bb:fb:maybe:nvidia-drop:en',
      'other:thing',
      'bb:rel:Nvidia:en',
    ]) {
      expect(parseCustomId(id)).toBeUndefined();
    }
  });

  it('labels the vote buttons in the reply language', () => {
    expect(voteButtons('nvidia-drop', 'fr').map((b) => b.label)).toEqual(['Utile', 'Pas utile']);
  });

  it('only links plain http(s) addresses', () => {
    expect(linkButton('https://example.com/a', 'Source')).toMatchObject({
      style: 5,
      url: 'https://example.com/a',
    });
    expect(linkButton('ftp://example.com', 'Source')).toBeUndefined();
    expect(linkButton(undefined, 'Source')).toBeUndefined();
    expect(linkButton(`https://e.com/${'a'.repeat(600)}`, 'Source')).toBeUndefined();
  });
});
