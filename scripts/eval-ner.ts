/**
 * Entity-level NER scores of `extractEntities` on a CoNLL-2003 file: exact-match
 * precision, recall and F1 for PER, ORG and LOC and micro over the three
 * (person -> PER, organization -> ORG, place and country -> LOC; MISC not scored,
 * so a demonym read as its country is not counted either).
 *
 *   npm run eval:ner -- --conll ../shared/eval/conll2003-dev.txt [--errors 40] [--verbose]
 *
 * `--verbose` groups the errors by class (see `errorClass`): what a missed entity was read as instead, in what kind
 * of document, and the shape of its name; the classes with most errors first, a few examples each.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { extractEntities } from '../src/analysis/facts/entities'
import type { Entity } from '../src/analysis/facts/types'
import { isDemonym } from '../src/gazetteer'
import { ORG_SUFFIXES } from '../src/analysis/facts/ner/lexicon'
import { isSportsReport } from '../src/analysis/facts/ner/teams'
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

/** Company forms that end a firm's name in any language news quotes ("Corp", "AG", "SA", "Bhd"). */
const COMPANY_FORMS = new Set([
  'corp',
  'inc',
  'ltd',
  'plc',
  'llc',
  'ag',
  'sa',
  'nv',
  'bv',
  'gmbh',
  'spa',
  'ab',
  'asa',
  'as',
  'oy',
  'bhd',
  'co',
  'cos',
  'group',
  'holdings',
])
/** Particles inside people's names ("van der", "de la", "al-", "bin"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'la', 'le', 'du', 'da', 'di', 'dos', 'del', 'bin', 'ibn', 'al', 'el', 'abu'])

/** The shape of a name, by its words: what a rule could tell it by. */
function nameShape(words: string[], label: Label): string {
  const last = words.at(-1)!.toLowerCase().replace(/\.$/, '')
  if (words.every((word) => word === word.toUpperCase() && /\p{L}/u.test(word))) return words.length === 1 && words[0]!.length <= 6 ? 'acronym' : 'in capitals'
  if (label === 'ORG' && COMPANY_FORMS.has(last)) return 'company form (Corp, AG, SA…)'
  if (label === 'ORG' && ORG_SUFFIXES.has(last)) return 'body word (ministry, party, bank…)'
  if (words.some((word) => PARTICLES.has(word.toLowerCase()) || /^(al|el|bin)-/i.test(word))) return 'particle (van der, al-, bin…)'
  return words.length === 1 ? 'one word' : `${Math.min(words.length, 3)}${words.length > 3 ? '+' : ''} words`
}

/**
 * An error's class: missed (a gold entity not predicted with its span and label) or added (a prediction gold lacks),
 * with what the other side has at that place (the same words under another label, an overlapping span, nothing), the
 * kind of document (a sports report, by the reader's own test) and the name's shape.
 */
function errorClass(kind: 'missed' | 'added', entity: TaggedEntity, other: TaggedEntity[], words: string[], sports: boolean): string {
  const same = other.find((candidate) => candidate.sentence === entity.sentence && candidate.from === entity.from && candidate.to === entity.to)
  const overlapping = other.find((candidate) => candidate.sentence === entity.sentence && candidate.from < entity.to && candidate.to > entity.from)
  const there = same ? `as ${same.label}` : overlapping ? `overlapping ${overlapping.label}` : 'nothing there'
  const side = kind === 'missed' ? `read ${there}` : `gold ${there === 'nothing there' ? 'has nothing' : `has ${there.replace(/^as /, '')}`}`
  return `${kind} ${entity.label}, ${side}, ${sports ? 'sports report' : 'other news'}, ${nameShape(words, entity.label)}`
}

/** Every error of the documents under its class (`errorClass`), with the words of each. */
export function errorClasses(documents: ConllDocument[]): Map<string, string[]> {
  const classes = new Map<string, string[]>()
  for (const document of documents) {
    const gold = taggedEntities(document)
    const scored = gold.filter((entity) => entity.label !== 'MISC')
    const predicted = predictEntities(document)
    const lowerWords = new Set(document.sentences.flatMap((sentence) => sentence.tokens.filter((token) => /^\p{Ll}/u.test(token))))
    const sports = isSportsReport(lowerWords)
    const words = (entity: TaggedEntity) => document.sentences[entity.sentence]!.tokens.slice(entity.from, entity.to)
    const key = (entity: TaggedEntity) => `${entity.sentence}:${entity.from}:${entity.to}:${entity.label}`
    const goldKeys = new Set(scored.map(key))
    const predictedKeys = new Set(predicted.map(key))
    const add = (name: string, example: string) => classes.set(name, [...(classes.get(name) ?? []), example])
    for (const entity of scored)
      if (!predictedKeys.has(key(entity))) add(errorClass('missed', entity, predicted, words(entity), sports), words(entity).join(' '))
    for (const entity of predicted) if (!goldKeys.has(key(entity))) add(errorClass('added', entity, gold, words(entity), sports), words(entity).join(' '))
  }
  return classes
}

function printErrorClasses(documents: ConllDocument[], examples: number): void {
  console.log('\nerrors by class (count, class, examples)')
  for (const [name, found] of [...errorClasses(documents)].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${String(found.length).padStart(5)}  ${name}: ${[...new Set(found)].slice(0, examples).join('; ')}`)
  }
}

function main(): number {
  const { values } = parseArgs({ options: { conll: { type: 'string' }, errors: { type: 'string' }, verbose: { type: 'boolean' } } })
  if (!values.conll) {
    console.error('usage: npm run eval:ner -- --conll FILE [--errors N] [--verbose]')
    return 1
  }
  const content = readFileSync(values.conll, 'utf8')
  const started = performance.now()
  const scores = evaluateConll(content)
  const documents = parseConll(content)
  console.log(`${values.conll}: ${documents.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  console.log(formatScores(scores))
  if (values.errors) printErrors(documents, Number(values.errors))
  if (values.verbose) printErrorClasses(documents, 8)
  return 0
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main()
