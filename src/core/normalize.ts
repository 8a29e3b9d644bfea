/**
 * Text normalization for search: case, accents, punctuation, stop words in both languages,
 * cross-language synonyms and light stemming. Pure functions, no state.
 */

/** Lowercase, accents removed, apostrophes and punctuation turned into spaces, spaces collapsed. */
export function fold(text: string): string {
  return text
    .replace(/s\s*&\s*p(?:\s*500)?/gi, ' sp500 ')
    // "quel temps fait-il" asks about the weather, not about how long something took.
    .replace(/quel\s+temps\s+(?:fait|va|fera)/gi, ' meteo ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STOP_WORDS = new Set(
  // English
  (
    'a an the of to in on at for by with from about into as is are was were be been being am do does did ' +
    'doing has have had having it its it s this that these those there here and or but if then so than too ' +
    'very can could would should will shall may might must i me my we our us you your he him his she her they ' +
    'them their what which whom whose whats s t just also any some all any tell know please pls plz hey hi ' +
    'how comment ok okay say said quick question q get got like really actually thing things one ones bot briefbot ' +
    'anyone someone guys folks team exactly again only still whole' +
    // French
    ' le la les l un une des du de d au aux a ce cet cette ces c ca cela ceci qu que qui quoi quel quelle quels ' +
    'quelles est sont etait etaient ete etre et ou mais donc or ni car se sa son ses leur leurs lui y en ne pas ' +
    'plus il elle ils elles on nous vous je j tu me m te mon ma mes ton ta tes notre nos votre vos ai as avons avez ' +
    'ont avait fait faire peut peux pouvez dire dis dites savoir sais sait svp stp bonjour salut alors bien tout ' +
    'tous toute toutes aussi encore juste vraiment exactement comme par pour dans sur avec sans chez vers entre ' +
    'moi toi eux ceux celle celui y a t il est ce qu'
  ).split(/\s+/),
);

/**
 * Words of both languages mapped to one concept, so that "puces", "chips" and "GPU" meet, and a
 * French question finds an entry whose variants are English.
 */
const SYNONYMS: Record<string, string[]> = {
  cost: [
    'cost',
    'costs',
    'costed',
    'cout',
    'couts',
    'coute',
    'coutent',
    'couter',
    'coutait',
    'coutera',
    'costly',
    'couteux',
    'couteuse',
    'spend',
    'spent',
    'depense',
    'depenses',
    'budget',
    'build',
    'building',
    'built',
    'develop',
    'developed',
    'development',
    'developpement',
    'developper',
  ],
  price: [
    'price',
    'prices',
    'priced',
    'pricing',
    'prix',
    'tarif',
    'tarifs',
    'tarification',
    'rate',
    'rates',
    'fee',
    'fees',
    'charge',
    'charges',
    'facture',
    'factures',
    'billed',
    'billing',
  ],
  cheap: [
    'cheap',
    'cheaper',
    'cheapest',
    'cher',
    'chere',
    'chers',
    'expensive',
    'pricier',
    'affordable',
    'economique',
    'abordable',
    'bon marche',
  ],
  train: [
    'train',
    'trained',
    'training',
    'trains',
    'entrainement',
    'entrainer',
    'entraine',
    'entrainee',
    'entraines',
    'entrainements',
    'entrainé',
    'apprentissage',
    'pretraining',
    'pre',
  ],
  chip: [
    'chip',
    'chips',
    'puce',
    'puces',
    'gpu',
    'gpus',
    'processeur',
    'processeurs',
    'semiconducteur',
    'carte',
    'cartes',
    'accelerator',
    'accelerators',
    'accelerateur',
    'accelerateurs',
    'hardware',
    'materiel',
  ],
  stock: [
    'stock',
    'stocks',
    'share',
    'shares',
    'action',
    'actions',
    'titre',
    'titres',
    'cours',
    'equity',
    'nvda',
  ],
  drop: [
    'drop',
    'dropped',
    'drops',
    'fall',
    'fell',
    'falls',
    'fallen',
    'plunge',
    'plunged',
    'plonge',
    'plongee',
    'tumble',
    'tumbled',
    'tank',
    'tanked',
    'crash',
    'crashed',
    'chute',
    'chuter',
    'chutee',
    'baisse',
    'baisser',
    'recul',
    'recule',
    'repli',
    'decline',
    'declined',
    'slump',
    'slumped',
    'sink',
    'sank',
    'devisse',
    'degringole',
    'effondre',
    'effondrement',
    'down',
    'hit',
    'lose',
    'lost',
    'loss',
    'losses',
    'perdu',
    'perte',
    'pertes',
    'perdre',
    'wiped',
    'efface',
    'effacer',
    'selloff',
  ],
  found: [
    'found',
    'founded',
    'founder',
    'founders',
    'founding',
    'fondateur',
    'fondatrice',
    'fonde',
    'fondee',
    'fondation',
    'cofounder',
    'cofondateur',
    'creator',
    'createur',
    'created',
    'cree',
    'creee',
    'started',
    'behind',
    'derriere',
    'launched',
    'monte',
    'setup',
  ],
  licence: [
    'licence',
    'license',
    'licenses',
    'licences',
    'licensed',
    'licensing',
    'mit',
    'commercial',
    'commercially',
    'commercialiser',
    'commercialisation',
    'commerciale',
    'legal',
    'legally',
    'legalement',
    'permissive',
  ],
  model: ['model', 'models', 'modele', 'modeles', 'llm', 'llms'],
  valuation: [
    'valuation',
    'valorisation',
    'capitalisation',
    'capitalization',
    'cap',
    'mcap',
    'value',
    'valeur',
    'worth',
  ],
  token: ['token', 'tokens', 'jeton', 'jetons'],
  release: [
    'release',
    'released',
    'releases',
    'publish',
    'published',
    'publie',
    'publiee',
    'publication',
    'sorti',
    'sortie',
    'unveiled',
    'devoile',
    'annonce',
    'announced',
    'launch',
    'lance',
    'lancee',
    'lancement',
    'debut',
    'dropped',
  ],
  when: ['when', 'quand', 'date'],
  monday: ['monday', 'lundi'],
  weather: ['weather', 'meteo', 'temperature', 'forecast', 'rain', 'raining', 'pluie', 'snow', 'neige', 'sunny'],
  // Concepts no entry answers: naming them makes a question about something else score low.
  funding: [
    'raise',
    'raised',
    'raising',
    'fundraising',
    'funding',
    'funded',
    'leve',
    'levee',
    'levees',
    'lever',
    'financement',
    'financing',
    'backers',
  ],
  revenue: [
    'revenue',
    'revenues',
    'sales',
    'turnover',
    'profit',
    'profits',
    'benefice',
    'benefices',
    'affaires',
    'earnings',
  ],
  staff: [
    'employees',
    'employee',
    'employes',
    'employe',
    'staff',
    'salaries',
    'headcount',
    'effectif',
    'effectifs',
    'hire',
    'hiring',
    'embauche',
    'salary',
    'salaire',
    'salaires',
    'wage',
    'wages',
    'remuneration',
  ],
  ceo: ['ceo', 'pdg', 'boss', 'patron', 'dirigeant', 'chief', 'head', 'leader'],
  now: [
    'now',
    'today',
    'currently',
    'current',
    'latest',
    'nowadays',
    'maintenant',
    'aujourd',
    'hui',
    'actuel',
    'actuelle',
    'actuellement',
    'moment',
    'tonight',
    'demain',
    'tomorrow',
    'yesterday',
    'hier',
  ],
  who: ['who', 'qui', 'whom'],
  why: ['why', 'pourquoi', 'reason', 'raison', 'cause', 'caused'],
  howmuch: ['much', 'many', 'combien'],
  china: ['china', 'chinese', 'chine', 'chinois', 'chinoise', 'chinoises'],
  america: [
    'america',
    'american',
    'americans',
    'americain',
    'americaine',
    'americains',
    'usa',
    'etats',
    'unis',
    'washington',
    'us',
  ],
  export: ['export', 'exports', 'exportation', 'exportations', 'exporter'],
  control: [
    'control',
    'controls',
    'controle',
    'controles',
    'restriction',
    'restrictions',
    'sanction',
    'sanctions',
    'embargo',
    'ban',
    'banned',
    'interdiction',
    'interdit',
    'curbs',
    'rules',
    'regles',
  ],
  market: [
    'market',
    'markets',
    'marche',
    'marches',
    'bourse',
    'bourses',
    'boursier',
    'boursiere',
    'boursiers',
    'wall',
    'street',
    'investors',
    'investisseurs',
  ],
  company: [
    'company',
    'companies',
    'entreprise',
    'entreprises',
    'societe',
    'startup',
    'start',
    'firm',
    'firme',
    'lab',
    'labo',
    'laboratoire',
  ],
  times: ['times', 'fois', 'x'],
  billion: ['billion', 'billions', 'milliard', 'milliards', 'bn'],
  million: ['million', 'millions', 'mn'],
  hour: ['hour', 'hours', 'heure', 'heures', 'hrs'],
  data: ['data', 'donnees', 'dataset', 'corpus'],
  parameter: [
    'parameter',
    'parameters',
    'params',
    'parametre',
    'parametres',
    'weights',
    'poids',
    'big',
    'large',
    'size',
    'taille',
    'gros',
    'grand',
  ],
  benchmark: [
    'benchmark',
    'benchmarks',
    'score',
    'scores',
    'performance',
    'performances',
    'perf',
    'eval',
    'evals',
    'evaluation',
    'evaluations',
    'compare',
    'compared',
    'comparison',
    'comparaison',
    'versus',
    'vs',
  ],
  distill: ['distill', 'distilled', 'distillation', 'distille', 'distilles', 'distillé'],
  download: [
    'download',
    'downloads',
    'downloaded',
    'telecharge',
    'telechargee',
    'telecharges',
    'telechargement',
    'telechargements',
    'installs',
    'installed',
  ],
  app: ['app', 'apps', 'application', 'applications', 'appli', 'applis', 'appstore', 'mobile', 'chatbot'],
  top: [
    'top',
    'first',
    'premier',
    'premiere',
    'number',
    'numero',
    'rank',
    'ranked',
    'classement',
    'chart',
    'charts',
    'tete',
    'overtook',
    'depasse',
    'beat',
    'battu',
  ],
  open: ['open', 'ouvert', 'ouverte', 'opensource'],
  index: ['index', 'indice', 'composite'],
  semiconductor: ['semiconductor', 'semiconductors', 'semis', 'semiconducteurs', 'sox'],
  week: ['week', 'semaine'],
  month: ['month', 'mois', 'months'],
  record: [
    'record',
    'biggest',
    'largest',
    'historic',
    'historique',
    'jamais',
    'ever',
    'plus grosse',
    'pire',
    'worst',
  ],
  invest: [
    'invest',
    'investment',
    'investments',
    'invested',
    'investissement',
    'investissements',
    'investi',
    'spending',
    'capex',
    'infrastructure',
    'infrastructures',
    'datacenter',
    'datacenters',
  ],
  lead: ['lead', 'avance', 'advantage', 'ahead', 'dominance', 'supremacy', 'edge', 'superiorite'],
  input: ['input', 'inputs', 'entree', 'entrees', 'prompt'],
  output: ['output', 'outputs', 'completion', 'completions', 'generated'],
  cache: ['cache', 'cached', 'hit', 'caching'],
  rival: ['rival', 'rivals', 'competitor', 'concurrent', 'concurrents', 'challenger', 'alternative'],
  hedge: ['hedge', 'speculatif', 'quant', 'quantitative', 'quantitatif', 'fund', 'fonds'],
  exclude: [
    'exclude',
    'excludes',
    'excluded',
    'exclut',
    'exclus',
    'include',
    'includes',
    'included',
    'inclut',
    'inclus',
    'count',
    'counted',
    'compte',
    'real',
    'reel',
    'reelle',
    'vraiment',
    'true',
    'hidden',
    'cache',
  ],
  context: ['context', 'contexte', 'window', 'fenetre'],
  paper: ['paper', 'papers', 'article', 'report', 'rapport', 'arxiv', 'technical', 'technique'],
};

const SYNONYM_OF = new Map<string, string>();
for (const [concept, words] of Object.entries(SYNONYMS)) {
  for (const w of words) if (!SYNONYM_OF.has(w)) SYNONYM_OF.set(w, concept);
}

/** True for the concept names synonyms map to ("cost", "chip", "drop"). */
export function isConcept(t: string): boolean {
  return Object.hasOwn(SYNONYMS, t);
}

/** Every word the normalizer knows a concept for (search also treats them as known vocabulary). */
export function synonymWords(): string[] {
  return [...SYNONYM_OF.keys()];
}

/** Light suffix stripping shared by both languages: plurals, feminine -e, -ing, -ed. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && /[^su]s$/.test(w)) w = w.slice(0, -1);
  else if (w.length > 3 && w.endsWith('x') && /[aeo]ux$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Maps one folded word to its search term: concept, stem, or itself (numbers and short words). */
export function term(word: string): string {
  const direct = SYNONYM_OF.get(word);
  if (direct) return direct;
  if (/\d/.test(word)) return word.replace(/(\d)s$/, '$1');
  if (word.length <= 3) return word;
  const s = stem(word);
  return SYNONYM_OF.get(s) ?? s;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Folded words without stop words (before synonyms and stemming): the raw material of typo correction. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of fold(text).split(' ')) if (w && !STOP_WORDS.has(w)) out.push(w);
  return out;
}

/** Search terms of a text: folded, stop words removed, synonyms and stems applied, duplicates removed. */
export function terms(text: string): string[] {
  return [...new Set(words(text).map(term))];
}
