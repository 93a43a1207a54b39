import { describe, expect, it } from 'vitest'
import { readEntities } from './read-entities'

// Classes of error read from CoNLL-2003's development split and the later blind gold sets (issue 17, round 10): a
// demonym taken for the body whose name it opened, long names cut where an acronym defined after them says they go on,
// and a person before "of" and a known body read as one organisation. Each with sentences written for the test.
describe('a demonym alone', () => {
  it('speaks of its country, not of the body whose name it opened', () => {
    const { find, typeOf } = readEntities(
      'The Iraqi Patriotic Front said on Monday that Iraqi troops had crossed the river. The Irish Growers Union backed Irish farmers.',
    )
    expect(find('organization', 'Iraqi Patriotic Front')).toBeDefined()
    expect(find('organization', 'Irish Growers Union')).toBeDefined()
    expect(typeOf('Iraqi')).toBe('country')
    expect(typeOf('Irish')).toBe('country')
    expect(find('organization', 'Iraqi')).toBeUndefined()
  })

  it('still gives a body the short form the text uses for it ("Kestrel" of "Kestrel Logistics Group")', () => {
    const { typeOf } = readEntities('Kestrel Logistics Group lost a contract. Shares in Kestrel fell by a third.')
    expect(typeOf('Kestrel')).toBe('organization')
  })
})
