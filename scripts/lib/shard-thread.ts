/**
 * A build thread (sharded-build.ts, shard-threads.ts): collects each shard it is sent for the index phase's pass
 * (`passShard`), or makes and writes it (`writeShard`), and answers with what the build takes of it.
 */
import { parentPort } from 'node:worker_threads'
import { passShard, writeShard, type PassMessage, type ShardMessage } from './sharded-build'

parentPort!.on('message', (message: ShardMessage | PassMessage) => {
  // A failure is thrown here, out of the thread: the build's side fails the job with it (shard-threads.ts).
  if ('pass' in message) void passShard(message).then((pass) => parentPort!.postMessage(pass))
  else parentPort!.postMessage(writeShard(message.write, message.mine))
})
