/**
 * A build thread (`PhraseThread`, phrase-files.ts): counts the phrases of each run of articles it is sent, in
 * corpus order, onto the phrase files in the folder it is given; at the end, merges them into the phrases kept.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { keptPhrases, PhraseCounts } from '../../src/search/suggest'
import { PhraseFiles, type KeptPhrases, type PhraseMessage } from './phrase-files'

const phrases = new PhraseCounts()
const files = new PhraseFiles((workerData as { dir: string }).dir)

parentPort!.on('message', (message: PhraseMessage) => {
  if ('articles' in message) {
    phrases.add(message.articles)
    files.write(phrases.take())
    parentPort!.postMessage(true)
  } else parentPort!.postMessage(keptPhrases(files.merged()) satisfies KeptPhrases)
})
