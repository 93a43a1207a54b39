import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { canonicalEvent } from '../../src/analysis/facts/quantity-words'
import { headNoun } from '../../scripts/lib/facts-gold'

/**
 * Counts as a reader writes them down, on sentences invented for this suite in the styles of military press releases,
 * police reports, disaster news and wire copy (never an article's sentence). Each expectation was written before the
 * extractor ran on it: "value who event in place [kind]". `who` is compared by its head noun ("senior ISIS leader" is
 * "leader"), the place exactly (none where the text names none), and every count the extractor gives must be
 * expected. The conventions (docs/api.md, docs/facts-eval.md):
 * - a `killed` count is a toll of an event (violence, war, accident, disaster, epidemic); a killing of one named or
 *   singular person counts as one; the death of one person from illness or old age is no count;
 * - a number for two events at once ("killed and injured") is a count of neither; vague plurals ("scores",
 *   "dozens") are no number; a range counts its lower bound, as "at least" does;
 * - a conditional, another year's toll or a running total is kept with its `kind`, which casualty totals leave out;
 * - a count's place is the one its sentence, or else its paragraph, puts the event in; one fact told twice is one.
 */
const EVENT_WORDS = 'killed|injured|arrested|freed|rescued|evacuated|kidnapped|missing'
const EXPECTATION = new RegExp(`^(\\d+) (.+) (${EVENT_WORDS})(?: in (.+?))?(?: \\[(hypothetical|historical|cumulative)\\])?$`)
const PUBLISHED = '2026-03-10'

type Case = readonly [text: string, counts: readonly string[]]

const MILITARY: Case[] = [
  ['Coalition forces killed two terrorists during a raid near Mosul on Tuesday.', ['2 terrorists killed in Mosul']],
  ['An airstrike killed a senior ISIS leader in Kirkuk.', ['1 leader killed in Kirkuk']],
  ['Iraqi security forces detained three suspects in Kirkuk on Monday.', ['3 suspects arrested in Kirkuk']],
  ["Troops killed the militia's commander near the border.", ['1 commander killed']],
  ['A precision strike in Aleppo killed twenty-three fighters, the ministry said.', ['23 fighters killed in Aleppo']],
  [
    'Two Afghan soldiers were killed and four were wounded when insurgents attacked a checkpoint in Kandahar.',
    ['2 soldiers killed in Kandahar', '4 soldiers injured in Kandahar'],
  ],
  ['The operation resulted in the deaths of 14 militants.', ['14 militants killed']],
  [
    'Coalition aircraft conducted five strikes near Ramadi, destroying two fighting positions and killing a dozen ISIS fighters.',
    ['12 fighters killed in Ramadi'],
  ],
  ['Afghan special forces freed 26 hostages held by the Taliban in Helmand.', ['26 hostages freed in Helmand']],
  ['No civilians were killed in the strike.', []],
  ['Scores of militants were killed in the offensive, the army said.', []],
  ['Near Mosul, two strikes destroyed a tunnel and killed three ISIS fighters.', ['3 fighters killed in Mosul']],
  ['Afghan forces killed 32 Taliban insurgents and arrested five in Ghazni province.', ['32 insurgents killed in Ghazni', '5 insurgents arrested in Ghazni']],
  // Written first as "2 soldiers injured"; "others" is kept as the gold sets write it ("three others were injured").
  ['A soldier was killed and two others were wounded in a roadside bomb blast.', ['1 soldier killed', '2 others injured']],
  ['Security forces killed a suicide bomber before he could detonate his vest.', ['1 bomber killed']],
  ['The sergeant was killed by sniper fire on Sunday.', ['1 sergeant killed']],
  ['The ministry said 2 soldiers were killed in clashes in Donetsk, while 5 were injured.', ['2 soldiers killed in Donetsk', '5 soldiers injured in Donetsk']],
  ['Israeli troops shot dead a Palestinian man near Hebron.', ['1 man killed in Hebron']],
  ['Turkish police detained 14 suspected Islamic State members in Istanbul.', ['14 members arrested in Istanbul']],
  ['The raid killed an al-Shabaab commander and two of his bodyguards.', ['1 commander killed', '2 bodyguards killed']],
]

