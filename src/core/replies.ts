import { formatNumber } from './format.js';
import { t } from './i18n/index.js';
import type { SmallTalkId } from './knowledge/schema.js';
import type { Entry, Gap, KnowledgeBase } from './knowledge/types.js';
import type { Lang } from './lang.js';
import { makeReply, type QuestionLink, type Reply, type SourceCitation } from './reply.js';
import type { SearchHit } from './search.js';
import { shortAnswerFirst } from './short-answer.js';

/** Builders of the engine's non-calculator replies: facts, refusals, help, topics, about. */

export function questionLink(entry: Entry, lang: Lang): QuestionLink {
  return { id: entry.id, question: entry.questions[lang][0] ?? entry.id };
}

function citation(entry: Entry, lang: Lang): SourceCitation {
  const s = entry.source;
  const m = t(lang).fact;
  const c: SourceCitation = { label: s.title ?? m.article };
  if (s.url) c.url = s.url;
  if (s.date) c.date = s.date;
  if (s.article) c.quote = s.article;
  if (s.article && s.article_en && lang === 'en') c.quoteTranslation = s.article_en;
  return c;
}

export function topicList(kb: KnowledgeBase, lang: Lang): { id: string; name: string }[] {
  return kb.topics.map((topic) => ({ id: topic.id, name: topic.name[lang] }));
}

export function factReply(
  kb: KnowledgeBase,
  entry: Entry,
  lang: Lang,
  matches: SearchHit[],
  confidence?: number,
): Reply {
  const related = entry.related
    .map((id) => kb.byId.get(id))
    .filter((e): e is Entry => e !== undefined)
    .slice(0, 3)
    .map((e) => questionLink(e, lang));
  return makeReply({
    kind: 'fact',
    lang,
    answered: true,
    title: entry.questions[lang][0] ?? entry.id,
    body: shortAnswerFirst(entry.answer[lang]),
    fields: entry.fields.map((f) => ({ label: f.label[lang], value: f.value[lang], inline: true })),
    source: citation(entry, lang),
    related,
    entryId: entry.id,
    matches,
    ...(confidence !== undefined ? { confidence } : {}),
  });
}

export function refusalReply(kb: KnowledgeBase, lang: Lang, nearMisses: SearchHit[], empty = false): Reply {
  const m = t(lang).refusal;
  const suggestions = nearMisses
    .map((h) => kb.byId.get(h.id))
    .filter((e): e is Entry => e !== undefined)
    .slice(0, 3)
    .map((e) => questionLink(e, lang));
  const topics = topicList(kb, lang);
  const lines = [empty ? m.empty : m.body];
  if (suggestions.length > 0)
    lines.push('', `${m.didYouMean}${t(lang).colon.trimEnd()}`, ...suggestions.map((s) => `• ${s.question}`));
  lines.push('', m.topicsIntro, topics.map((tp) => tp.name).join(' · '));
  return makeReply({
    kind: 'none',
    lang,
    title: m.title,
    body: lines.join('\n'),
    suggestions,
    topics,
    matches: nearMisses,
  });
}

export function helpReply(kb: KnowledgeBase, lang: Lang): Reply {
  const m = t(lang).help;
  const topics = topicList(kb, lang);
  return makeReply({
    kind: 'help',
    lang,
    title: m.title,
    body: [
      m.body,
      '',
      `${m.examples}${t(lang).colon.trimEnd()}`,
      ...m.exampleList.map((e) => `• ${e}`),
      '',
      m.commands,
    ].join('\n'),
    topics,
    fields: [{ label: t(lang).topics.title, value: topics.map((tp) => tp.name).join(' · ') }],
  });
}

export function topicsReply(kb: KnowledgeBase, lang: Lang): Reply {
  const m = t(lang).topics;
  return makeReply({
    kind: 'help',
    lang,
    answered: true,
    title: m.title,
    body: m.body,
    topics: topicList(kb, lang),
    fields: kb.topics.map((topic) => ({
      label: topic.name[lang],
      value: `${m.entries(topic.entryIds.length)} — ${topic.entryIds
        .slice(0, 3)
        .map((id) => kb.byId.get(id)?.questions[lang][0])
        .filter(Boolean)
        .join(' · ')}`,
    })),
  });
}

export function topicReply(kb: KnowledgeBase, topicId: string, lang: Lang): Reply | undefined {
  const topic = kb.topics.find((tp) => tp.id === topicId);
  if (!topic) return undefined;
  const entries = topic.entryIds.map((id) => kb.byId.get(id)).filter((e): e is Entry => e !== undefined);
  return makeReply({
    kind: 'fact',
    lang,
    answered: true,
    title: t(lang).facts.title(topic.name[lang]),
    body: entries.map((e) => `• ${e.questions[lang][0]}`).join('\n'),
    fields: entries.map((e) => ({ label: e.questions[lang][0] ?? e.id, value: e.answer[lang] })),
    related: entries.slice(0, 3).map((e) => questionLink(e, lang)),
    topics: [{ id: topic.id, name: topic.name[lang] }],
  });
}

