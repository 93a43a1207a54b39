/**
 * CoNLL-2003 files for the NER evaluation: documents of sentences of tokens
 * with IOB tags, detokenized back into running text with a token -> character
 * offset map, so entities found in the text can be compared token for token.
 */
export type Label = 'PER' | 'ORG' | 'LOC' | 'MISC'
export type TaggedEntity = { sentence: number; from: number; to: number; label: Label }
export type ConllDocument = { sentences: { tokens: string[]; tags: string[] }[] }
export type Detokenized = { text: string; tokens: { sentence: number; index: number; start: number; end: number }[] }

/** The line that opens a document in CoNLL-2003 files (its first field). */
export const DOCUMENT_START = '-DOCSTART-'

export function parseConll(content: string): ConllDocument[] {
  const documents: ConllDocument[] = []
  let document: ConllDocument | undefined
  let sentence: { tokens: string[]; tags: string[] } | undefined
  for (const line of content.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/)
    if (fields[0] === DOCUMENT_START) {
      document = { sentences: [] }
      documents.push(document)
      sentence = undefined
    } else if (line.trim() === '') {
      sentence = undefined
    } else {
      if (!document) {
        document = { sentences: [] }
        documents.push(document)
      }
      if (!sentence) {
        sentence = { tokens: [], tags: [] }
        document.sentences.push(sentence)
      }
      sentence.tokens.push(fields[0]!)
      sentence.tags.push(fields.at(-1)!)
    }
  }
  return documents.filter((doc) => doc.sentences.length > 0)
}

/** Entities of IOB1 or IOB2 tags: a B- or a change of type starts one. */
export function taggedEntities(document: ConllDocument): TaggedEntity[] {
  const entities: TaggedEntity[] = []
  document.sentences.forEach(({ tags }, sentence) => {
    let open: TaggedEntity | undefined
    tags.forEach((tag, index) => {
      const [prefix, label] = tag.split('-') as [string, Label | undefined]
      if (!label || prefix === 'B' || open?.label !== label) {
        open = undefined
        if (label) {
          open = { sentence, from: index, to: index + 1, label }
          entities.push(open)
        }
      } else open.to = index + 1
    })
  })
  return entities
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/
const NO_SPACE_AFTER = /^[([{$]$/

/** Each sentence a paragraph of its own; no space before closing punctuation and clitics, none after opening brackets. */
export function detokenize(document: ConllDocument): Detokenized {
  let text = ''
  const tokens: Detokenized['tokens'] = []
  document.sentences.forEach((sentence, sentenceIndex) => {
    if (sentenceIndex > 0) text += '\n\n'
    let quoteOpen = false
    let glue = true
    sentence.tokens.forEach((token, index) => {
      const isQuote = token === '"'
      const closing = isQuote ? quoteOpen : NO_SPACE_BEFORE.test(token)
      if (!glue && !closing) text += ' '
      tokens.push({ sentence: sentenceIndex, index, start: text.length, end: text.length + token.length })
      text += token
      glue = isQuote ? !quoteOpen : NO_SPACE_AFTER.test(token)
      if (isQuote) quoteOpen = !quoteOpen
    })
  })
  return { text, tokens }
}

export type Counts = { truePositives: number; predicted: number; gold: number }
export type Scores = Record<'PER' | 'ORG' | 'LOC' | 'micro', Counts & { precision: number; recall: number; f1: number }>

/** Entity-level exact match (conlleval) for PER, ORG and LOC; MISC is not scored. */
export function score(pairs: { gold: TaggedEntity[]; predicted: TaggedEntity[] }[]): Scores {
  const labels = ['PER', 'ORG', 'LOC'] as const
  const counts = Object.fromEntries([...labels, 'micro'].map((label) => [label, { truePositives: 0, predicted: 0, gold: 0 }])) as Record<
    (typeof labels)[number] | 'micro',
    Counts
  >
  for (const { gold, predicted } of pairs) {
    const key = (entity: TaggedEntity) => `${entity.sentence}:${entity.from}:${entity.to}:${entity.label}`
    const goldKeys = new Set(gold.filter((entity) => entity.label !== 'MISC').map(key))
    for (const entity of gold) if (entity.label !== 'MISC') counts[entity.label].gold++
    for (const entity of predicted) {
      if (entity.label === 'MISC') continue
      counts[entity.label].predicted++
      if (goldKeys.has(key(entity))) counts[entity.label].truePositives++
    }
  }
  for (const label of labels) for (const field of ['truePositives', 'predicted', 'gold'] as const) counts.micro[field] += counts[label][field]
  const withRates = (c: Counts) => {
    const precision = c.predicted ? c.truePositives / c.predicted : 0
    const recall = c.gold ? c.truePositives / c.gold : 0
    return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 }
  }
  return { PER: withRates(counts.PER), ORG: withRates(counts.ORG), LOC: withRates(counts.LOC), micro: withRates(counts.micro) }
}
