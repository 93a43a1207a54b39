/**
 * Entity-level NER scores of `extractEntities` on a CoNLL-2003 file: exact-match
 * precision, recall and F1 for PER, ORG and LOC and micro over the three
 * (person -> PER, organization -> ORG, place and country -> LOC; MISC not scored,
 * so a demonym read as its country is not counted either).
 *
 *   npm run eval:ner -- --conll ../shared/eval/conll2003-dev.txt [--errors 40]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { extractEntities } from '../src/analysis/facts/entities'
import type { Entity } from '../src/analysis/facts/types'
import { isDemonym } from '../src/gazetteer'
import { splitSentences } from '../src/text/sentences'
import { detokenize, parseConll, score, taggedEntities, type ConllDocument, type Label, type Scores, type TaggedEntity } from './lib/conll'

const LABELS: Record<Entity['type'], Label> = { person: 'PER', organization: 'ORG', place: 'LOC', country: 'LOC' }

/** The entities the extractor finds in one document, as token spans of its sentences. */
export function predictEntities(document: ConllDocument): TaggedEntity[] {
  const { text, tokens } = detokenize(document)
  const predicted: TaggedEntity[] = []
  for (const entity of extractEntities(text, splitSentences(text))) {
    for (const mention of entity.mentions) {
      if (entity.type === 'country' && isDemonym(text.slice(mention.start, mention.end))) continue
      const covered = tokens.filter((token) => token.end > mention.start && token.start < mention.end)
      // "Co." closing a sentence is "Co" and "." in CoNLL's tokens: the full stop is the sentence's.
      const end = covered.length > 1 && text.slice(covered.at(-1)!.start, covered.at(-1)!.end) === '.' ? mention.end - 1 : mention.end
      if (end < mention.end) covered.pop()
      const first = covered[0]
      const last = covered.at(-1)
      // A name inside a token ("Karachi" of "Karachi-based") is no entity in CoNLL's tokens.
      if (!first || !last || first.sentence !== last.sentence || first.start !== mention.start || last.end !== end) continue
      predicted.push({ sentence: first.sentence, from: first.index, to: last.index + 1, label: LABELS[entity.type] })
    }
  }
  return predicted
}

export function evaluateConll(content: string): Scores {
  return score(parseConll(content).map((document) => ({ gold: taggedEntities(document), predicted: predictEntities(document) })))
}

export function formatScores(scores: Scores): string {
  const rows = (['PER', 'ORG', 'LOC', 'micro'] as const).map((label) => {
    const s = scores[label]
    return `${label.padEnd(6)} ${s.precision.toFixed(3)}     ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(9)}`
  })
  return ['label  precision  recall  F1      gold predicted', ...rows].join('\n')
}

function printErrors(documents: ConllDocument[], limit: number): void {
  let shown = 0
  for (const document of documents) {
    const gold = taggedEntities(document).filter((entity) => entity.label !== 'MISC')
    const predicted = predictEntities(document)
    const words = (entity: TaggedEntity) => document.sentences[entity.sentence]!.tokens.slice(entity.from, entity.to).join(' ')
    const key = (entity: TaggedEntity) => `${entity.sentence}:${entity.from}:${entity.to}:${entity.label}`
    const goldKeys = new Set(gold.map(key))
    const predictedKeys = new Set(predicted.map(key))
    for (const entity of predicted) if (!goldKeys.has(key(entity)) && shown++ < limit) console.log(`  FP ${entity.label} ${words(entity)}`)
    for (const entity of gold) if (!predictedKeys.has(key(entity)) && shown++ < limit) console.log(`  FN ${entity.label} ${words(entity)}`)
  }
}

function main(): number {
  const { values } = parseArgs({ options: { conll: { type: 'string' }, errors: { type: 'string' } } })
  if (!values.conll) {
    console.error('usage: npm run eval:ner -- --conll FILE [--errors N]')
    return 1
  }
  const content = readFileSync(values.conll, 'utf8')
  const started = performance.now()
  const scores = evaluateConll(content)
  const documents = parseConll(content)
  console.log(`${values.conll}: ${documents.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  console.log(formatScores(scores))
  if (values.errors) printErrors(documents, Number(values.errors))
  return 0
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main()