const POLICE: Case[] = [
  ['Police arrested a 32-year-old man in connection with the stabbing.', ['1 man arrested']],
  ['The gunman killed his wife at their home in Leeds.', ['1 wife killed in Leeds']],
  ['A police officer was shot dead in Manchester on Friday night.', ['1 officer killed in Manchester']],
  ['Officers detained four people after the protest in Portland.', ['4 people arrested in Portland']],
  ['The suspect was taken into custody without incident.', ['1 suspect arrested']],
  ['Police said a pedestrian was killed when a car mounted the pavement in Glasgow.', ['1 pedestrian killed in Glasgow']],
  ['A 17-year-old boy died after being stabbed in Croydon on Saturday.', ['1 boy killed in Croydon']],
  ['Police arrested 11 people in raids in Karachi on Sunday.', ['11 people arrested in Karachi']],
  ['Police arrested the driver at the scene.', ['1 driver arrested']],
  ['Detectives have arrested two men and a woman over the shooting.', ['2 men arrested', '1 woman arrested']],
  ['A man was arrested in Bristol after a woman was found dead at a flat.', ['1 man arrested in Bristol', '1 woman killed in Bristol']],
  ['Up to 20 people were arrested during the clashes.', ['20 people arrested']],
]

const DISASTER: Case[] = [
  ['Flash floods killed at least 41 people in Sindh on Sunday.', ['41 people killed in Sindh']],
  ['The death toll from the earthquake rose to 1,200 on Sunday.', ['1200 people killed']],
  ['Twenty-three people died after a landslide buried a village near Kathmandu.', ['23 people killed in Kathmandu']],
  ['A dozen miners were killed in a gas explosion at a mine in Shanxi.', ['12 miners killed in Shanxi']],
  ['Seven motorcyclists dead after crash on highway near Randolph.', ['7 motorcyclists killed in Randolph']],
  ['Between 30 and 40 people were killed when the ferry capsized.', ['30 people killed']],
  ['Hundreds of homes were destroyed and 5,000 people were evacuated from Cairns.', ['5000 people evacuated in Cairns']],
  ['Rescue teams rescued 14 people from the rubble in Izmir.', ['14 people rescued in Izmir']],
  ['The blaze killed a firefighter and injured three residents.', ['1 firefighter killed', '3 residents injured']],
  ['Eight people are missing after a boat capsized near Lampedusa.', ['8 people missing in Lampedusa']],
  ['Four people died when their car plunged into a canal.', ['4 people killed']],
  ['Fifteen people have died of cholera in Borno this month.', ['15 people killed in Borno']],
  ['Half a dozen soldiers were injured when the bridge collapsed.', ['6 soldiers injured']],
  ['One hundred and twenty passengers were rescued from the sinking ferry.', ['120 passengers rescued']],
  ['Two dozen prisoners were freed when the flood breached the jail.', ['24 prisoners freed']],
  ['The typhoon left 12 people dead in the Philippines.', ['12 people killed in Philippines']],
]

const WIRE: Case[] = [
  ['More than 60 civilians were killed and injured in the shelling.', []],
  // Written first as "40 people injured"; "others" as the gold sets write it.
  ['The bombing killed 12 people and wounded 40 others in Kabul.', ['12 people killed in Kabul', '40 others injured in Kabul']],
  ['Five people were killed and 17 injured when a bus plunged into a ravine in Shimla.', ['5 people killed in Shimla', '17 people injured in Shimla']],
  ['At least 18 people were killed in two suicide bombings in Baghdad on Monday, police said.', ['18 people killed in Baghdad']],
  ['Gunmen abducted 30 students from a school in Kaduna.', ['30 students kidnapped in Kaduna']],
  // Written first as "3 officers" and "1 civilian"; changed to the gold sets' convention, one figure for a list that
  // shares its verb ("Two women and a man were injured" is "3 people" in gold-blind5).
  ['Three police officers and a civilian were killed in the attack in Quetta.', ['4 people killed in Quetta']],
  ['The attack killed 8 and wounded 11.', ['8 people killed', '11 people injured']],
  ['A journalist was shot dead outside his home in Karachi.', ['1 journalist killed in Karachi']],
  ['An airstrike killed a senior ISIS leader.', ['1 leader killed']],
  ['At least three people were killed.', ['3 people killed']],
]

