import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseTxt } from '../../src/corpus/parse-txt'
import { splitSentences } from '../../src/text/sentences'

const split = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end))

describe('splitSentences', () => {
  it('keeps titles with the name that follows', () => {
    expect(split('Mr. Sharif met Gen. Asim Munir on Monday. Dr. Lee was there.')).toEqual(['Mr. Sharif met Gen. Asim Munir on Monday.', 'Dr. Lee was there.'])
  })

  it('keeps initials inside names', () => {
    expect(split('John F. Kennedy spoke. J. R. R. Tolkien wrote.')).toEqual(['John F. Kennedy spoke.', 'J. R. R. Tolkien wrote.'])
  })

  it('reads an "I." after an initial as one more initial, and "I" without a stop as the pronoun', () => {
    expect(split('Marta B. I. Okafor, the dean, wrote a letter.')).toEqual(['Marta B. I. Okafor, the dean, wrote a letter.'])
    expect(split('The letter was signed by Plan B. I wrote back.')).toEqual(['The letter was signed by Plan B.', 'I wrote back.'])
  })

  it('ends a sentence at an abbreviation or a letter when a sentence opener follows', () => {
    expect(split('The talks were held in the U.S. The next round is in Doha.')).toEqual(['The talks were held in the U.S.', 'The next round is in Doha.'])
    expect(split('U.S. officials said so. Acme Inc. Chairman Bob spoke.')).toEqual(['U.S. officials said so.', 'Acme Inc. Chairman Bob spoke.'])
    expect(split('It posted on X. Other countries agreed.')).toEqual(['It posted on X.', 'Other countries agreed.'])
  })

  it('does not split decimals, and splits after closing quotes and brackets', () => {
    expect(split('Growth was 3.5 percent. It fell.')).toEqual(['Growth was 3.5 percent.', 'It fell.'])
    expect(split('“We mourn,” he said. “China firmly opposes it.” The embassy agreed. (It did.) Then?')).toEqual([
      '“We mourn,” he said.',
      '“China firmly opposes it.”',
      'The embassy agreed.',
      '(It did.)',
      'Then?',
    ])
  })

  it('keeps a quotation that closes in its paragraph in one sentence, and splits one left open or a stray mark', () => {
    expect(split('Lin said: “We mourn. Our hearts go out.” The embassy agreed.')).toEqual(['Lin said: “We mourn. Our hearts go out.”', 'The embassy agreed.'])
    expect(split('"We came. We saw," she said. Then she left.')).toEqual(['"We came. We saw," she said.', 'Then she left.'])
    // Joined paragraphs in the style of a quote going on: `"A. "B."` opens a new quote, it does not close the first.
    expect(split('"Sexism limits women. "It is simply wrong," she said. Earlier she spoke.')).toEqual([
      '"Sexism limits women.',
      '"It is simply wrong," she said.',
      'Earlier she spoke.',
    ])
    expect(split('"I look forward to it," he said." "It will be exciting." The champion is fit.')).toEqual([
      '"I look forward to it," he said."',
      '"It will be exciting."',
      'The champion is fit.',
    ])
    expect(split('He said: "We came. We saw.\n\n"We won."')).toEqual(['He said: "We came.', 'We saw.', '"We won."'])
    expect(split('It was a "breach," according to NBC. "[T]he House is moving," she said.')).toEqual([
      'It was a "breach," according to NBC.',
      '"[T]he House is moving," she said.',
    ])
  })

  it('keeps a dateline with its first sentence and ends sentences at paragraph breaks', () => {
    expect(split('ISLAMABAD: China condemned the attacks. Lin spoke\n\nNext paragraph')).toEqual([
      'ISLAMABAD: China condemned the attacks.',
      'Lin spoke',
      'Next paragraph',
    ])
  })

  it('splits the seed article into its sentences', () => {
    const { text } = parseTxt(readFileSync('corpus/seed/000_7b2b9cd25cf26eb6.txt', 'utf8'))
    const sentences = split(text)
    expect(sentences).toHaveLength(14)
    expect(sentences[0]).toMatch(/^ISLAMABAD: China strongly condemned .* said on Tuesday\.$/)
    expect(sentences).toContain(
      'The Chinese embassy in Pakistan had also condemned the attacks, extending “sincere sympathies to the bereaved families and the injured” in a post on X.',
    )
    expect(sentences).toContain('Other countries, including the United States, the European Union, and Iran, have similarly denounced the violence.')
  })

  it('stays linear on long inputs without stops', () => {
    const text = `${'A. '.repeat(50_000)}${'word '.repeat(50_000)}`
    expect(splitSentences(text).length).toBeGreaterThan(0)
  })
})
