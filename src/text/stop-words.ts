/**
 * English function words left out of the index and of queries: they carry no
 * topic, and dropping them keeps AND queries ("the attack in Quetta") from
 * failing on words every article has. Measured with `npm run eval:search`:
 * nDCG@10 within 0.003 of Lucene's 33 words and of no list at all, and
 * several times faster than no list (the postings of "the" are every article).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your`.split(
    ' ',
  ),
)

/**
 * `STOP_WORDS` and the words news prose uses in every story ("said", "told",
 * "according", "first", "Mr"): left out of keyword phrases and of the term
 * vectors that compare sentences. The index keeps them, because a reader may
 * search for them ("first woman", "last flight", "may"); a keyword or a
 * summary's sentence similarity made of them says nothing about the story.
 */
export const NEWS_STOP_WORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...`according across afterwards almost along already although always among another anyone anything around back became become cannot done due either else even ever every first former get got herself himself however including itself just last least less made make many may might mostly much must myself neither never next often one onto others otherwise ours per perhaps put rather really said say says see seem several since still theirs themselves though throughout thus together toward towards upon us via well whatever whether whose within without yet yours yourself mr mrs ms told added`.split(
    ' ',
  ),
])