const PARAGRAPHS: Case[] = [
  [
    'A suicide bomber struck a market in Peshawar on Friday. Eleven people were killed and 25 were wounded, police said.',
    ['11 people killed in Peshawar', '25 people injured in Peshawar'],
  ],
  ['Heavy rain lashed Kerala for a third day. Officials said 26 people had died.', ['26 people killed in Kerala']],
  ['Seventy people were killed in the blast in Kabul. The 70 victims included 12 children.', ['70 people killed in Kabul', '12 children killed in Kabul']],
  ['A strike near Kirkuk killed four militants, officials said. The four militants were killed as they planted explosives.', ['4 militants killed in Kirkuk']],
  ['The storm flattened homes in Tacloban. Nine people were killed, and 40 were injured.', ['9 people killed in Tacloban', '40 people injured in Tacloban']],
]

const NOT_THIS_EVENT: Case[] = [
  ['The former senator died of cancer at his home in Boston on Sunday.', []],
  ['The novelist has died at the age of 91.', []],
  ['Officials warned that as many as 500 people could die if the dam fails.', ['500 people killed [hypothetical]']],
  ['A similar storm in 2013 killed 6,300 people.', ['6300 people killed [historical]']],
  ['The insurgency has killed more than 40,000 people since 2009.', ['40000 people killed [cumulative]']],
  ['In total, 212 people have been arrested since the protests began.', ['212 people arrested [cumulative]']],
  ['The president said 120 million people would have died without the vaccine.', ['120000000 people killed [hypothetical]']],
]

const CASES: ReadonlyArray<readonly [style: string, ...Case]> = [
  ...MILITARY.map((c) => ['military', ...c] as const),
  ...POLICE.map((c) => ['police', ...c] as const),
  ...DISASTER.map((c) => ['disaster', ...c] as const),
  ...WIRE.map((c) => ['wire', ...c] as const),
  ...PARAGRAPHS.map((c) => ['paragraph', ...c] as const),
  ...NOT_THIS_EVENT.map((c) => ['not this event', ...c] as const),
]

/** A count written the way the expectations are, with its head noun. */
function written(value: number, who: string, event: string, place?: string, kind?: string): string {
  return `${value} ${headNoun(who)} ${canonicalEvent(event) ?? event}${place ? ` in ${place}` : ''}${kind ? ` [${kind}]` : ''}`
}

function readAs(text: string): string[] {
  return extractFacts(text, { date: PUBLISHED })
    .quantities.map((q) => written(q.value, q.who, q.event ?? '', q.place, q.kind))
    .sort()
}

function expected(counts: readonly string[]): string[] {
  return counts
    .map((count) => {
      const match = EXPECTATION.exec(count)
      if (!match) throw new Error(`unreadable expectation: ${count}`)
      const [, value, who, event, place, kind] = match
      return written(Number(value), who!, event!, place, kind)
    })
    .sort()
}

/**
 * Sentences the extractor still reads otherwise than the reader, and why (docs/facts-eval.md, round 12). Each is
 * checked to be still wrong, so that a rule which fixes one moves it back among the others.
 */
const STILL_WRONG = new Map([
  // The tuned gold leaves "the suspect's wife was taken into custody" out of the Paris stabbing's counts.
  ['The suspect was taken into custody without incident.', 'an arrest by "taken into custody" would lower the tuned set'],
  // "found dead" is as often a death of illness or unknown cause, which is no casualty count.
  ['A man was arrested in Bristol after a woman was found dead at a flat.', 'a death by "found dead" is not read'],
  // The 70 are the victims counted in the sentence before; "included" lists part of them.
  ['Seventy people were killed in the blast in Kabul. The 70 victims included 12 children.', 'a part of a toll after "included" is not read'],
])

describe('counts as a reader writes them down (invented sentences)', () => {
  it('holds 60 or more sentences', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
  })

  it.each(CASES.filter(([, text]) => !STILL_WRONG.has(text)))('%s: %s', (_style, text, counts) => {
    expect(readAs(text)).toEqual(expected(counts))
  })

  it.each(CASES.filter(([, text]) => STILL_WRONG.has(text)))('%s, still read otherwise: %s', (_style, text, counts) => {
    expect(readAs(text)).not.toEqual(expected(counts))
  })
})
