import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Targets and repeats of statements read wrong on the later blind sets (issue 17, round 8), with sentences written
// for the test.
const statements = (text: string) =>
  extractFacts(text).statements.map((statement) => [statement.actor, statement.verb, ...(statement.target ? [statement.target] : [])])

describe('statement targets and repeats', () => {
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
