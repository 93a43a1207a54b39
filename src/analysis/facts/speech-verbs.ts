/** The verbs (and a few participles and phrases) that introduce a quote, as one regular-expression alternation. */
export const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|explained|stated|states|continued|noted|notes|wrote|writes|asked|insisted|argued|warned|declared|announced|remarked|recalled|replied|responded|claimed|alleged|alleges|described|describes|commented|tweeted|posted|urged|stressed|emphasised|emphasized|acknowledged|admitted|confirmed|condemned|extending|expressing|saying|calling|called|describing|adding|telling|writing|warning|recalls|explains|continues|recounted|recounts|tweets|claims|insists|argues|warns|remarks|replies|responds|comments|concluded|concludes|quipped|joked|admits|says|reported|reports|reacted|observed|observing|lamented|referred|refers|characterized|characterised|characterizing|characterising|spoke|criticized|criticised|defended|informed|thanked|praised|hailed|denounced|vowed|cited|pointed\\s+out|points\\s+out'

/**
 * `(?:${SPEECH_VERBS})\b` in a form V8 compiles several times faster where the list follows optional repetitions
 * ("(?:\p{Ll}+ly\s+)?", "{0,3}"): the verb is found by a lookahead and taken by a back-reference to it. The matches are
 * the same: at most one word of the list ends at a word boundary where it starts (a shorter one is followed by a letter
 * of the longer), so the lookahead, which never backtracks into itself, loses none. `group` names the capture, unique
 * in its pattern. The same form as the single counts' person nouns (`single-counts.ts`).
 */
export const speechVerbWord = (group: string) => `(?=(?<${group}>${SPEECH_VERBS})\\b)\\k<${group}>`
