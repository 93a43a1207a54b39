/** A build thread (sharded-build.ts): makes and writes each shard it is sent, and answers with what the build reports of it. */
import { parentPort } from 'node:worker_threads'
import { writeShard, type ShardMessage } from './sharded-build'

parentPort!.on('message', ({ write, mine }: ShardMessage) => parentPort!.postMessage(writeShard(write, mine)))
