import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { extractStatements } from '../../src/analysis/facts/statements'
import type { EntityType } from '../../src/analysis/facts/types'
import { entitiesIn, sentencesOf } from './quotes-entities'

// Targets and repeats of statements read wrong on the later blind sets (issue 17, round 8), with sentences written
// for the test.
// With the entities given, for names the reader would not know as countries.
const statementsIn = (text: string, specs: Array<[string, EntityType, ...string[]]>) =>
  extractStatements(text, sentencesOf(text), entitiesIn(text, specs)).map((statement) => [
    statement.actor,
    statement.verb,
    ...(statement.target ? [statement.target] : []),
  ])
const statements = (text: string) =>
  extractFacts(text).statements.map((statement) => [statement.actor, statement.verb, ...(statement.target ? [statement.target] : [])])

describe('statement targets and repeats', () => {
  it('reads the agents of a passive past a phrase of where or when, and its target as the subject of the clause it is joined to', () => {
    const text = 'Because of its drilling, Norland is already under sanctions, and was condemned in a joint statement by Estavia, Morvania and Belgrana.'
    const sets: Array<[string, EntityType]> = [
      ['Norland', 'country'],
      ['Estavia', 'country'],
      ['Morvania', 'country'],
      ['Belgrana', 'country'],
    ]
    expect(statementsIn(text, sets)).toEqual(
      expect.arrayContaining([
        ['Estavia', 'condemned', 'Norland'],
        ['Morvania', 'condemned', 'Norland'],
        ['Belgrana', 'condemned', 'Norland'],
      ]),
    )
    expect(statementsIn(text, sets)).toHaveLength(3)
  })

  it('reads "this" before a noun as the object, and "this" alone or before a time as none', () => {
    expect(statements('Judge Ana Ruiz rejected this argument on Monday.')).toEqual([['Ana Ruiz', 'rejected', 'this argument']])
    expect(statements('Judge Ana Ruiz rejected this on Monday.')).toEqual([['Ana Ruiz', 'rejected']])
    expect(statements('Judge Ana Ruiz announced this week that the case was closed.')).toEqual([['Ana Ruiz', 'announced']])
  })

  it('reads "claimed N lives" as deaths, not a claim', () => {
    expect(
      statements('Portugal had still not recovered from the 1998 storm, estimated to have done about $9 billion in damage and claimed about 400 lives.'),
    ).toEqual([])
    // A claim about lives lost is still a claim.
    expect(statements('Chile claimed about 400 lives were lost.')).toEqual([['Chile', 'claimed']])
  })

  it('keeps one statement of an act told again with the same actor, verb and target', () => {
    const text = 'On Friday, Governor Ana Ruiz declared a state of emergency over the floods. Ana Ruiz declared a state of emergency the same day.'
    expect(statements(text)).toEqual([['Ana Ruiz', 'declared', 'a state of emergency']])
  })

  it('reads an -ing word before a preposition as the object noun', () => {
    expect(statements('The Hallam Council has repeatedly denied funding for the new bridge.')).toEqual([['Hallam Council', 'denied', 'funding']])
  })

  it('reads "her" or "him" as the person the sentence names before the verb', () => {
    expect(statements('Governor Ana Ruiz lashed out at the city mayor Tomas Berger on radio, accusing him of "ignoring the floods".')).toEqual([
      ['Ana Ruiz', 'accusing', 'Tomas Berger'],
    ])
  })
})
