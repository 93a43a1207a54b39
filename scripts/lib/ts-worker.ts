import { Worker } from 'node:worker_threads'

/**
 * A worker thread running a TypeScript module of the build: tsx's loader is
 * registered in the thread itself (loader hooks are per thread), then `script`
 * (a file URL) imported; `workerData` is the thread's.
 */
export function tsWorker(script: string, workerData?: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api')
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}) })`, {
    eval: true,
    workerData,
  })
}
