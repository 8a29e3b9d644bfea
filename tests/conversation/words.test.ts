import { describe, expect, it } from 'vitest';
import { conversationWords } from '../../src/core/conversation/words.js';
import { formatProblem, readKnowledgeDir, validateKnowledge } from '../../src/core/index.js';
import { KNOWLEDGE } from '../ops/support.js';

/** vocabulary.yaml `conversation`: the words follow-ups are read by, validated at load like the rest. */
describe('the conversation words of vocabulary.yaml', () => {
  const files = readKnowledgeDir(KNOWLEDGE);
  const withVocabulary = (edit: (text: string) => string) =>
    files.map((f) => (f.name === 'vocabulary.yaml' ? { ...f, text: edit(f.text) } : f));
  const problems = (edit: (text: string) => string) =>
    validateKnowledge(withVocabulary(edit)).errors.map(formatProblem);

  it('loads, folded as messages are ("après", "où")', () => {
    const { kb } = validateKnowledge(files);
    const words = conversationWords(kb?.vocabulary.conversation ?? ({} as never));
    expect(words.narrowing.has('apres')).toBe(true);
    // `asking` holds its own words, the `which` words and the `how_where` words.
    expect(['ou', 'pourquoi', 'what', 'quelle', 'comment'].every((w) => words.asking.has(w))).toBe(true);
    expect(words.comparing.has('cheap')).toBe(true);
  });

  it('names the file, the entry and the field of a malformed value', () => {
    expect(problems((t) => t.replace('    en: [on, in, for,', '    en: [on the, in, for,'))).toContain(
      'vocabulary.yaml, entry "conversation", field "narrowing.en": "on the" is not one word',
    );
    expect(problems((t) => t.replace('  comparing: [cheap,', '  comparing: [cheapest,'))).toContain(
      'vocabulary.yaml, entry "conversation", field "comparing": "cheapest" is not the id of a concept',
    );
    // An entity id is no concept id.
    expect(problems((t) => t.replace('  comparing: [cheap,', '  comparing: [nvidia,'))).toContain(
      'vocabulary.yaml, entry "conversation", field "comparing": "nvidia" is not the id of a concept',
    );
    const wrongType = problems((t) =>
      t.replace('  speaker:\n    en: [i, we, my, our]', '  speaker:\n    en: i'),
    );
    expect(wrongType.some((l) => l.startsWith('vocabulary.yaml, field "conversation.speaker.en"'))).toBe(
      true,
    );
    const unknownList = problems((t) =>
      t.replace('  the_two:\n', '  the_three:\n    en: [three]\n  the_two:\n'),
    );
    expect(unknownList.some((l) => l.startsWith('vocabulary.yaml') && l.includes('the_three'))).toBe(true);
  });

  it('is required', () => {
    const cut = problems((t) => t.slice(0, t.indexOf('\nconversation:')));
    expect(cut.some((l) => l.startsWith('vocabulary.yaml, field "conversation"'))).toBe(true);
  });
});
