import { describe, expect, it } from 'vitest'
import { extractStatements } from '../../src/analysis/facts/statements'
import type { EntityType } from '../../src/analysis/facts/types'
import { entitiesIn, sentencesOf } from './quotes-entities'

function statements(text: string, specs: Array<[string, EntityType, ...string[]]>) {
  const found = extractStatements(text, sentencesOf(text), entitiesIn(text, specs))
  for (const statement of found) expect(text.slice(statement.start, statement.end).toLowerCase()).toContain(statement.verb.slice(0, 6))
  return found.map(({ actor, verb, target }) => ({ actor, verb, ...(target ? { target } : {}) }))
}

const NAQVI: [string, EntityType, ...string[]] = ['Mohsin Naqvi', 'person', 'Naqvi']

describe('extractStatements', () => {
  it('finds actor, verb and target with titles before the name and the canonical name', () => {
    expect(statements('Interior Minister Mohsin Naqvi blamed India for orchestrating the attacks.', [NAQVI, ['India', 'country']])).toEqual([
      { actor: 'Mohsin Naqvi', verb: 'blamed', target: 'India' },
    ])
    expect(statements('Mohsin Naqvi arrived. Later, Naqvi denied the reports.', [NAQVI])).toEqual([
      { actor: 'Mohsin Naqvi', verb: 'denied', target: 'the reports' },
    ])
  })

  it('reads past a dateline, adverbs, an apposition and an affiliation', () => {
    const text = 'ISLAMABAD: China strongly condemned the recent attacks in Balochistan.'
    expect(
      statements(text, [
        ['China', 'country'],
        ['Balochistan', 'place'],
      ]),
    ).toEqual([{ actor: 'China', verb: 'condemned', target: 'the recent attacks' }])
    const embassy = 'The Chinese embassy in Pakistan had also condemned the attacks.'
    expect(
      statements(embassy, [
        ['Chinese Embassy', 'organization', 'Chinese embassy'],
        ['Pakistan', 'country'],
      ])[0]?.actor,
    ).toBe('Chinese Embassy')
    const apposition = 'Lin Jian, the ministry spokesperson, on Monday denounced the violence.'
    expect(statements(apposition, [['Lin Jian', 'person']])[0]?.actor).toBe('Lin Jian')
  })

  it('takes a country as the actor of its government, and a subject followed by its acronym in brackets', () => {
    expect(statements('The government of Peru on Friday announced a curfew and announced the closure of schools.', [['Peru', 'country']])).toEqual([
      { actor: 'Peru', verb: 'announced', target: 'a curfew' },
      { actor: 'Peru', verb: 'announced', target: 'the closure of schools' },
    ])
    expect(statements('The German government rejected the offer.', [['Germany', 'country', 'German']])).toEqual([
      { actor: 'Germany', verb: 'rejected', target: 'the offer' },
    ])
    expect(
      statements('Late on Friday, the Patriotic Union of Kurdistan (PUK) announced it would join talks.', [
        ['Patriotic Union of Kurdistan', 'organization', 'PUK'],
      ]),
    ).toEqual([{ actor: 'Patriotic Union of Kurdistan', verb: 'announced' }])
  })

  it('resolves "he" in "before he announced" and "which he denied" to the person the sentence or paragraph is about', () => {
    const text = 'Rafael Ortiz led the union for years, before he announced he would retire.'
    expect(statements(text, [['Rafael Ortiz', 'person', 'Ortiz']])).toEqual([{ actor: 'Rafael Ortiz', verb: 'announced' }])
    const relative = 'Ortiz met Luisa Vega. Ortiz was later accused of taking bribes, which he denied.'
    expect(
      statements(relative, [
        ['Rafael Ortiz', 'person', 'Ortiz'],
        ['Luisa Vega', 'person'],
      ]),
    ).toEqual([{ actor: 'Rafael Ortiz', verb: 'denied' }])
  })

  it('gives "it" the one organisation its paragraph names, also for a verb joined by "and" to the clause\'s first', () => {
    const text = 'The Harbour Gazette reported the crash. It quoted the navy as stating the ship sank, and claimed a fourth death.'
    expect(statements(text, [['Harbour Gazette', 'organization']])).toEqual([{ actor: 'Harbour Gazette', verb: 'claimed', target: 'a fourth death' }])
    expect(statements('The Red Brigade named two suspects. It denied any role.', [['Red Brigade', 'organization']])).toEqual([
      { actor: 'Red Brigade', verb: 'denied', target: 'any role' },
    ])
    expect(
      statements('The Red Brigade met the Blue Front. It denied any role.', [
        ['Red Brigade', 'organization'],
        ['Blue Front', 'organization'],
      ]),
    ).toEqual([])
  })

  it('reads "dismissed" as a rejection when active, not a firing in the passive or "dismissed from"', () => {
    expect(statements('Naqvi dismissed the allegations as propaganda.', [NAQVI])).toEqual([
      { actor: 'Mohsin Naqvi', verb: 'dismissed', target: 'the allegations' },
    ])
    expect(statements('Naqvi was dismissed by Pakistan.', [NAQVI, ['Pakistan', 'country']])).toEqual([])
  })

  it('gives an accusing participle after an unrelated verb to the clause subject', () => {
    const text = 'Foreign Minister Ana Brandt posted a statement online blaming Russia for the blackout.'
    expect(
      statements(text, [
        ['Ana Brandt', 'person'],
        ['Russia', 'country'],
      ]),
    ).toEqual([{ actor: 'Ana Brandt', verb: 'blaming', target: 'Russia' }])
    expect(statements('The report was posted online, blaming Russia.', [['Russia', 'country']])).toEqual([])
  })

  it('finds the actor of a passive after "by", and the target of "attributed … to"', () => {
    expect(
      statements('His death was announced by his son Abhijit Mukherjee via Twitter.', [
        ['Abhijit Mukherjee', 'person'],
        ['Twitter', 'organization'],
      ]),
    ).toEqual([{ actor: 'Abhijit Mukherjee', verb: 'announced', target: 'His death' }])
    expect(
      statements('India was blamed by Pakistan for the attacks.', [
        ['India', 'country'],
        ['Pakistan', 'country'],
      ]),
    ).toEqual([{ actor: 'Pakistan', verb: 'blamed', target: 'India' }])
    expect(
      statements('Ali bin Tamim attributed the bombing to Houthi rebels.', [
        ['Ali bin Tamim', 'person'],
        ['Houthis', 'organization', 'Houthi'],
      ]),
    ).toEqual([{ actor: 'Ali bin Tamim', verb: 'attributed', target: 'Houthis' }])
  })

  it('gives no statement whose subject is not a named entity', () => {
    expect(statements('Local activists claimed fires were set deliberately.', [])).toEqual([])
    expect(statements('The Taliban met officials and the minister later denied it.', [['Taliban', 'organization']])).toEqual([])
  })

  it('gives a statement of a group to each member named in an aside (as the seed gold now lists them)', () => {
    const list = 'Other countries, including the United States, the European Union, and Iran, have similarly denounced the violence.'
    expect(
      statements(list, [
        ['United States', 'country'],
        ['European Union', 'organization'],
        ['Iran', 'country'],
      ]).map(({ actor, verb }) => [actor, verb]),
    ).toEqual([
      ['United States', 'denounced'],
      ['European Union', 'denounced'],
      ['Iran', 'denounced'],
    ])
  })

  it('gives it to each member without the comma before "including" too (the conventions in docs/facts-eval.md)', () => {
    const list = 'Car makers including Volvo, Saab and Scania have announced cuts.'
    expect(
      statements(list, [
        ['Volvo', 'organization'],
        ['Saab', 'organization'],
        ['Scania', 'organization'],
      ]).map(({ actor, verb }) => [actor, verb]),
    ).toEqual([
      ['Volvo', 'announced'],
      ['Saab', 'announced'],
      ['Scania', 'announced'],
    ])
  })
})

