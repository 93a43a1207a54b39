/** LEB128-style unsigned variable-length integers: small numbers (doc-id gaps, term frequencies) take one byte. */

export class VarintWriter {
  private bytes = new Uint8Array(1024)
  length = 0

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    let rest = value >>> 0
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80
      rest >>>= 7
    }
    this.bytes[this.length++] = rest
  }

  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }
}

/** Reads varints from `bytes` starting at `position`; `position` advances as it reads. */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public position: number,
  ) {}

  read(): number {
    let value = 0
    let shift = 0
    let byte: number
    do {
      byte = this.bytes[this.position++]!
      value += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    return value
  }
}
