import type { ModelPrice } from '../knowledge/types.js';
import { fold } from '../normalize.js';

/** Finds model names and aliases in text, longest first: "o1 mini" wins over "o1", "deepseek v3" over "deepseek". */
export class ModelMatcher {
  /** `needle`: the key between spaces, as it is looked for in ` text `. */
  private readonly names: { key: string; needle: string; model: ModelPrice }[];

  constructor(models: ModelPrice[]) {
    this.names = models
      .flatMap((model) => [model.id, model.name, ...model.aliases].map((n) => ({ key: fold(n), model })))
      .map((n) => ({ ...n, needle: ` ${n.key} ` }))
      .filter((n) => n.key.length > 0)
      .sort((a, b) => b.key.length - a.key.length);
  }

  /** The model a field names exactly (an id, a name or an alias), or undefined. */
  resolve(text: string): ModelPrice | undefined {
    const key = fold(text);
    return this.names.find((n) => n.key === key)?.model;
  }

  /** Models mentioned in a sentence, in order of appearance, without overlaps. */
  find(text: string): ModelPrice[] {
    let hay = ` ${fold(text)} `;
    const hits: { at: number; model: ModelPrice }[] = [];
    for (const n of this.names) {
      const needle = n.needle;
      let at = hay.indexOf(needle);
      while (at >= 0) {
        hits.push({ at, model: n.model });
        hay = hay.slice(0, at + 1) + '\u0000'.repeat(n.key.length) + hay.slice(at + 1 + n.key.length);
        at = hay.indexOf(needle);
      }
    }
    const seen = new Set<string>();
    const out: ModelPrice[] = [];
    for (const h of hits.sort((a, b) => a.at - b.at)) {
      if (!seen.has(h.model.id)) {
        seen.add(h.model.id);
        out.push(h.model);
      }
    }
    return out;
  }
}

/** Names of models the knowledge has no price for ("gpt-4o", "claude", "llama 3"), in simplified text. */
const UNKNOWN_MODEL =
  /\b(gpt[- ]?\d(?:[.\w-]*\w)?(?:\s?(?:turbo|mini|pro))?|chatgpt|claude(?:[- ](?:\d(?:\.\d)?|opus|sonnet|haiku|instant))*|gemini(?:[- ](?:\d(?:\.\d)?|pro|flash|ultra|nano))*|llama[- ]?\d?(?:\.\d)?|mistral(?:[- ](?:large|small|medium))?|mixtral|qwen[\w.-]*|grok[- ]?\d?|o3(?:[- ]mini)?|o4[- ]mini|o1[- ]pro|o1[- ]preview|sonnet|opus|haiku|kimi|deepseek[- ]?v2(?:\.5)?|deepseek[- ]coder|deepseek[- ]r2|v2(?:\.5)?|r2|copilot|bard|palm|command[- ]r\+?|phi[- ]?\d)\b/g;

/** A model name without a price may be in the text (cheap test before a full parse). */
export function namesUnknownModel(simplified: string): boolean {
  return new RegExp(UNKNOWN_MODEL.source).test(simplified);
}

/** Model names without a price in the (simplified) text, in order, each once. */
export function unknownModels(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(UNKNOWN_MODEL)) {
    const name = (m[1] ?? '').trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
