/**
 * Texts built to make text-processing code misbehave: long runs of what
 * regexes and tokenizers find hardest (quotes, digits, capitals, punctuation,
 * combining marks, emoji, lone surrogates, NUL) next to plain prose. Shared by
 * the property tests (does it terminate without throwing?) and
 * `npm run bench:linear` (does the time grow linearly with the size?).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const SEED = readFileSync(fileURLToPath(new URL('../../corpus/seed/000_7b2b9cd25cf26eb6.txt', import.meta.url).href), 'utf8')

/** `unit` repeated to exactly `size` UTF-16 code units. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}

/** The alphabet of hostile pieces the property tests combine at random. */
export const HOSTILE_UNITS = [
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '`',
  '0',
  '7',
  '1,000',
  '3.5',
  '12:30',
  '2024-01-02',
  'A',
  'Z',
  'ISLAMABAD',
  'Mr',
  'Dr.',
  'U.S.',
  'Mohsin Naqvi',
  'Minister',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '-',
  '—',
  '(',
  ')',
  '[',
  '...',
  '…',
  '\u0301',
  '\u0302',
  '\u0308',
  '\u200d',
  '\ufe0f',
  '😀',
  '👍🏽',
  '🇵🇰',
  '👨‍👩‍👧',
  '\ud800',
  '\udc00',
  '\udfff',
  '\u0000',
  '\u0007',
  '\u001f',
  '\u007f',
  '\ufffd',
  '\u2028',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  'said',
  'killed',
  'on Tuesday',
  'people',
  'the',
  'in',
]

/** One generator per kind of run: each returns a text of exactly `size` code units. */
export const ADVERSARIAL_TEXTS: Record<string, (size: number) => string> = {
  'prose (the seed, repeated)': (size) => repeatTo(SEED, size),
  'straight double quotes': (size) => repeatTo('"', size),
  'mixed quotation marks': (size) => repeatTo('“a ”"\'‘’«»', size),
  'an unclosed quote before prose': (size) => `“${repeatTo(`${SEED} `, size - 1)}`,
  digits: (size) => repeatTo('1234567890', size),
  'numbers and units': (size) => repeatTo('12,000 3.5 1:30 2024-01-02 ', size),
  capitals: (size) => repeatTo('ABCDEFGHIJ ', size),
  'capitalised words (name-like)': (size) => repeatTo('Mohsin Naqvi Said Quetta ', size),
  punctuation: (size) => repeatTo('.,;:!?-()…', size),
  'a run of full stops': (size) => repeatTo('.', size),
  'a run of question and exclamation marks': (size) => repeatTo('?!', size),
  'combining marks': (size) => `e${repeatTo('\u0301\u0302\u0308', size - 1)}`,
  emoji: (size) => repeatTo('😀👍🏽🇵🇰👨‍👩‍👧', size),
  'lone surrogates': (size) => repeatTo('\ud800a\udc00', size),
  NUL: (size) => repeatTo('\u0000', size),
  'one word, no spaces': (size) => repeatTo('a', size),
  newlines: (size) => repeatTo('\n', size),
  'one endless sentence': (size) => repeatTo('and the minister said that ', size),
  'many tiny sentences': (size) => repeatTo('A. ', size),
}
