/** The deed of a Creative Commons licence named like "CC BY 2.5" or "CC BY-SA 4.0"; undefined for others. */
export function licenseUrl(license: string): string | undefined {
  const match = /^CC[ -](BY(?:-(?:SA|NC|ND)){0,2})[ -](\d\.\d)$/i.exec(license.trim())
  if (!match) return undefined
  return `https://creativecommons.org/licenses/${match[1]!.toLowerCase()}/${match[2]}/`
}
