/**
 * A sorted word list as the lookups of sorted-words.ts read it: an array, or
 * the words cut from one string when asked for (`JoinedWords`).
 */
export type WordList = { readonly length: number; at(k: number): string | undefined }

/**
 * Words joined by a separator they never hold (the bundle's word lists by a
 * space, `joinWords`; the index's term list by a newline) and read from that
 * one string as it is, instead of split into a string per word: where each
 * word starts is found once (4 bytes a word, outside the JS heap), a word is
 * cut from the string when a lookup asks for it, and a walk through every
 * word (`fuzzyMatches`) reads the characters in place. The lexicon of a shard
 * of 10,000 articles (82,000 words and their spellings) keeps 2 MiB of heap
 * so, against 8 MiB as arrays of strings.
 *
 * Read in place from the module's bytes instead (a word decoded when asked
 * for, blocks of words kept in a small cache), the did-you-mean walk took
 * three times as long: the words are decoded into one string once.
 */
export class JoinedWords implements WordList {
  readonly length: number
  /** Where word k starts; `starts[length]` is one past the last word's end, as if a separator followed it. */
  private readonly starts: Uint32Array

  constructor(
    readonly text: string,
    separator = ' ',
  ) {
    let separators = 0
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) separators++
    // As `splitWords`: an empty string holds no word; otherwise one more word than separators (some may be empty).
    this.length = text === '' ? 0 : separators + 1
    this.starts = new Uint32Array(this.length + 1)
    let k = 1
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) this.starts[k++] = at + 1
    this.starts[this.length] = text.length + 1
  }

  at(k: number): string | undefined {
    return k >= 0 && k < this.length ? this.text.slice(this.starts[k], this.starts[k + 1]! - 1) : undefined
  }

  /** Where word k starts in `text`. */
  start(k: number): number {
    return this.starts[k]!
  }

  /** Where word k ends in `text` (exclusive). */
  end(k: number): number {
    return this.starts[k + 1]! - 1
  }
}
