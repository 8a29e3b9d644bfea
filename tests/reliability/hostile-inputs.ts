import fc from 'fast-check';

/** Hand-picked hostile questions, then a seeded fast-check mix up to the wanted count. */
export const HAND_LIST: string[] = [
  '',
  ' ',
  '\u0000',
  'How much did Nvidia fall?\u0000\u0000',
  'a'.repeat(100 * 1024),
  '🚀🔥💸'.repeat(50),
  'DeepSeek 🐳 R1 price? 🤔',
  'مرحبا، كم سعر DeepSeek R1؟',
  'שלום \u202Eevil\u202C DeepSeek',
  '\u202E?llaf aidivN did hcum woH',
  '@everyone how much did Nvidia fall?',
  '@here R1 price',
  '<!channel> what is DeepSeek?',
  '<!here|here> <!everyone> <@U012345> <@&123456789012345678> <#C0123>',
  '<@123456789012345678> nvidia',
  '*bold* _it_ ~strike~ `code` ```block``` > quote',
  '[click](https://evil.example/phish) **R1** price',
  '<https://evil.example|Nvidia drop>',
  '||spoiler|| __underline__ # heading',
  "'; DROP TABLE entries; --",
  "1 OR 1=1; SELECT * FROM users WHERE name = 'admin'",
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\config\\SAM',
  'file:///etc/shadow',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose
  '${process.env.SLACK_BOT_TOKEN}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  '&lt;!channel&gt; &amp;',
  '\t\n\r\v\f',
  '\u200B\u200C\u200D\uFEFF',
  '\uD800 lone surrogate',
  'Ａｌｌ ｆｕｌｌｗｉｄｔｈ ｎｖｉｄｉａ',
  'combien a perdu Nvidia ?',
  'COMBIEN A PERDU NVIDIA',
  '10M tokens R1',
  '-1 tokens',
  '999999999999999999999999999999 tokens on R1',
  'NaN tokens',
  'Infinity GPUs for -5 hours',
  'help',
  'topics',
  '?'.repeat(499),
  'x'.repeat(500),
  'x'.repeat(501),
];

const FRAGMENTS = [
  '@everyone',
  '@here',
  '<!channel>',
  '<!here>',
  '<@U0ABC>',
  '<@&1234567890123456>',
  '**',
  '`',
  '```',
  '> ',
  '<',
  '>',
  '&',
  '|',
  '\u0000',
  '\u202E',
  '🐳',
  'nvidia',
  'R1',
  'prix',
  'DROP TABLE',
  '../',
  '%00',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 12 })
  .map((parts) => parts.join(' '));

const arbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 3, arbitrary: hostile },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 480, maxLength: 2000 }) },
  { weight: 1, arbitrary: fc.lorem({ maxCount: 12 }) },
);

/** `count` inputs: the hand list first, then seeded random ones (the same on every run). */
export function hostileInputs(count: number, seed = 20250127): string[] {
  return [...HAND_LIST, ...fc.sample(arbitrary, { numRuns: count - HAND_LIST.length, seed })];
}
