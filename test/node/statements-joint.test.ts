import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Two named subjects of one statement verb (issue 17, round 6), with sentences written for the test.
const statements = (text: string) => extractFacts(text).statements.map((statement) => [statement.actor, statement.verb])

describe('statements by two subjects joined by "and"', () => {
  it('gives each of two named subjects the statement, past describing words and "both"', () => {
    expect(statements('On Thursday, Lyon-based grocer Varnell Group and Oslo-based retailer Ostrik Holdings announced their merger.')).toEqual([
      ['Varnell Group', 'announced'],
      ['Ostrik Holdings', 'announced'],
    ])
    expect(statements('Both Kenya and Uganda have denied the report.')).toEqual([
      ['Kenya', 'denied'],
      ['Uganda', 'denied'],
    ])
  })

  it('gives no statement to names that only describe an unnamed subject', () => {
    expect(statements('Officials in Kenya and Uganda denied the report.')).toEqual([])
  })
})

describe('statements in clauses opened by a time phrase or a conjunction', () => {
  it('reads the subject after a time phrase that opens the sentence without a comma', () => {
    expect(statements('For several days Venezuela denied the accusation.')).toEqual([['Venezuela', 'denied']])
  })

  it('reads the subject of a clause opened by "because"', () => {
    expect(statements('The rally drew attention partly because President Ana Ruiz claimed there were good people on both sides.')).toEqual([
      ['Ana Ruiz', 'claimed'],
    ])
  })
})
