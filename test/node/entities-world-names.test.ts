import { describe, expect, it } from 'vitest'
import { readEntities } from './read-entities'

// Issue 17: what a first name made the reader get wrong once the gazetteer knows the first names of many languages.
// Sentences written for the test.
describe('what a first name no longer decides', () => {
  it('leaves a kind of organisation its name where a first name opens it and the rest is no surname', () => {
    const { find } = readEntities('Officials banned the Iranian airline Kamran Air on Monday. The victims belonged to the motorcycle club Marine Riders MC.')
    expect(find('organization', 'Kamran Air')).toBeDefined()
    expect(find('organization', 'Marine Riders MC')).toBeDefined()
    expect(find('person', 'Kamran Air')).toBeUndefined()
  })

  it('still reads a person after a kind of organisation where first name and surname follow', () => {
    const { find } = readEntities('The club Thomas Berger founded in 1990 is now bankrupt.')
    expect(find('organization', 'Thomas Berger')).toBeUndefined()
  })

  it('reads an honour written before a full name the text gives alone as no part of the name', () => {
    const { find } = readEntities('Anjali Deshmukh, a former minister, died on Monday. The premier mourned "the passing of Padma Vibhushan Anjali Deshmukh".')
    expect(find('person', 'Anjali Deshmukh')).toBeDefined()
    expect(find('person', 'Padma Vibhushan Anjali Deshmukh')).toBeUndefined()
  })

  it('keeps a first name or an honorific with the name that follows it ("Filip De Wilde", "Sir Anthony Quayle")', () => {
    const { find } = readEntities('Filip De Wilde saved twice. De Wilde was later injured. Sir Anthony Quayle spoke. Anthony Quayle left.')
    expect(find('person', 'Filip De Wilde')).toBeDefined()
  })
})
