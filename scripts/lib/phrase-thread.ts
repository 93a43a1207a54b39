/**
 * A build thread (`PhraseThread`, phrase-files.ts): counts the phrases of each shard's articles it is sent, in
 * corpus order, onto a phrase file each (or takes a shard's file an earlier build kept); at the end, merges them
 * into the phrases kept.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { keptPhrases } from '../../src/search/suggest'
import { PhraseFiles, writeShardPhrases, type KeptPhrases, type PhraseMessage } from './phrase-files'

const files = new PhraseFiles((workerData as { dir: string }).dir)

parentPort!.on('message', (message: PhraseMessage) => {
  if ('articles' in message) {
    files.add(writeShardPhrases(message.articles, message.to))
    parentPort!.postMessage(true)
  } else if ('counted' in message) {
    files.add(message.counted)
    parentPort!.postMessage(true)
  } else parentPort!.postMessage(keptPhrases(files.merged()) satisfies KeptPhrases)
})
