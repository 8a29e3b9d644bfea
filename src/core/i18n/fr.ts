import type { Messages } from './en.js';

/** Tous les textes montrés en français. */
export const fr: Messages = {
  appName: 'briefbot',
  colon: ' : ',
  help: {
    title: 'Ce que je sais répondre',
    body:
      'Je réponds aux questions sur le « choc DeepSeek » de janvier 2025 : DeepSeek et son fondateur, les modèles ' +
      'R1 et V3, le coût d’entraînement de V3, la chute des marchés et la perte record de Nvidia, les prix des API ' +
      'face à o1 d’OpenAI, les contrôles à l’exportation et l’application. Posez vos questions en français ou en anglais.',
    examples: 'Exemples',
    exampleList: [
      'Combien Nvidia a-t-elle perdu le 27 janvier ?',
      'Sous quelle licence est publié DeepSeek-R1 ?',
      'Combien coûtent 2 millions de tokens avec o1 ?',
      'coût d’entraînement avec 4000 GPU',
    ],
    commands: 'Commandes : `help` (ou `aide`), `topics` (ou `sujets`), `quit` (console).',
  },
  topics: {
    title: 'Sujets',
    body: 'Posez une question sur l’un de ces sujets :',
    entries: (n: number) => `${n} faits`,
  },
  refusal: {
    title: 'Je ne sais pas répondre à cela',
    body: 'Je ne réponds qu’aux questions sur le choc DeepSeek de janvier 2025, et je n’ai rien trouvé sur ce point.',
    didYouMean: 'Vouliez-vous dire',
    topicsIntro: 'Ce que je sais répondre :',
    empty: 'Posez-moi une question sur le choc DeepSeek de janvier 2025.',
  },
  fact: { confidence: 'Confiance', source: 'Source', related: 'Questions liées', article: 'Article source' },
  cost: {
    title: (amount: string) => `Coût de ${amount} tokens`,
    titleSplit: (input: string, output: string) => `Coût de ${input} tokens en entrée + ${output} en sortie`,
    directionInput: 'en entrée (hors cache)',
    directionOutput: 'en sortie',
    directionBoth: 'compté une fois en entrée et une fois en sortie',
    basis: (direction: string) => `Prix par million de tokens ; la quantité est comptée ${direction}.`,
    splitBasis: 'Prix par million de tokens : entrée au tarif hors cache, sortie au tarif de sortie.',
    ratio: (ratio: string, ref: string) => `${ratio} × ${ref}`,
    referenceSelf: 'référence',
    asOf: (date: string) => `prix au ${date}`,
    badAmount: (input: string) =>
      `Je n’ai pas compris « ${input} » comme un nombre de tokens. Essayez « 10M », « 2,5 millions », « 500k » ou « 1M en entrée, 200k en sortie ».`,
    negative: 'Un nombre de tokens doit être positif.',
    tooLarge: (max: string) => `C’est plus de tokens que je ne peux en chiffrer (la limite est ${max}).`,
    zero: 'Zéro token ne coûte rien. Donnez une quantité positive, comme « 10M ».',
    unknownModel: (name: string, models: string) =>
      `Je ne connais pas le modèle « ${name} ». Je connais : ${models}.`,
    usageTitle: 'Calculateur de coût en tokens',
    estimateTitle: 'Estimation du coût',
    reverseTitle: 'Ce que permet un budget',
    understood: 'Compris',
    nouns: {
      input: { one: 'token en entrée', other: 'tokens en entrée' },
      output: { one: 'token en sortie', other: 'tokens en sortie' },
      unsaid: { one: 'token', other: 'tokens' },
      both: { one: 'token dans chaque sens', other: 'tokens dans chaque sens' },
    },
    textNouns: {
      word: { one: 'mot', other: 'mots' },
      page: { one: 'page', other: 'pages' },
      char: { one: 'caractère', other: 'caractères' },
    },
    timeNouns: {
      hour: { one: 'heure', other: 'heures' },
      day: { one: 'jour', other: 'jours' },
      week: { one: 'semaine', other: 'semaines' },
      month: { one: 'mois', other: 'mois' },
      year: { one: 'an', other: 'ans' },
    },
    perUnit: { hour: 'heure', day: 'jour', week: 'semaine', month: 'mois', year: 'an' },
    span: (per: string, duration: string) => `par ${per} pendant ${duration}`,
    perRate: (per: string) => `par ${per}`,
    textSize: (text: string, tokens: string) => `${text} (≈\u00a0${tokens})`,
    januaryPrices: 'prix de janvier 2025',
    onlyPrice: 'prix de janvier 2025 (aucun changement connu ensuite)',
    noPrice: (names: string, known: string) =>
      `Je n’ai pas de prix pour ${names}\u00a0; je connais ${known}.`,
    usdOnly: 'Les prix sont en dollars US\u00a0; je ne fais pas de conversion.',
    budgetOf: (budget: string) => `budget de ${budget}`,
    cacheHit: (percent?: string) => (percent ? `${percent}\u00a0% en cache` : 'en cache (cache hit)'),
    allModels: 'tous les modèles',
    cachedPart: (tokens: string) => `dont ${tokens} en cache`,
    directionUnsaid: 'Entrée ou sortie non précisée\u00a0: les deux sont chiffrées.',
    textRule: (rule: string) =>
      `Hypothèse\u00a0: ${rule} (ordre de grandeur\u00a0; le nombre réel dépend du tokenizer).`,
    rules: {
      en: {
        word: '≈\u00a01,3 token par mot anglais',
        char: '≈\u00a04 caractères par token',
        page: '≈\u00a0500 mots par page, ≈\u00a01,3 token par mot anglais',
      },
      fr: {
        word: '≈\u00a01,5 token par mot français',
        char: '≈\u00a04 caractères par token',
        page: '≈\u00a0500 mots par page, ≈\u00a01,5 token par mot français',
      },
    },
    monthLength: 'Un mois compte ici 30 jours.',
    yearLength: 'Une année compte ici 365 jours.',
    noCachePrice: (model: string) =>
      `${model} n’avait pas de prix distinct pour le cache à cette date\u00a0: l’entrée en cache est comptée au prix normal.`,
    inOut: (input: string, output: string) => `entrée ${input} · sortie ${output}`,
    split: (total: string, input: string, output: string) => `${total} (entrée ${input} + sortie ${output})`,
    at: (value: string, rate: string) => `${value} (à ${rate} le million)`,
    each: (value: string) => `(${value} l’unité)`,
    eachPer: (value: string, per: string) => `(${value} par ${per})`,
    units: (count: string, each: string) => `${count} (à ${each} l’unité)`,
    unitsInOut: (nIn: string, eachIn: string, nOut: string, eachOut: string) =>
      `${nIn} en entrée (${eachIn} l’unité) ou ${nOut} en sortie (${eachOut} l’unité)`,
    or: 'ou',
    difference: (value: string, dearer: string, cheaper: string) =>
      `Écart\u00a0: ${value} (${dearer} − ${cheaper}).`,
    cheaper: (ratio: string, ref: string) => `${ratio} fois moins cher que ${ref}`,
    priceList: (input: string, cached: string, output: string) =>
      `entrée ${input} (en cache ${cached}) · sortie ${output} le million de tokens`,
    free: 'sans limite (le prix est nul)',
  },
  training: {
    title: 'Estimation du coût d’entraînement',
    formula: (gpus: string, hours: string, price: string, total: string) =>
      `${gpus} heures-GPU à ${price} l’heure-GPU = ${total}. (Grappe de ${hours} GPU.)`,
    gpus: 'GPU',
    gpuHours: 'Heures-GPU',
    hoursPerGpu: 'Heures par GPU',
    pricePerHour: 'Prix de l’heure-GPU',
    total: 'Total',
    defaultsNote: (report: string) =>
      `Valeurs par défaut tirées du ${report} : 2 048 GPU H800, 2,788 millions d’heures-GPU à 2 $ → 5,576 millions de dollars. Ce chiffre exclut la recherche et les expériences préalables.`,
    bad: (name: string) => `${name} doit être un nombre positif.`,
    tooLarge: (name: string) => `${name} est trop grand pour être calculé.`,
    gpuNoun: { one: 'GPU', other: 'GPU' },
    gpuHourNoun: { one: 'heure-GPU', other: 'heures-GPU' },
    perGpu: (duration: string, hours: string) => `${duration} (${hours}\u00a0h par GPU)`,
    priceOf: (price: string) => `${price} l’heure-GPU`,
    product: (parts: string, total: string) => `${parts} = **${total}**`,
    solvedHours: (hours: string, days: string) => `**${hours}\u00a0h par GPU** (≈\u00a0${days}\u00a0jours)`,
    solvedGpus: (gpus: string) => `**${gpus}**`,
    solvedGpuHours: (gpuHours: string) => `**${gpuHours}**`,
    solvedPrice: (price: string) => `au plus **${price} l’heure-GPU**`,
    fromReport: (items: string) => `D’après le rapport de DeepSeek-V3\u00a0: ${items}.`,
    reportGpus: '2\u202f048 GPU',
    reportGpuHours: '2,788 millions d’heures-GPU',
    reportHoursPerGpu: (hours: string) =>
      `${hours}\u00a0h par GPU (2,788 millions d’heures-GPU ÷ 2\u202f048 GPU)`,
    reportPrice: '2\u00a0$ l’heure-GPU (prix de location)',
    excludes: 'Le chiffre de V3 exclut la recherche et les expériences préalables.',
  },
  facts: {
    title: (topic: string) => `Faits : ${topic}`,
    unknownTopic: (t: string) => `Je n’ai pas de sujet « ${t} ».`,
  },
  about: {
    title: 'À propos de briefbot',
    body:
      'briefbot répond aux questions sur le choc DeepSeek de janvier 2025, à partir d’un article de presse français ' +
      'vérifié contre une fiche de faits sourcée (Reuters, rapports techniques et pages de prix de DeepSeek, fiche du ' +
      'modèle R1). Quand l’article arrondit ou se trompe, la réponse donne les deux chiffres.',
    sources: 'Sources',
    report: 'Signalez une réponse fausse avec 👎 sous la réponse, ou prévenez l’équipe qui gère ce bot.',
    facts: (n: string, topics: string) => `${n} faits répartis en ${topics} sujets.`,
  },
  home: {
    title: 'briefbot',
    intro:
      'Je réponds aux questions sur le « choc DeepSeek » de janvier 2025, en français et en anglais, en citant mes sources.',
    topicsTitle: 'Ce que je sais',
    examples: 'Essayez :',
    howTitle: 'Comment me poser une question',
    how: [
      '• Mentionnez-moi dans un canal : je réponds dans un fil.',
      '• Envoyez-moi un message direct.',
      '• Utilisez `/ask` suivi de votre question (`/ask privé …` n’affiche la réponse qu’à vous).',
      '• Répondez dans mon fil pour enchaîner (« et sur o1 ? », « pourquoi ? », « source ? ») : pas besoin de me mentionner à nouveau.',
    ],
    answerTitle: 'Votre question',
    adminTitle: (days: number) => `${days} derniers jours (administrateurs)`,
    questions: 'Questions',
    answeredShare: 'Répondues',
    topUnanswered: 'Les plus posées sans réponse',
    downvotes: '👎 par fiche',
    none: 'Rien pour l’instant.',
    perInstance: 'Compté par cette instance depuis son démarrage.',
    language: 'English',
  },
  escalation: {
    button: 'Demander à une personne',
    root: (who: string, question: string) =>
      `${who} a posé une question que briefbot n’a pas su régler : « ${question} »`,
    answered: (title: string) => `Réponse de briefbot : ${title}`,
    unanswered: 'briefbot n’avait pas de réponse.',
    downvoted: 'La réponse a été jugée pas utile.',
    link: 'Message d’origine :',
    done: 'J’ai transmis la question à l’équipe : une personne répondra dans le fil que j’ai ouvert.',
    already: 'Cette question a déjà été transmise à l’équipe.',
    unavailable: 'Personne n’est désigné pour répondre aux questions ici.',
  },
  limits: {
    rate: (perMinute: number) =>
      `Vous posez des questions plus vite que je ne peux suivre (${perMinute} questions par minute). Patientez un instant.`,
    tooLong: (max: number) => `Cette question est trop longue : gardez-la sous ${max} caractères.`,
    title: 'Un peu de patience',
    tooLongTitle: 'Question trop longue',
  },
  errors: {
    title: 'Une erreur est survenue',
    apology: (id: string) => `Désolé, une erreur s’est produite de mon côté. (identifiant : ${id})`,
    unknownCommand: 'Je ne connais pas cette commande.',
  },
  feedback: {
    thanks: 'Merci pour votre retour !',
    up: 'Utile',
    down: 'Pas utile',
    recorded: 'Merci, c’est noté.',
    formTitle: 'Ce qui n’allait pas',
    reasonLabel: 'Raison',
    reasons: { wrong: 'Faux', outdated: 'Plus à jour', unclear: 'Pas clair', 'not-asked': 'Hors sujet' },
    commentLabel: 'Un commentaire ? (facultatif)',
    commentPlaceholder: 'La bonne réponse, ou ce que vous attendiez',
    send: 'Envoyer',
    cancel: 'Annuler',
  },
  /** Data area: backpressure and votes on answers that are gone. */
  data: {
    busyTitle: 'Un instant',
    busy: 'Je réponds à beaucoup de questions en ce moment. Réessayez dans un instant.',
    unavailable: 'Cette réponse n’est plus disponible. Posez la question à nouveau.',
  },
  conversation: {
    sourceTitle: 'Source',
    sourceIntro: (title: string) => `La réponse à « ${title} » vient de cette source.`,
    noSource: (title: string) =>
      `Je n’ai pas de source unique à citer pour « ${title} » : c’est calculé à partir des chiffres que je connais.`,
    detailsTitle: (title: string) => `${title} — en détail`,
    fromArticle: 'Dans l’article',
    nothingYetTitle: 'Posez-moi d’abord une question',
    nothingYet:
      'Posez-moi d’abord une question sur le choc DeepSeek ; je pourrai ensuite en donner la source, plus de détails, une réponse plus courte ou la même en anglais.',
    stopped: 'D’accord, je me tais dans ce fil. Mentionnez-moi pour me faire revenir.',
    fresh: 'Nouvelle conversation : les questions précédentes sont oubliées.',
    followUp: 'Question suivante',
    followUpTitle: 'Question de suivi',
    followUpLabel: 'Votre question suivante',
    followUpPlaceholder: 'et sur o1 ? · pourquoi ? · source ? · en bref ?',
    expired: 'Cette conversation a expiré. Reposez votre question avec /demander.',
  },
  glance: {
    quoteLabel: 'Article source (en français)',
    translation: 'En anglais',
    consoleExamples: (a: string, b: string) => `Essayez\u00a0: « ${a} » ou « ${b} ».`,
    consoleExampleList: [
      'De combien Nvidia et les autres ont-elles chuté ?',
      'how much would 10M tokens cost on o1?',
    ],
  },
  charts: {
    showAsChart: 'Voir en graphique',
    costTitle: (amount: string) => `Coût de ${amount}`,
    costAxis: 'Coût en dollars US',
    costCaption: (asOf: string, source: string) =>
      `Prix publics des API en ${asOf} (${source}) ; DeepSeek-R1 en évidence, rapports à R1.`,
    costAlt: (cheapest: string, dearest: string, ratio: string) =>
      `${cheapest} est le moins cher ; ${dearest} coûte ${ratio} fois plus que DeepSeek-R1.`,
    ratioToRef: (ratio: string) => `${ratio}\u00a0× R1`,
    apartNote: 'Le volume est compté une fois en entrée et une fois en sortie.',
    reference: 'référence',
    input: 'Entrée',
    output: 'Sortie',
    marketAxis: 'Variation sur la séance',
    marketCaption: (date: string, sources: string) =>
      `Variations à la clôture du ${date}. ≈\u00a0approximatif, *\u00a0en séance (pas de cours de clôture). Sources\u00a0: ${sources}.`,
    marketAlt: (worst: string, nasdaq: string) =>
      `Plus forte baisse\u00a0: ${worst}\u00a0; le Nasdaq ${nasdaq}.`,
    intraday: 'en séance',
    trainingAxis: 'Coût en millions de dollars US',
    trainingCaption: (price: string, source: string, date: string) =>
      `${price} l’heure GPU H800 (location). Seul l’entraînement final\u00a0: hors recherche et ablations. ${source}, ${date}.`,
    trainingAlt: (top: string, share: string) => `${top}\u00a0: ${share} du coût.`,
    gpuHours: (hours: string) => `${hours}\u00a0h GPU`,
    tokens: (n: string) => `${n}\u00a0tokens`,
    tokensSplit: (input: string, output: string) => `${input}\u00a0tokens en entrée + ${output} en sortie`,
    unavailable: 'Ce graphique n’est pas disponible pour le moment.',
    marketAnswer: (worst: string, nvidia: string, nasdaq: string) =>
      `Le 27 janvier 2025, c’est ${worst} qui a le plus chuté\u00a0; Nvidia a fini à ${nvidia} et le Nasdaq à ${nasdaq}.`,
    trainingAnswer: (total: string) =>
      `L’entraînement final de DeepSeek-V3 a coûté ${total}, presque entièrement en pré-entraînement.`,
  },
  chat: {
    title: 'briefbot',
    greeting: 'Bonjour ! Je réponds aux questions sur le choc DeepSeek de janvier 2025.',
    'how-are-you':
      'Ça va très bien, merci ! Je suis prêt pour vos questions sur le choc DeepSeek de janvier 2025.',
    thanks: 'Avec plaisir ! Posez-moi d’autres questions sur le choc DeepSeek.',
    bye: 'Au revoir ! Revenez quand vous voulez avec une question sur le choc DeepSeek.',
    identity:
      'Je suis briefbot, un bot (pas une personne) qui répond aux questions sur le choc DeepSeek de janvier 2025, à partir d’un article de presse vérifié avec des sources fiables.',
    creator:
      'J’ai été mis en place par l’équipe qui gère cet espace. Je ne suis fait ni par DeepSeek ni par OpenAI : je réponds à partir d’un article de presse et d’une fiche de faits vérifiés.',
    capabilities:
      'Je réponds aux questions sur le choc DeepSeek de janvier 2025 — DeepSeek et son fondateur, R1 et V3, le coût d’entraînement de V3, le krach boursier, les prix de l’API face à o1 d’OpenAI, les contrôles à l’export, l’appli — et je calcule le coût de l’API pour un nombre de tokens.',
    compliment: 'Merci, ravi de vous être utile !',
    insult:
      'Désolé de ne pas vous avoir aidé. Si une réponse est fausse, cliquez sur 👎 en dessous ; vous pouvez aussi reformuler votre question.',
    tryAsking: 'Vous pouvez demander par exemple',
    examples: [
      'Combien Nvidia a-t-elle perdu le 27 janvier ?',
      'Qui a fondé DeepSeek ?',
      'Combien coûte l’API de R1 ?',
    ],
  },
  understanding: {
    gapTitle: 'Absent de mes sources',
    notAbout: (thing: string) => `Je n’ai rien à ce sujet sur ${thing} dans mes sources.`,
    nearby: 'Ce que je peux vous dire de proche',
    missingPart: 'Je n’ai pas trouvé de quoi répondre au reste de votre question dans mes sources.',
  },
};
