/** Every user-facing English text. French mirrors it in fr.ts; the type keeps them in step. */
export const en = {
  appName: 'briefbot',
  /** Label separator: "Source: …" in English, "Source : …" in French. */
  colon: ': ',
  help: {
    title: 'What I can answer',
    body:
      'I answer questions about the "DeepSeek shock" of January 2025: DeepSeek and its founder, the R1 and V3 ' +
      "models, V3's training cost, the market selloff and Nvidia's record loss, API prices against OpenAI's o1, " +
      'export controls and the app. Ask in English or French.',
    examples: 'Examples',
    exampleList: [
      'How much did Nvidia lose on 27 January?',
      'What license is DeepSeek-R1 under?',
      'How much would 10M tokens cost on o1?',
      'training cost with 4000 GPUs',
    ],
    commands: 'Commands: `help`, `topics`, `quit` (console).',
  },
  topics: { title: 'Topics', body: 'Ask about any of these topics:', entries: (n: number) => `${n} facts` },
  refusal: {
    title: "I don't know that one",
    body: "I can only answer questions about the January 2025 DeepSeek shock, and I couldn't find this in what I know.",
    didYouMean: 'Did you mean',
    topicsIntro: 'What I can answer:',
    empty: 'Ask me a question about the DeepSeek shock of January 2025.',
  },
  fact: {
    confidence: 'Confidence',
    source: 'Source',
    related: 'Related questions',
    article: 'Source article',
  },
  cost: {
    title: (amount: string) => `Cost of ${amount} tokens`,
    titleSplit: (input: string, output: string) => `Cost of ${input} input + ${output} output tokens`,
    directionInput: 'input (cache miss)',
    directionOutput: 'output',
    directionBoth: 'counted once as input and once as output',
    basis: (direction: string) => `Prices per million tokens; the amount is priced as ${direction}.`,
    splitBasis: 'Prices per million tokens: input at the cache-miss rate, output at the output rate.',
    ratio: (ratio: string, ref: string) => `${ratio} × ${ref}`,
    referenceSelf: 'reference',
    asOf: (date: string) => `prices as of ${date}`,
    badAmount: (input: string) =>
      `I couldn't read "${input}" as a number of tokens. Try "10M", "2.5 million", "500k" or "1M in, 200k out".`,
    negative: 'A number of tokens must be positive.',
    tooLarge: (max: string) => `That is more tokens than I can price (the limit is ${max}).`,
    zero: 'Zero tokens cost nothing. Give a positive amount, like "10M".',
    unknownModel: (name: string, models: string) => `I don't know the model "${name}". I know: ${models}.`,
    usageTitle: 'Token cost calculator',
    estimateTitle: 'Cost estimate',
    reverseTitle: 'What a budget buys',
    understood: 'Understood',
    nouns: {
      input: { one: 'input token', other: 'input tokens' },
      output: { one: 'output token', other: 'output tokens' },
      unsaid: { one: 'token', other: 'tokens' },
      both: { one: 'token each way', other: 'tokens each way' },
    },
    textNouns: {
      word: { one: 'word', other: 'words' },
      page: { one: 'page', other: 'pages' },
      char: { one: 'character', other: 'characters' },
    },
    timeNouns: {
      hour: { one: 'hour', other: 'hours' },
      day: { one: 'day', other: 'days' },
      week: { one: 'week', other: 'weeks' },
      month: { one: 'month', other: 'months' },
      year: { one: 'year', other: 'years' },
    },
    perUnit: { hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'year' },
    span: (per: string, duration: string) => `per ${per} for ${duration}`,
    perRate: (per: string) => `per ${per}`,
    textSize: (text: string, tokens: string) => `${text} (≈${tokens})`,
    januaryPrices: 'January 2025 prices',
    onlyPrice: 'January 2025 prices (no later change known)',
    noPrice: (names: string, known: string) => `I have no price for ${names}; I know ${known}.`,
    usdOnly: "Prices are in US dollars; I don't convert.",
    budgetOf: (budget: string) => `budget ${budget}`,
    cacheHit: (percent?: string) => (percent ? `${percent}% cache hits` : 'cache hit'),
    allModels: 'all models',
    cachedPart: (tokens: string) => `${tokens} of them cache hits`,
    directionUnsaid: 'Input or output not said: both are priced.',
    textRule: (rule: string) =>
      `Assumption: ${rule} (a rule of thumb; the real count depends on the tokenizer).`,
    rules: {
      en: {
        word: '≈1.3 tokens per English word',
        char: '≈4 characters per token',
        page: '≈500 words a page, ≈1.3 tokens per English word',
      },
      fr: {
        word: '≈1.5 tokens per French word',
        char: '≈4 characters per token',
        page: '≈500 words a page, ≈1.5 tokens per French word',
      },
    },
    monthLength: 'A month is counted as 30 days.',
    yearLength: 'A year is counted as 365 days.',
    noCachePrice: (model: string) =>
      `${model} had no separate cached price then: cached input is priced as normal input.`,
    inOut: (input: string, output: string) => `input ${input} · output ${output}`,
    split: (total: string, input: string, output: string) => `${total} (input ${input} + output ${output})`,
    at: (value: string, rate: string) => `${value} (at ${rate} per M)`,
    each: (value: string) => `(${value} each)`,
    eachPer: (value: string, per: string) => `(${value} per ${per})`,
    units: (count: string, each: string) => `${count} (at ${each} each)`,
    unitsInOut: (nIn: string, eachIn: string, nOut: string, eachOut: string) =>
      `${nIn} as input (${eachIn} each) or ${nOut} as output (${eachOut} each)`,
    or: 'or',
    difference: (value: string, dearer: string, cheaper: string) =>
      `Difference: ${value} (${dearer} − ${cheaper}).`,
    cheaper: (ratio: string, ref: string) => `${ratio} × cheaper than ${ref}`,
    priceList: (input: string, cached: string, output: string) =>
      `input ${input} (cached ${cached}) · output ${output} per M tokens`,
    free: 'no limit (the price is zero)',
  },
  training: {
    title: 'Training cost estimate',
    formula: (gpus: string, hours: string, price: string, total: string) =>
      `${gpus} GPU-hours at ${price} per GPU-hour = ${total}. (Cluster of ${hours} GPUs.)`,
    gpus: 'GPUs',
    gpuHours: 'GPU-hours',
    hoursPerGpu: 'Hours per GPU',
    pricePerHour: 'Price per GPU-hour',
    total: 'Total',
    defaultsNote: (report: string) =>
      `Defaults come from the ${report}: 2,048 H800 GPUs, 2.788M GPU-hours at $2 → $5.576M. The figure excludes research and ablation experiments.`,
    bad: (name: string) => `${name} must be a positive number.`,
    tooLarge: (name: string) => `${name} is too large to compute.`,
    gpuNoun: { one: 'GPU', other: 'GPUs' },
    gpuHourNoun: { one: 'GPU-hour', other: 'GPU-hours' },
    perGpu: (duration: string, hours: string) => `${duration} (${hours} h per GPU)`,
    priceOf: (price: string) => `${price} per GPU-hour`,
    product: (parts: string, total: string) => `${parts} = **${total}**`,
    solvedHours: (hours: string, days: string) => `**${hours} h per GPU** (≈${days} days)`,
    solvedGpus: (gpus: string) => `**${gpus}**`,
    solvedGpuHours: (gpuHours: string) => `**${gpuHours}**`,
    solvedPrice: (price: string) => `at most **${price} per GPU-hour**`,
    fromReport: (items: string) => `From the DeepSeek-V3 report: ${items}.`,
    reportGpus: '2,048 GPUs',
    reportGpuHours: '2.788M GPU-hours',
    reportHoursPerGpu: (hours: string) => `${hours} h per GPU (2.788M GPU-hours ÷ 2,048 GPUs)`,
    reportPrice: '$2 per GPU-hour (rental price)',
    excludes: 'The V3 figure excludes research and ablation experiments.',
  },
  facts: {
    title: (topic: string) => `Facts: ${topic}`,
    unknownTopic: (t: string) => `I have no topic "${t}".`,
  },
  about: {
    title: 'About briefbot',
    body:
      'briefbot answers questions about the January 2025 DeepSeek shock, from a French news article checked ' +
      'against a verified fact sheet (Reuters, DeepSeek technical reports and pricing pages, the R1 model card). ' +
      'Where the article rounds or errs, the answer gives both figures.',
    sources: 'Sources',
    report: 'Report a wrong answer with 👎 under it, or tell the team that runs this bot.',
    facts: (n: string, topics: string) => `${n} facts in ${topics} topics.`,
  },
  home: {
    title: 'briefbot',
    intro:
      'I answer questions about the January 2025 "DeepSeek shock", in English and French, and cite my sources.',
    topicsTitle: 'What I know',
    examples: 'Try one:',
    howTitle: 'How to ask me',
    how: [
      '• Mention me in a channel: I answer in a thread.',
      '• Send me a direct message.',
      '• Use `/ask` followed by your question (`/ask private …` shows the answer only to you).',
      '• Reply in my thread to follow up ("and on o1?", "why?", "source?"): no new mention needed.',
    ],
    answerTitle: 'Your question',
    adminTitle: (days: number) => `Last ${days} days (admins only)`,
    questions: 'Questions',
    answeredShare: 'Answered',
    topUnanswered: 'Most asked without an answer',
    downvotes: '👎 by entry',
    none: 'Nothing yet.',
    perInstance: 'Counted by this instance since it started.',
    language: 'Français',
  },
  escalation: {
    button: 'Ask a person',
    root: (who: string, question: string) =>
      `${who} asked something briefbot could not settle: “${question}”`,
    answered: (title: string) => `briefbot answered: ${title}`,
    unanswered: 'briefbot had no answer.',
    downvoted: 'They marked the answer as not helpful.',
    link: 'Original message:',
    done: 'I asked the team: someone will answer in the thread I started.',
    already: 'This question has already been passed to the team.',
    unavailable: 'Nobody is set up to take questions here.',
  },
  limits: {
    rate: (perMinute: number) =>
      `You are asking faster than I can keep up with (${perMinute} questions a minute). Please wait a moment.`,
    tooLong: (max: number) => `That question is too long: please keep it under ${max} characters.`,
    title: 'Please slow down',
    tooLongTitle: 'Question too long',
  },
  errors: {
    title: 'Something went wrong',
    apology: (id: string) => `Sorry, something went wrong on my side. (error id: ${id})`,
    unknownCommand: "I don't know that command.",
  },
  feedback: {
    thanks: 'Thanks for the feedback!',
    up: 'Helpful',
    down: 'Not helpful',
    recorded: 'Thanks — recorded.',
    /** The 👎 form (Slack modal title ≤ 24 characters, Discord ≤ 45). */
    formTitle: 'What was wrong?',
    reasonLabel: 'Reason',
    reasons: { wrong: 'Wrong', outdated: 'Out of date', unclear: 'Unclear', 'not-asked': 'Not what I asked' },
    commentLabel: 'Anything to add? (optional)',
    commentPlaceholder: 'What the right answer is, or what you expected',
    send: 'Send',
    cancel: 'Cancel',
  },
  /** Data area: backpressure and votes on answers that are gone. */
  data: {
    busyTitle: 'Busy right now',
    busy: 'I am answering a lot of questions right now. Please try again in a moment.',
    unavailable: 'This answer is no longer available. Ask the question again.',
  },
  conversation: {
    sourceTitle: 'Source',
    sourceIntro: (title: string) => `The answer to “${title}” comes from this source.`,
    noSource: (title: string) =>
      `I have no single source to cite for “${title}”: it is computed from the figures I know.`,
    detailsTitle: (title: string) => `${title} — in detail`,
    fromArticle: 'From the article',
    nothingYetTitle: 'Ask me something first',
    nothingYet:
      'Ask me a question about the DeepSeek shock first; then I can give its source, more details, a shorter answer or the same in French.',
    stopped: 'OK, I’ll stay quiet in this thread. Mention me to bring me back.',
    fresh: 'New conversation: earlier questions are forgotten.',
    followUp: 'Follow up',
    followUpTitle: 'Follow-up question',
    followUpLabel: 'Your next question',
    followUpPlaceholder: 'and on o1? · why? · source? · in short?',
    expired: 'This conversation has expired. Ask your question again with /ask.',
  },
  glance: {
    quoteLabel: 'Source article (French)',
    translation: 'In English',
    consoleExamples: (a: string, b: string) => `Try: "${a}" or "${b}".`,
    consoleExampleList: ['How much did Nvidia and the others fall?', 'combien coûtent 10M tokens sur o1 ?'],
  },
  charts: {
    showAsChart: 'Show as chart',
    costTitle: (amount: string) => `Cost of ${amount}`,
    costAxis: 'Cost in US dollars',
    costCaption: (asOf: string, source: string) =>
      `API list prices as of ${asOf} (${source}); DeepSeek-R1 highlighted, ratios to R1.`,
    costAlt: (cheapest: string, dearest: string, ratio: string) =>
      `${cheapest} is the cheapest; ${dearest} costs ${ratio} times as much as DeepSeek-R1.`,
    ratioToRef: (ratio: string) => `${ratio}× R1`,
    apartNote: 'The amount is priced once as input and once as output.',
    reference: 'reference',
    input: 'Input',
    output: 'Output',
    marketAxis: 'Change on the day',
    marketCaption: (date: string, sources: string) =>
      `Closing moves on ${date}. ≈ approximate, * intraday (no closing figure). Sources: ${sources}.`,
    marketAlt: (worst: string, nasdaq: string) => `Worst move: ${worst}; the Nasdaq ${nasdaq}.`,
    intraday: 'intraday',
    trainingAxis: 'Cost in millions of US dollars',
    trainingCaption: (price: string, source: string, date: string) =>
      `${price} per H800 GPU hour (rental). Final training run only: excludes research and ablations. ${source}, ${date}.`,
    trainingAlt: (top: string, share: string) => `${top} is ${share} of the cost.`,
    gpuHours: (hours: string) => `${hours} GPU h`,
    tokens: (n: string) => `${n} tokens`,
    tokensSplit: (input: string, output: string) => `${input} input + ${output} output tokens`,
    unavailable: 'That chart is not available right now.',
    marketAnswer: (worst: string, nvidia: string, nasdaq: string) =>
      `On 27 January 2025 ${worst} fell the most; Nvidia closed ${nvidia} and the Nasdaq ${nasdaq}.`,
    trainingAnswer: (total: string) =>
      `DeepSeek-V3's final training run cost ${total}, almost all of it pre-training.`,
  },
  /** Small talk (reply kind "chat"). */
  chat: {
    title: 'briefbot',
    greeting: 'Hello! I answer questions about the DeepSeek shock of January 2025.',
    'how-are-you': "I'm fine, thanks! Ready for your questions about the DeepSeek shock of January 2025.",
    thanks: "You're welcome! Ask me anything else about the DeepSeek shock.",
    bye: 'Bye! Come back any time with a question about the DeepSeek shock.',
    identity:
      "I'm briefbot, a bot (not a person) that answers questions about the January 2025 DeepSeek shock, from a news article checked against verified sources.",
    creator:
      "I was set up by the team that runs this workspace. I'm not made by DeepSeek or OpenAI: I answer from a news article and a verified fact sheet.",
    capabilities:
      "I answer questions about the DeepSeek shock of January 2025 — DeepSeek and its founder, R1 and V3, V3's training cost, the market selloff, API prices against OpenAI's o1, export controls, the app — and I compute API costs for a number of tokens.",
    compliment: 'Thank you, glad it helps!',
    insult:
      "Sorry I wasn't helpful. If an answer was wrong, press 👎 under it; you can also rephrase your question.",
    tryAsking: 'You can ask, for example',
    examples: [
      'How much did Nvidia lose on 27 January?',
      'Who founded DeepSeek?',
      'How much does the R1 API cost?',
    ],
  },
  /** Honest refusals and answers in several parts. */
  understanding: {
    gapTitle: 'Not in my sources',
    notAbout: (thing: string) => `I have nothing on that about ${thing} in my sources.`,
    nearby: 'What I can tell you nearby',
    missingPart: "I couldn't answer the rest of your question from my sources.",
  },
};

export type Messages = typeof en;
