/**
 * Words that, opening a sentence, point back to the sentence before it: a
 * pronoun ("He added…", "It was…"), a demonstrative ("This…", "Those…") or a
 * connective ("However…", "But…", "Also…"). Such a sentence reads wrongly in
 * a summary that leaves out its predecessor.
 */
const BACK_REFERENCES = new Set(
  'he she it they his her its their them him this these those such both but however also and yet so still thus therefore moreover furthermore meanwhile instead nevertheless nonetheless besides additionally likewise similarly then otherwise there another others'.split(
    ' ',
  ),
)
const BACK_REFERENCE_PHRASES = /^(?:in addition|as a result|in turn|the latter|the former|at the same time|on the other hand|in response|even so)\b/i

const OPENING_QUOTE = /^["“‘']/
const ATTRIBUTION = /\b(?:said|says|say|told|added|according|stated|wrote|tweeted|quoted|asked|explained)\b/i

/** Whether `sentence` only makes sense right after the one before it. */
export function needsPredecessor(sentence: string): boolean {
  const first = /^[\s"“‘'(]*([\p{L}]+)/u.exec(sentence)?.[1]?.toLowerCase()
  if (first !== undefined && BACK_REFERENCES.has(first)) return !isDemonstrativeNounPhrase(sentence, first)
  if (BACK_REFERENCE_PHRASES.test(sentence)) return true
  // A bare quotation with no speaker continues the previous sentence's speaker.
  return OPENING_QUOTE.test(sentence) && !ATTRIBUTION.test(sentence)
}

/** "This year", "This week": time phrases that need no antecedent. */
function isDemonstrativeNounPhrase(sentence: string, first: string): boolean {
  if (first !== 'this' && first !== 'these') return false
  return /^\W*th(?:is|ese)\s+(?:year|week|month|morning|afternoon|evening|season|summer|winter|spring|autumn|weekend|time)\b/i.test(sentence)
}
