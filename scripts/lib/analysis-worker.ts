/** A build thread (analyse-corpus.ts): analyses each batch of articles it is sent and sends the analyses back in order. */
import { parentPort } from 'node:worker_threads'
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'

parentPort!.on('message', (inputs: AnalyzeInput[]) => parentPort!.postMessage(inputs.map((input) => analyzeArticle(input))))
