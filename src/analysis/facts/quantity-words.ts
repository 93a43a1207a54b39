/** Nouns that count people: the head of "who" in a quantity ("security personnel", "teen girls"). */
export const PEOPLE_NOUNS = new Set(
  `people person persons civilians civilian terrorists terrorist militants militant soldiers soldier troops personnel
  officers officer policemen policeman police children child students student passengers passenger workers worker
  victims victim residents resident prisoners prisoner inmates inmate guards guard firefighters firefighter miners
  members member fighters fighter insurgents insurgent rebels rebel suspects suspect girls girl boys boy women woman
  men man adults adult tourists tourist pilgrims worshippers worshipers patients patient doctors nurses staff employees
  hostages hostage gunmen gunman attackers attacker drivers driver marines marine citizens nationals foreigners
  individuals cadets recruits forces crew teenagers teenager teens infants babies baby journalists journalist
  protesters protestors demonstrators migrants refugees villagers relatives fishermen climbers hikers pedestrians
  spectators fans agents bodyguards guerrillas jihadists bystanders occupants others sailors pilots athletes taliban
  firemen paramedics shoppers commuters detainees captives survivors bodies corpses motorcyclists motorcyclist cyclists
  cyclist riders rider bikers motorists swimmers divers skiers runners players engineers engineer contractors users
  visitors visitor travellers travelers commanders leaders combatants enemy extremists operatives facilitators bombers
  snipers kidnappers bandits pirates smugglers traffickers militiamen servicemen servicemembers peacekeepers`.split(/\s+/),
)

/** Event words and phrases (lower case, space-separated) with the event they report; the longest phrase wins. */
export const EVENTS: ReadonlyArray<[string, string]> = [
  ['lost their lives', 'killed'],
  ['lost his life', 'killed'],
  ['lost her life', 'killed'],
  ['shot dead', 'killed'],
  ['stabbed to death', 'killed'],
  ['burned to death', 'killed'],
  ['burnt to death', 'killed'],
  ['taken into custody', 'arrested'],
  ['taken hostage', 'kidnapped'],
  ['unaccounted for', 'missing'],
  ['among the dead', 'killed'],
  ['among the injured', 'injured'],
  ['among the wounded', 'injured'],
  ['among those killed', 'killed'],
  ['among those injured', 'injured'],
  ['among those wounded', 'injured'],
  ['among those arrested', 'arrested'],
  ['claimed the lives of', 'killed'],
  ['claiming the lives of', 'killed'],
  ['deaths', 'killed'],
  ['death of', 'killed'],
  ['deaths of', 'killed'],
  ['fatalities', 'killed'],
  ['killed', 'killed'],
  ['kills', 'killed'],
  ['kill', 'killed'],
  ['killing', 'killed'],
  ['dead', 'killed'],
  ['died', 'killed'],
  ['die', 'killed'],
  ['dies', 'killed'],
  ['perished', 'killed'],
  ['slain', 'killed'],
  ['murdered', 'killed'],
  ['injured', 'injured'],
  ['injuring', 'injured'],
  ['injures', 'injured'],
  ['injure', 'injured'],
  ['wounded', 'injured'],
  ['wounding', 'injured'],
  ['wounds', 'injured'],
  ['hurt', 'injured'],
  ['hospitalised', 'injured'],
  ['hospitalized', 'injured'],
  ['taken to hospital', 'injured'],
  ['taken to a hospital', 'injured'],
  ['taken to the hospital', 'injured'],
  ['taken to hospitals', 'injured'],
  ['taken to a nearby hospital', 'injured'],
  ['taken to a local hospital', 'injured'],
  ['admitted to hospital', 'injured'],
  ['treated in hospital', 'injured'],
  ['arrested', 'arrested'],
  ['arresting', 'arrested'],
  ['arrests', 'arrested'],
  ['arrest', 'arrested'],
  ['detained', 'arrested'],
  ['detaining', 'arrested'],
  ['apprehended', 'arrested'],
  ['missing', 'missing'],
  ['freed', 'freed'],
  ['freeing', 'freed'],
  ['frees', 'freed'],
  ['released', 'freed'],
  ['releasing', 'freed'],
  ['evacuated', 'evacuated'],
  ['evacuating', 'evacuated'],
  ['rescued', 'rescued'],
  ['rescuing', 'rescued'],
  ['kidnapped', 'kidnapped'],
  ['abducted', 'kidnapped'],
  ['displaced', 'displaced'],
  ['shot', 'shot'],
  ['stabbed', 'stabbed'],
  ['jailed', 'jailed'],
  ['imprisoned', 'jailed'],
  ...injuriesAsNoun(),
]

/** "13 students with minor injuries", "four people suffered serious injuries", "two were treated for injuries": injuries as a noun. */
function injuriesAsNoun(): Array<[string, string]> {
  const verbs = ['suffered', 'sustained', 'with', 'treated for']
  const kinds = ['', 'minor ', 'serious ', 'severe ', 'critical ', 'life-threatening ', 'non-life-threatening ', 'multiple ', 'head ', 'burn ']
  return verbs.flatMap((verb) => kinds.map((kind): [string, string] => [`${verb} ${kind}injuries`, 'injured']))
}

/** Death nouns a count may have words before ("170 suspected deaths", "three overdose fatalities"). */
export const DEATH_NOUNS = new Set(['deaths', 'fatalities'])

/** Nouns that count the dead by themselves: "35 bodies" were killed. */
export const DEAD_NOUNS = new Set(['bodies', 'corpses'])

/** What a toll counts: "the death toll rose to 12", "the number of injured reached 40". */
export const TOLL_HEADS: ReadonlyArray<[string, string]> = [
  ['death toll', 'killed'],
  ['toll', 'killed'],
  ['number of dead', 'killed'],
  ['number of deaths', 'killed'],
  // "the total number of confirmed deaths … surpassed 100,000": deaths as a register counts them.
  ['number of confirmed deaths', 'killed'],
  ['number of reported deaths', 'killed'],
  ['number of recorded deaths', 'killed'],
  ['number of fatalities', 'killed'],
  ['number of people killed', 'killed'],
  ['number of injured', 'injured'],
  ['number of wounded', 'injured'],
  ['injury toll', 'injured'],
]

/** The canonical event of a surface event word ("wounded" -> "injured"), for comparing events however they were written. */
export function canonicalEvent(words: string): string | undefined {
  const lower = words.toLowerCase().trim()
  return EVENTS.find(([phrase]) => phrase === lower)?.[1] ?? (EVENTS.some(([, event]) => event === lower) ? lower : undefined)
}

/** Words that may stand between a verb and the number it governs ("killed at least 20"). */
export const HEDGES = new Set('at least more than about some nearly over almost around approximately up to another the a an as many all between'.split(' '))

/** Auxiliaries and adverbs between the counted people and the event ("were reportedly killed"). */
export const AUXILIARIES = new Set(
  'were was are is have has had been being reportedly also later all confirmed believed feared left found remain remained still could would might may will be'.split(
    ' ',
  ),
)

/** Words that end a noun phrase: prepositions, determiners, conjunctions, verbs of being. */
export const PHRASE_STOPS = new Set(
  'in at on from during of to by for with after before while and or but as were was are is have has had been being who which that than the a an their his her its this these those'.split(
    ' ',
  ),
)