export function aboutReply(kb: KnowledgeBase, lang: Lang): Reply {
  const m = t(lang).about;
  const sources = [
    'Article (FR), January 2025',
    'Reuters, 27 Jan 2025 — market closes',
    'DeepSeek-V3 Technical Report (arXiv 2412.19437)',
    'DeepSeek-R1 model card (github.com/deepseek-ai/DeepSeek-R1)',
    'DeepSeek API pricing (api-docs.deepseek.com)',
  ];
  return makeReply({
    kind: 'help',
    lang,
    answered: true,
    title: m.title,
    body: [
      m.body,
      m.facts(formatNumber(kb.entries.length, lang), formatNumber(kb.topics.length, lang)),
      '',
      m.report,
    ].join('\n'),
    fields: [{ label: m.sources, value: sources.map((s) => `• ${s}`).join('\n') }],
    topics: topicList(kb, lang),
  });
}

/** Small talk: a short friendly reply, with example questions where they help. */
export function chatReply(id: SmallTalkId, lang: Lang): Reply {
  const m = t(lang).chat;
  const lines = [m[id]];
  if (id === 'greeting' || id === 'capabilities' || id === 'identity' || id === 'how-are-you') {
    lines.push('', `${m.tryAsking}${t(lang).colon.trimEnd()}`, ...m.examples.map((e) => `• ${e}`));
  }
  return makeReply({ kind: 'chat', lang, title: m.title, body: lines.join('\n') });
}

function links(kb: KnowledgeBase, ids: string[], lang: Lang): QuestionLink[] {
  return ids
    .map((id) => kb.byId.get(id))
    .filter((e): e is Entry => e !== undefined)
    .slice(0, 3)
    .map((e) => questionLink(e, lang));
}

/** A question about the event that the sources do not answer: the honest reply and the nearest facts. */
export function gapReply(kb: KnowledgeBase, gap: Gap, lang: Lang): Reply {
  const m = t(lang).understanding;
  const suggestions = links(kb, gap.nearby, lang);
  const lines = [gap.answer[lang]];
  if (suggestions.length > 0)
    lines.push('', `${m.nearby}${t(lang).colon.trimEnd()}`, ...suggestions.map((s) => `• ${s.question}`));
  return makeReply({
    kind: 'none',
    lang,
    title: m.gapTitle,
    body: lines.join('\n'),
    suggestions,
    matches: [{ id: `gap:${gap.id}`, score: 1 }],
  });
}

/** A refusal that names what the question is about, with only suggestions about the same thing. */
export function specificRefusal(
  kb: KnowledgeBase,
  lang: Lang,
  thing: string,
  nearMisses: SearchHit[],
): Reply {
  const m = t(lang);
  const suggestions = links(
    kb,
    nearMisses.map((h) => h.id),
    lang,
  );
  const lines = [m.understanding.notAbout(thing)];
  if (suggestions.length > 0)
    lines.push(
      '',
      `${m.understanding.nearby}${m.colon.trimEnd()}`,
      ...suggestions.map((s) => `• ${s.question}`),
    );
  return makeReply({
    kind: 'none',
    lang,
    title: m.refusal.title,
    body: lines.join('\n'),
    suggestions,
    topics: topicList(kb, lang),
    matches: nearMisses,
  });
}

const COMPOUND_CONFIDENCE = 0.9;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Several facts in one reply, for a question in several parts ("who founded it and when?"). */
export function compoundReply(parts: Reply[], lang: Lang, missing: boolean): Reply {
  const first = parts[0] as Reply;
  const body = parts.map((p) => `${p.title}\n${p.body}`);
  if (missing) body.push(t(lang).understanding.missingPart);
  const seen = new Set<string>();
  const related = parts
    .flatMap((p) => p.related)
    .filter((r) => !parts.some((p) => p.entryId === r.id) && !seen.has(r.id) && seen.add(r.id))
    .slice(0, 3);
  const title = parts.map((p) => p.title).join(' · ');
  return {
    ...first,
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    body: body.join('\n\n'),
    fields: parts.flatMap((p) => p.fields).slice(0, 10),
    related,
    // Several answers at once: as sure as the least sure part, and a little less.
    confidence: round3(COMPOUND_CONFIDENCE * Math.min(...parts.map((p) => p.confidence ?? 1))),
    matches: parts.flatMap((p) => p.matches.slice(0, 1)),
  };
}
