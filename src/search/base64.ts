/**
 * Base64 for the binary part of the compact index, which travels inside the
 * JSON bundle (a Text module). Runtime-neutral: `btoa`/`atob` exist in Node and
 * in workerd; `Uint8Array.fromBase64` is used where the runtime has it.
 */

const CHUNK = 0x8000

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK))
  }
  return btoa(binary)
}

type WithFromBase64 = { fromBase64?: (text: string) => Uint8Array }

export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as WithFromBase64).fromBase64
  if (native) return native(text)
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
