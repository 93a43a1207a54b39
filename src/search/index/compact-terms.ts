import { JoinedWords } from '../tables/joined-words'
import { lowerBound } from '../tables/sorted-words'

/** Terms per block: a lookup decodes one block of the term list, not the whole list. */
export const TERM_BLOCK = 64

/** Where each block of the sorted term list starts (bytes into the UTF-8 list) and its first term. */
export type TermBlocks = { starts: number[]; heads: string[] }

/** The blocks of a sorted term list joined with "\n" (`TERM_BLOCK` terms each), as the header stores them. */
export function termBlocks(sorted: readonly string[]): TermBlocks {
  const encoder = new TextEncoder()
  const blocks: TermBlocks = { starts: [], heads: [] }
  let offset = 0
  sorted.forEach((term, k) => {
    if (k % TERM_BLOCK === 0) {
      blocks.starts.push(offset)
      blocks.heads.push(term)
    }
    offset += encoder.encode(term).length + 1
  })
  return blocks
}

/**
 * The compact index's sorted term list, read in place: opening it decodes
 * nothing; a lookup decodes the block it lands in (found by binary search
 * over the blocks' first terms), and a walk over every term (fuzzy matching)
 * decodes the whole list once, into one string (`JoinedWords`: a string per
 * term was 3 MiB more of heap for the 82,000 terms of a shard of 10,000).
 */
export class TermList {
  private readonly blocks: (string[] | undefined)[]
  private everything: JoinedWords | undefined
  private readonly decoder = new TextDecoder()

  constructor(
    private readonly bytes: Uint8Array,
    private readonly index: TermBlocks,
    readonly length: number,
  ) {
    this.blocks = new Array<string[] | undefined>(index.heads.length)
  }

  at(k: number): string {
    return this.block(Math.floor(k / TERM_BLOCK))[k % TERM_BLOCK]!
  }

  /** Every term, decoded once (a lookup still reads its block). */
  all(): JoinedWords {
    return (this.everything ??= new JoinedWords(this.length === 0 ? '' : this.decoder.decode(this.bytes), '\n'))
  }

  /** First index whose term is >= `value`. */
  lowerBound(value: string): number {
    const block = lowerBound(this.index.heads, value)
    // The heads before `block` are < value: the answer is in the block before it, or at its start.
    if (block === 0) return 0
    const terms = this.block(block - 1)
    return (block - 1) * TERM_BLOCK + lowerBound(terms, value)
  }

  indexOf(term: string): number {
    const at = this.lowerBound(term)
    return at < this.length && this.at(at) === term ? at : -1
  }

  /** The index range [start, end) of the terms starting with `prefix` (they are neighbours in sorted order). */
  prefixRange(prefix: string): [number, number] {
    const start = this.lowerBound(prefix)
    let end = start
    while (end < this.length) {
      const block = Math.floor(end / TERM_BLOCK)
      const terms = this.block(block)
      const last = terms[terms.length - 1]!
      if (!last.startsWith(prefix)) {
        let low = end - block * TERM_BLOCK
        let high = terms.length
        while (low < high) {
          const middle = (low + high) >>> 1
          if (terms[middle]!.startsWith(prefix)) low = middle + 1
          else high = middle
        }
        return [start, block * TERM_BLOCK + low]
      }
      end = (block + 1) * TERM_BLOCK
    }
    return [start, this.length]
  }

  private block(b: number): string[] {
    let terms = this.blocks[b]
    if (!terms) {
      const from = this.index.starts[b]!
      const to = b + 1 < this.index.starts.length ? this.index.starts[b + 1]! - 1 : this.bytes.length
      this.blocks[b] = terms = this.decoder.decode(this.bytes.subarray(from, to)).split('\n')
    }
    return terms
  }
}
