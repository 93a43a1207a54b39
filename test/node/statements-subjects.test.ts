import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { verbStem } from '../../scripts/lib/facts-gold'

// Subjects of statements the reader missed on the development gold sets (issue 17, round 7), with sentences written
// for the test.
const statements = (text: string) => extractFacts(text).statements.map((statement) => [statement.actor, statement.verb])

describe('statement subjects', () => {
  it('reads "he" after ", where" or ", when" as the person the sentence opens with, past an opening "Later on Tuesday"', () => {
    const text = 'Ana Ruiz spoke in Lisbon. Later on Tuesday Ruiz met the bankers, then President Tomas Berger, where she denounced the border deal.'
    expect(statements(text)).toEqual([['Ana Ruiz', 'denounced']])
    expect(statements('Ana Ruiz flew to Lisbon on Monday, when she denounced the border deal.')).toEqual([['Ana Ruiz', 'denounced']])
  })

  it('reads the name right before "who", with or without a comma, as the subject of the relative clause', () => {
    expect(statements('The bill was drafted by Ana Ruiz who denounced the vote on Friday.')).toEqual([['Ana Ruiz', 'denounced']])
    expect(statements('The bill was drafted by Ana Ruiz, who denounced the vote on Friday.')).toEqual([['Ana Ruiz', 'denounced']])
    // After "of" the name belongs to another noun, which "who" means.
    expect(statements('A niece of Tomas Berger who denied the report spoke on Friday.')).toEqual([])
  })

  it('reads a subject past an apposition that ends in a place and its region', () => {
    expect(statements('Maria Okonjo, the mayor of Tolosa, Northern Samar, announced that schools would close.')).toEqual([['Maria Okonjo', 'announced']])
  })

  it('reads "the company" or "the network" as the organisation the text names most', () => {
    const text = 'Carrow Media runs three channels. Regulators ordered Carrow Media off the air on Monday. The network claimed the order was unlawful.'
    expect(statements(text)).toEqual([['Carrow Media', 'claimed']])
  })

  it('gives "the company" no actor where two organisations are named as often', () => {
    const text = 'Velstone Bank sued Ardley Foods. Ardley Foods and Velstone Bank met in court. The company denied the claim.'
    expect(statements(text)).toEqual([])
  })
})

describe('affiliations with an adjective', () => {
  it('reads a subject past "of the conservative Liberty and Order Party" and an adverb', () => {
    expect(statements('On Sunday, leader Ana Ruiz of the conservative Liberty and Order Party publicly declared her intent to run.')).toEqual([
      ['Ana Ruiz', 'declared'],
    ])
  })
})

describe('subjects of joined clauses', () => {
  it('reads ", and she accused" as a clause of its own, whose pronoun is the person the sentence opens with', () => {
    const text =
      'President Ana Ruiz threatened the network before, after it did not carry her speeches, which they said was due to a lack of airtime, and she accused the network of "swindling".'
    expect(statements(text)).toEqual([['Ana Ruiz', 'accused']])
  })

  it('reads ", and has claimed" after a clause opened by an office as that office holder\'s act', () => {
    const text = 'Ana Ruiz, the president, lost the vote in November. The president has not yet conceded the election, and has claimed widespread fraud.'
    expect(statements(text)).toEqual([['Ana Ruiz', 'claimed']])
  })
})

describe('bodies named by their people or their town', () => {
  it('reads "the Kenyan government" as Kenya and "the city of Tolosa" as Tolosa', () => {
    expect(statements('The Kenyan government later announced new rules for schools.')).toEqual([['Kenya', 'announced']])
    expect(statements('The city of Tolosa announced on Twitter that the roads would close.')).toEqual([['Tolosa', 'announced']])
    expect(statements('The town of Esperanza on Monday denied the report.')).toEqual([['Esperanza', 'denied']])
    expect(statements('The Kenyan government has since declared victory over the rebels.')).toEqual([['Kenya', 'declared']])
  })

  it('gives no actor for an adjective that is no people of a country', () => {
    expect(statements('The Freedonian government declared a state of emergency on Monday.')).toEqual([])
  })

  it('reads a bare "the government" as the one country the text names, and as no one where it names two or none', () => {
    expect(statements('Protests spread across Peru on Sunday. The government announced a curfew for the capital.')).toEqual([['Peru', 'announced']])
    expect(statements('Protests spread across Peru on Sunday. Later, the government has since denied the report.')).toEqual([['Peru', 'denied']])
    expect(statements('Peru and Chile closed the border. The government announced a curfew for the capital.')).toEqual([])
    expect(statements('Protests spread across the capital. The government announced a curfew.')).toEqual([])
  })

  it('leaves a bare "the government" that closes a sentence as its source, not an act', () => {
    expect(statements('A minister of Peru died of the virus, the government announced yesterday.')).toEqual([])
  })
})

describe('the scorer compares statement verbs by one stem', () => {
  it('gives the participle, the past and the present of a verb one stem', () => {
    for (const forms of [
      ['accusing', 'accused', 'accuses', 'accuse'],
      ['denying', 'denied', 'denies', 'deny'],
      ['claiming', 'claimed', 'claims'],
    ])
      expect(new Set(forms.map(verbStem)).size).toBe(1)
  })
})
