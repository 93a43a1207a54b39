/**
 * A typed array shared by every search of the isolate, replaced by a larger one when a search needs more room: the
 * evaluator's per-search arrays are used within one synchronous call, so one of each is enough, and reusing it keeps
 * them out of the garbage a search leaves.
 */
export class Scratch<A extends Float64Array | Int32Array | Uint32Array> {
  #array: A

  constructor(private readonly make: (length: number) => A) {
    this.#array = make(0)
  }

  /** The array, at least `length` long; what it holds is what its last user left there. */
  take(length: number): A {
    if (this.#array.length < length) this.#array = this.make(length)
    return this.#array
  }
}
