import { describe, expect, it } from 'vitest'
import { hasPersonEvidence, namesAThing, soundsLikeCommonNouns } from '../../src/analysis/facts/ner/person-evidence'
import { tokenize } from '../../src/analysis/facts/ner/tokens'
import { splitSentences } from '../../src/text/sentences'
import { readEntities } from './read-entities'

// Entity typing a reader can trust: a person only with evidence, and the names that look like people's but are not.
// Every sentence here is invented.

/** The first sentence's tokens and where the capitalised run `name` ends in it. */
function runIn(text: string, name: string) {
  const sentence = tokenize(text, splitSentences(text))[0]!
  const from = sentence.findIndex((token) => token.start === text.indexOf(name))
  const to = sentence.findIndex((token) => token.end === text.indexOf(name) + name.length) + 1
  return { sentence, tokens: sentence.slice(from, to), to }
}

describe('evidence that a name is a person', () => {
  it('finds it in a speech verb, an age, "who", an apposition role, or the surname used with a title elsewhere', () => {
    for (const [text, name] of [
      ['Pello Varga said the road was closed.', 'Pello Varga'],
      ['Pello Varga, 44, was arrested.', 'Pello Varga'],
      ['Pello Varga, who runs the shop, left.', 'Pello Varga'],
      ['Pello Varga, the union leader, left early.', 'Pello Varga'],
      ['Pello Varga, a local farmer, told reporters nothing.', 'Pello Varga'],
      ['Pello Varga left early. Later Mr Varga came back.', 'Pello Varga'],
    ] as const) {
      const { sentence, tokens, to } = runIn(text, name)
      expect(hasPersonEvidence(text, sentence, tokens, to), text).toBe(true)
    }
  })

  it('finds none in a name that only stands in a sentence', () => {
    const text = 'The Harbour Violence Archive counted the cases.'
    const { sentence, tokens, to } = runIn(text, 'Harbour Violence Archive')
    expect(hasPersonEvidence(text, sentence, tokens, to)).toBe(false)
  })

  it('asks for evidence only where the text writes the words of the name in lower case too', () => {
    const text = 'Violence rose. The Harbour Violence Archive counted the violence.'
    const sentence = tokenize(text, splitSentences(text))[1]!
    const run = sentence.filter((token) => ['Harbour', 'Violence', 'Archive'].includes(token.text))
    expect(soundsLikeCommonNouns(run, new Set(['violence', 'counted', 'the', 'rose']))).toBe(true)
    expect(soundsLikeCommonNouns(run, new Set(['counted']))).toBe(false)
  })

  it('reads facilities, events, archives, diseases and publications named like people as things', () => {
    const thing = (name: string) => {
      const { tokens } = runIn(`${name} was mentioned.`, name)
      return namesAThing(tokens)
    }
    for (const name of ['Costume Ball', 'Quarry Violence Archive', 'Infectious Diseases', 'Operation Inherent Resolve', 'Daily Telegraph', 'Hurricane Dorian'])
      expect(thing(name), name).toBe(true)
    // A first name keeps a two-word name with a surname-like tail a person's.
    expect(thing('Lucille Ball')).toBe(false)
  })
})

describe('names that are no people', () => {
  it('does not make an archive, a ball or a department of diseases a person', () => {
    const { entities } = readEntities(
      'According to the Gun Violence Archive, there were 250 shootings this year. The Costume Ball was cancelled on Friday. Doctors at the Institute warned about Infectious Diseases.',
    )
    expect(entities.filter((entity) => entity.type === 'person')).toEqual([])
  })

  it('reads an ally named after a known organisation as an organisation, not "Henry Ford"', () => {
    const { find } = readEntities('The base was attacked by Kataeb Hezbollah on Sunday. Henry Ford said nothing.')
    expect(find('organization', 'Kataeb Hezbollah')).toBeDefined()
    expect(find('person', 'Henry Ford')).toBeDefined()
  })

  it('reads an ethnic group in the plural as no person', () => {
    const { entities } = readEntities('Leaders of the Aboriginal Australians met the minister in Canberra.')
    expect(entities.filter((entity) => entity.type === 'person')).toEqual([])
  })

  it('reads "Near X," opening a line of a strike list as the place X', () => {
    const { find, typeOf } = readEntities(
      'The coalition conducted strikes on Monday.\n\nNear Ar Raqqah, one strike destroyed a vehicle.\n\nNear Palmyra, two strikes hit a tank.',
    )
    expect(find('place', 'Ar Raqqah')).toBeDefined()
    expect(find('place', 'Palmyra')).toBeDefined()
    expect(typeOf('Near Ar Raqqah')).toBeUndefined()
  })

  it('reads a religion as no place', () => {
    const { entities } = readEntities('Islam is the religion of most people in the region, she said.')
    expect(entities.find((entity) => entity.name === 'Islam')).toBeUndefined()
  })
})

describe('organisations a reader expects', () => {
  it('knows organisations named with digits, dots, or by a well-known name alone', () => {
    const { find } = readEntities(
      'The manifesto was posted on 8chan. Znak.com reported the arrest. Walmart closed the store and the Red Cross sent aid. Da’esh, also called Daesh or ISIL, claimed the attack.',
    )
    for (const name of ['8chan', 'Znak.com', 'Walmart', 'Red Cross', 'Da’esh', 'Daesh', 'ISIL']) expect(find('organization', name), name).toBeDefined()
  })
})
