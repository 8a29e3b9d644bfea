import { fold } from '../normalize.js';
import type { KnowledgeFile } from './files.js';
import { parseFile, parseItems } from './parse.js';
import {
  type ConceptData,
  type ConversationWordsData,
  conceptSchema,
  type EntityData,
  entitySchema,
  type SmallTalkData,
  smallTalkSchema,
  type VocabularyFileData,
  vocabularyFileSchema,
} from './schema.js';
import type { KnowledgeProblem, Vocabulary } from './types.js';

/**
 * vocabulary.yaml: its items checked one by one, then against each other (one id, one meaning; one
 * word, one concept; domain words that name something). Undefined when any of it is wrong.
 */
export function loadVocabulary(file: KnowledgeFile, errors: KnowledgeProblem[]): Vocabulary | undefined {
  const v = parseFile(file, vocabularyFileSchema, errors);
  if (v === undefined) return undefined;
  const before = errors.length;
  const unnamed = (what: string) => (index: number) => `${what} #${index + 1}`;
  const entities = parseItems(file.name, v.entities, entitySchema, errors, unnamed('entity'));
  const concepts = parseItems(file.name, v.concepts, conceptSchema, errors, unnamed('concept'));
  const smallTalk = parseItems(file.name, v.small_talk, smallTalkSchema, errors, unnamed('small talk'));
  const ids = checkIds(file.name, entities, concepts, errors);
  checkWords(file.name, concepts, v.stop_words, errors);
  checkSmallTalk(file.name, smallTalk, errors);
  checkDomainWords(file.name, v, ids, errors);
  checkConversationWords(file.name, v.conversation, ids, errors);
  if (errors.length > before) return undefined;
  return {
    stopWords: v.stop_words,
    stopPhrases: v.stop_phrases,
    languageHints: v.language_hints,
    entities,
    domainWords: v.domain_words,
    weakDomainWords: v.weak_domain_words,
    concepts,
    smallTalk,
    followUpMarkers: v.follow_up_markers,
    followUpPronouns: v.follow_up_pronouns,
    conversation: v.conversation,
  };
}

/** One id, one meaning: an id is an entity's or a concept's. Returns what each id is. */
function checkIds(
  file: string,
  entities: EntityData[],
  concepts: ConceptData[],
  errors: KnowledgeProblem[],
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [list, what] of [
    [entities, 'entity'],
    [concepts, 'concept'],
  ] as const) {
    for (const item of list) {
      const other = ids.get(item.id);
      if (other) errors.push({ file, entry: item.id, field: 'id', message: `also the id of a ${other}` });
      else ids.set(item.id, what);
    }
  }
  return ids;
}

/** One word, one concept; a concept's word is one word, and no stop word. */
function checkWords(
  file: string,
  concepts: ConceptData[],
  stopWords: VocabularyFileData['stop_words'],
  errors: KnowledgeProblem[],
): void {
  const owner = new Map<string, string>();
  const stopped = new Set([...stopWords.en, ...stopWords.fr].map((w) => fold(w)));
  for (const c of concepts) {
    const wrong = (message: string) => errors.push({ file, entry: c.id, field: 'words', message });
    for (const w of c.words) {
      const key = fold(w);
      // A stop word is dropped before concepts are read: listed under a concept too, it would never count.
      if (stopped.has(key)) wrong(`"${w}" is also a stop word: it would never be read`);
      if (key.includes(' ')) {
        wrong(`"${w}" has several words: put it under "phrases"`);
        continue;
      }
      const other = owner.get(key);
      if (other && other !== c.id) wrong(`"${w}" is also a word of "${other}"`);
      else owner.set(key, c.id);
    }
  }
}

function checkSmallTalk(file: string, smallTalk: SmallTalkData[], errors: KnowledgeProblem[]): void {
  const seen = new Set<string>();
  for (const s of smallTalk) {
    if (seen.has(s.id))
      errors.push({ file, entry: s.id, field: 'id', message: 'this small-talk kind is listed twice' });
    seen.add(s.id);
  }
}

/** Domain words are ids of concepts or entities. */
function checkDomainWords(
  file: string,
  v: VocabularyFileData,
  ids: Map<string, string>,
  errors: KnowledgeProblem[],
): void {
  for (const [field, list] of [
    ['domain_words', v.domain_words],
    ['weak_domain_words', v.weak_domain_words],
  ] as const) {
    for (const w of list) {
      if (!ids.has(fold(w)))
        errors.push({ file, field, message: `"${w}" is not the id of a concept or an entity` });
    }
  }
}

/** `conversation`: word lists hold one word each; `calculation_terms` and `comparing` are concept ids. */
function checkConversationWords(
  file: string,
  words: ConversationWordsData,
  ids: Map<string, string>,
  errors: KnowledgeProblem[],
): void {
  const entry = 'conversation';
  for (const [name, list] of Object.entries(words)) {
    if (Array.isArray(list)) {
      for (const id of list)
        if (ids.get(fold(id)) !== 'concept')
          errors.push({ file, entry, field: name, message: `"${id}" is not the id of a concept` });
      continue;
    }
    for (const lang of ['en', 'fr'] as const)
      for (const w of list[lang])
        if (fold(w).includes(' ') || fold(w) === '')
          errors.push({ file, entry, field: `${name}.${lang}`, message: `"${w}" is not one word` });
  }
}