describe('extractStatements, passives and nouns', () => {
  it('never makes the one accused the accuser', () => {
    expect(statements('Mufti Abdul Qawi was later accused of inciting the murder.', [['Mufti Abdul Qawi', 'person']])).toEqual([])
  })

  it('gives a participle after a comma the statement before it: actor, and the target "it" stands for', () => {
    const text = 'Interior Minister Mohsin Naqvi blamed India for the attacks, accusing it of providing support to the terrorists.'
    expect(statements(text, [NAQVI, ['India', 'country']])).toEqual([
      { actor: 'Mohsin Naqvi', verb: 'blamed', target: 'India' },
      { actor: 'Mohsin Naqvi', verb: 'accusing', target: 'India' },
    ])
    expect(statements('Officials were claiming victory.', [])).toEqual([])
  })

  it('reads more verbs of condemnation and denial, and "said X was behind" as an accusation; a storm that slams into a coast is no statement', () => {
    expect(statements('Pakistan slammed the decision.', [['Pakistan', 'country']])).toEqual([{ actor: 'Pakistan', verb: 'slammed', target: 'the decision' }])
    expect(statements('Hurricane Zeta slammed into the Louisiana coast.', [['Hurricane Zeta', 'organization']])).toEqual([])
    expect(
      statements('Prime Minister Imran Khan said India was behind the attack.', [
        ['Imran Khan', 'person'],
        ['India', 'country'],
      ]),
    ).toEqual([{ actor: 'Imran Khan', verb: 'said', target: 'India' }])
  })

  it('keeps a short "of" phrase in the object, and gives an announcement or a claim whose object is a clause no target', () => {
    expect(statements('Governor Ron DeSantis declared a state of emergency on Friday.', [['Ron DeSantis', 'person']])).toEqual([
      { actor: 'Ron DeSantis', verb: 'declared', target: 'a state of emergency' },
    ])
    expect(
      statements('Scott Srebnick announced Avenatti would appeal.', [
        ['Scott Srebnick', 'person'],
        ['Avenatti', 'person'],
      ]),
    ).toEqual([{ actor: 'Scott Srebnick', verb: 'announced' }])
    expect(
      statements('Donald Trump claimed Democrats pushed Biden out.', [
        ['Donald Trump', 'person'],
        ['Biden', 'person'],
      ]),
    ).toEqual([{ actor: 'Donald Trump', verb: 'claimed' }])
  })

  it('gives "he" the one person its paragraph names, and "the embassy" the one organisation of that name; no one when unsure', () => {
    expect(statements('Mohsin Naqvi arrived in Quetta. He also condemned the attacks.', [NAQVI])).toEqual([
      { actor: 'Mohsin Naqvi', verb: 'condemned', target: 'the attacks' },
    ])
    expect(statements('Mohsin Naqvi met Lin Jian. He condemned the attacks.', [NAQVI, ['Lin Jian', 'person']])).toEqual([])
    expect(statements('Lin Jian spoke.\n\nHe condemned the attacks.', [['Lin Jian', 'person']])).toEqual([])
    const embassy: [string, EntityType, ...string[]] = ['Chinese Embassy', 'organization']
    expect(statements('The Chinese Embassy opened. The embassy later denounced the violence.', [embassy])).toEqual([
      { actor: 'Chinese Embassy', verb: 'denounced', target: 'the violence' },
    ])
    expect(
      statements('Trump claimed the Turkish drilling in the sea is only for defence.', [
        ['Trump', 'person'],
        ['Turkish Navy', 'organization', 'Turkish'],
      ]),
    ).toEqual([{ actor: 'Trump', verb: 'claimed' }])
  })

  it('reads condemnation written as a noun, one statement per named source', () => {
    const text = 'Statements of condemnation have come from OIC head Yousef Al-Othaimeen, Pope Francis, and a spokesperson for President Rodrigo Duterte.'
    const people: Array<[string, EntityType, ...string[]]> = [
      ['Yousef Al-Othaimeen', 'person'],
      ['Francis', 'person'],
      ['Rodrigo Duterte', 'person'],
      ['OIC', 'organization'],
    ]
    expect(statements(text, people)).toEqual([
      { actor: 'Yousef Al-Othaimeen', verb: 'condemned' },
      { actor: 'Francis', verb: 'condemned' },
    ])
  })
})
