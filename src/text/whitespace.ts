/** Whether `text[at]` is white space as `\s` reads it (a table for ASCII, the pattern beyond): per character, no match object. */
export function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code < 128 ? ASCII_SPACE[code] === 1 : /\s/.test(text[at]!)
}

const ASCII_SPACE = Uint8Array.from({ length: 128 }, (_, code) => (/\s/.test(String.fromCharCode(code)) ? 1 : 0))
