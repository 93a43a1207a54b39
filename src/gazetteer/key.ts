/** How place names are compared: lower case, without accents ("Maīdān Shahr" = "Maidan Shahr"), apostrophes and dots dropped. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\p{M}'’.]/gu, '')
    .toLowerCase()
}
