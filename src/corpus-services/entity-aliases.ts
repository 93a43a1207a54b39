/**
 * Names news uses for one organisation that no rule can derive: neither an
 * acronym of the full name, nor a "U.S."/"United States" form, nor a spelling
 * that differs only in accents, dots, apostrophes or hyphens (those the
 * registry's `nameKey` already folds). Canonical name → the other names.
 * Keep it small: each row is a fact about the world, not about an article.
 */
export const ENTITY_ALIASES: Record<string, readonly string[]> = {
  'Islamic State': [
    'ISIS',
    'ISIL',
    "Da'esh",
    'Daesh',
    'Islamic State of Iraq and Syria',
    'Islamic State of Iraq and the Levant',
    'Islamic State of Iraq and al-Sham',
  ],
  'United Nations': ['UN', 'U.N.'],
  'European Union': ['EU', 'E.U.'],
  'Al-Qaeda': ['Al-Qaida', 'Al Qaida'],
  Hezbollah: ['Hizbollah', 'Hizballah'],
  'Kataib Hezbollah': ['Kataeb Hezbollah', "Kata'ib Hezbollah"],
  'Republican Party': ['GOP'],
}
