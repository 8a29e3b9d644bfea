/**
 * Words of both languages mapped to one concept, so that "puces", "chips" and "GPU" meet, and a French
 * question finds an entry whose variants are English. One concept a line: its name, then its words
 * (folded: lowercase, no accents). Concepts no entry answers (funding, revenue, staff, weather) make a
 * question about something else score low.
 */
export const SYNONYMS: Record<string, string> = {
  cost: 'cost costs costed cout couts coute coutent couter coutait coutera costly couteux couteuse spend spent depense depenses budget build building built develop developed development developpement developper',
  price:
    'price prices priced pricing prix tarif tarifs tarification rate rates fee fees charge charges facture factures billed billing',
  cheap: 'cheap cheaper cheapest cher chere chers expensive pricier affordable economique abordable',
  train:
    'train trained training trains entrainement entrainer entraine entrainee entraines entrainements entrainé apprentissage pretraining pre',
  chip: 'chip chips puce puces gpu gpus processeur processeurs semiconducteur carte cartes accelerator accelerators accelerateur accelerateurs hardware materiel',
  stock: 'stock stocks share shares action actions titre titres cours equity nvda',
  drop: 'drop dropped drops fall fell falls fallen plunge plunged plonge plongee tumble tumbled tank tanked crash crashed chute chuter chutee baisse baisser recul recule repli decline declined slump slumped sink sank devisse degringole effondre effondrement down hit lose lost loss losses perdu perte pertes perdre wiped efface effacer selloff',
  found:
    'found founded founder founders founding fondateur fondatrice fonde fondee fondation cofounder cofondateur creator createur created cree creee started behind derriere launched monte setup',
  licence:
    'licence license licenses licences licensed licensing mit commercial commercially commercialiser commercialisation commerciale legal legally legalement permissive',
  model: 'model models modele modeles llm llms',
  valuation: 'valuation valorisation capitalisation capitalization cap mcap value valeur worth',
  token: 'token tokens jeton jetons',
  release:
    'release released releases publish published publie publiee publication sorti sortie unveiled devoile annonce announced launch lance lancee lancement debut dropped',
  when: 'when quand date',
  monday: 'monday lundi',
  weather: 'weather meteo temperature forecast rain raining pluie snow neige sunny',
  // Concepts no entry answers: naming them makes a question about something else score low.
  funding:
    'raise raised raising fundraising funding funded leve levee levees lever financement financing backers',
  revenue: 'revenue revenues sales turnover profit profits benefice benefices affaires earnings',
  staff:
    'employees employee employes employe staff salaries headcount effectif effectifs hire hiring embauche salary salaire salaires wage wages remuneration',
  ceo: 'ceo pdg boss patron dirigeant chief head leader',
  now: 'now today currently current latest nowadays maintenant aujourd hui actuel actuelle actuellement moment tonight demain tomorrow yesterday hier',
  who: 'who qui whom',
  why: 'why pourquoi reason raison cause caused',
  howmuch: 'much many combien',
  china: 'china chinese chine chinois chinoise chinoises',
  america: 'america american americans americain americaine americains usa etats unis washington us',
  export: 'export exports exportation exportations exporter',
  control:
    'control controls controle controles restriction restrictions sanction sanctions embargo ban banned interdiction interdit curbs rules regles',
  market:
    'market markets marche marches bourse bourses boursier boursiere boursiers wall street investors investisseurs',
  company: 'company companies entreprise entreprises societe startup start firm firme lab labo laboratoire',
  times: 'times fois x',
  billion: 'billion billions milliard milliards bn',
  million: 'million millions mn',
  hour: 'hour hours heure heures hrs',
  data: 'data donnees dataset corpus',
  parameter:
    'parameter parameters params parametre parametres weights poids big large size taille gros grand',
  benchmark:
    'benchmark benchmarks score scores performance performances perf eval evals evaluation evaluations compare compared comparison comparaison versus vs',
  distill: 'distill distilled distillation distille distilles distillé',
  download:
    'download downloads downloaded telecharge telechargee telecharges telechargement telechargements installs installed',
  app: 'app apps application applications appli applis appstore mobile chatbot',
  top: 'top first premier premiere number numero rank ranked classement chart charts tete overtook depasse beat battu',
  open: 'open ouvert ouverte opensource',
  index: 'index indice composite',
  semiconductor: 'semiconductor semiconductors semis semiconducteurs sox',
  week: 'week semaine',
  month: 'month mois months',
  record: 'record biggest largest historic historique jamais ever pire worst',
  invest:
    'invest investment investments invested investissement investissements investi spending capex infrastructure infrastructures datacenter datacenters',
  lead: 'lead avance advantage ahead dominance supremacy edge superiorite',
  input: 'input inputs entree entrees prompt',
  output: 'output outputs completion completions generated',
  cache: 'cache cached hit caching',
  rival: 'rival rivals competitor concurrent concurrents challenger alternative',
  hedge: 'hedge speculatif quant quantitative quantitatif fund fonds',
  exclude:
    'exclude excludes excluded exclut exclus include includes included inclut inclus count counted compte real reel reelle vraiment true hidden cache',
  context: 'context contexte window fenetre',
  paper: 'paper papers article report rapport arxiv technical technique',
};
