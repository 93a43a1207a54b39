/**
 * The sharded build's threads (shard-thread.ts): each takes the next job as it finishes one, in the order they
 * were asked for. A thread's failure (an exception, or the thread gone) fails its job and every job not yet
 * answered, and `run` refuses any later one, so the build stops with the reason rather than wait for an answer.
 */
import type { Worker } from 'node:worker_threads'
import { tsWorker } from './ts-worker'

type Job = { message: unknown; resolve: (reply: unknown) => void; reject: (error: Error) => void }

export class ShardThreads {
  private readonly waiting: Job[] = []
  private readonly idle: Worker[] = []
  private readonly running = new Map<Worker, Job>()
  private readonly workers: Worker[] = []
  private failure: Error | undefined

  constructor(count: number) {
    const script = new URL('./shard-thread.ts', import.meta.url).href
    for (let started = 0; started < count; started++) {
      const worker = tsWorker(script)
      this.workers.push(worker)
      worker.on('online', () => this.ready(worker))
      worker.on('message', (reply: unknown) => {
        this.running.get(worker)?.resolve(reply)
        this.running.delete(worker)
        this.ready(worker)
      })
      worker.on('error', (error: Error) => this.fail(error))
      worker.on('exit', () => this.fail(new Error('a shard thread stopped before it answered')))
    }
  }

  /** Sends `message` to the next free thread (shard-thread.ts); its answer. */
  run<Reply>(message: unknown): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.push({ message, resolve: resolve as (reply: unknown) => void, reject })
      this.dispatch()
    })
  }

  /** Stops every thread; a job not yet answered fails. */
  async close(): Promise<void> {
    this.fail(new Error('the shard threads were closed'))
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  private ready(worker: Worker) {
    if (this.failure) return
    this.idle.push(worker)
    this.dispatch()
  }

  private dispatch() {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.shift()!
      const job = this.waiting.shift()!
      this.running.set(worker, job)
      worker.postMessage(job.message)
    }
  }

  private fail(error: Error) {
    this.failure ??= error
    for (const job of [...this.running.values(), ...this.waiting.splice(0)]) job.reject(this.failure)
    this.running.clear()
  }
}
