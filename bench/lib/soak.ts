/**
 * The live segment's soak: concurrent writers publish, replace and delete
 * articles against `wrangler dev` while wrangler (with its workerd) is killed
 * with SIGKILL and restarted on the same `--persist-to` folder; afterwards
 * every acknowledged write must be reflected exactly and nothing that was
 * never acknowledged may be half there. `npm run bench:soak` runs the full
 * size; test/e2e/soak.test.ts a bounded one.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readLiveExport } from '../../scripts/lib/live-export'
import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev'

export type SoakOptions = { writers: number; writes: number; kills: number; idsPerWriter: number; log?: (line: string) => void }

export type SoakResult = {
  writes: number
  acknowledged: number
  /** Writes whose answer was lost to a kill: either outcome is allowed, but not a mix. */
  unacknowledged: number
  kills: number
  /** Ids checked at the end, and how many were live then. */
  ids: number
  live: number
  /** Every difference between what was acknowledged and what the Worker serves (empty when the soak passes). */
  mismatches: string[]
}

const TOKEN = 'soak-token-not-a-secret'

/** What an id should be: the unique word of its current text, or null when deleted (or never written). */
type State = string | null

/** A word of letters only (the tokenizer splits on digits), unique to one write. */
function wordFor(writer: number, sequence: number): string {
  const letters = (n: number) => n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)))
  // The writer's and the sequence's letters three times over: two words are at least three edits apart, beyond
  // search's typo tolerance (two edits), which would otherwise find a near word's article too (`typoTolerance`).
  const part = `${letters(writer)}q${letters(sequence)}`
  return `soak${part}x${part}x${part}z`
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {})
  const persistTo = mkdtempSync(join(tmpdir(), 'news-edge-soak-'))
  // Every start on the same state folder (free ports each time: writers follow `server.origin`).
  const start = () => startWranglerDev({ persistTo, vars: { INGEST_TOKEN: TOKEN }, logLevel: 'error' })
  let server: WranglerDev | undefined
  // Requests come from many client IPs (CF-Connecting-IP), as a newsroom's do, so the per-IP limits do not throttle the soak.
  let clients = 0
  const headers = (json: boolean) => ({
    'CF-Connecting-IP': `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients++ & 255}`,
    Authorization: `Bearer ${TOKEN}`,
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  })
  try {
    server = await start()
    // Per id: the acknowledged state, and the states of writes sent since whose answer was lost.
    const acknowledged = new Map<string, State>()
    const pending = new Map<string, State[]>()
    const words: string[] = []
    let sent = 0
    let acked = 0
    let lost = 0
    let kills = 0
    let restarting: Promise<void> | undefined

    const killAt = Array.from({ length: options.kills }, (_, k) => Math.round(((k + 1) * options.writes) / (options.kills + 1)))
    const maybeKill = () => {
      if (kills >= killAt.length || sent < killAt[kills]! || restarting) return
      kills++
      log(`SIGKILL of wrangler and workerd after ${sent} writes sent (${acked} acknowledged)`)
      restarting = (async () => {
        await server!.kill()
        server = await start()
        log('restarted on the same --persist-to')
        restarting = undefined
      })()
    }

    const write = async (writer: number, id: string, next: State, sequence: number): Promise<void> => {
      const path = `${server!.origin}/api/articles/${encodeURIComponent(id)}`
      const before = acknowledged.get(id) ?? null
      pending.set(id, [...(pending.get(id) ?? []), next])
      sent++
      try {
        const response =
          next === null
            ? await fetch(path, { method: 'DELETE', headers: headers(false) })
            : await fetch(path, {
                method: 'PUT',
                headers: headers(true),
                body: JSON.stringify({
                  title: `Soak ${writer} ${next}`,
                  date: '2026-12-03',
                  text: `The soak writer ${writer} published ${next} as write ${sequence}. Nothing else has this word.`,
                }),
              })
        await response.body?.cancel()
        // A DELETE of an id that is not there is acknowledged too: it is absent.
        if (response.ok || (next === null && response.status === 404)) {
          acknowledged.set(id, next)
          pending.delete(id)
          acked++
          return
        }
        throw new Error(`${response.status}`)
      } catch {
        // The answer was lost (a kill): the write may or may not have landed; `before` stays possible.
        lost++
        if (!acknowledged.has(id)) acknowledged.set(id, before)
      }
    }

    const writer = async (w: number) => {
      const ids = Array.from({ length: options.idsPerWriter }, (_, i) => `soak/w${w}/a${i}`)
      for (let k = 0; k < options.writes / options.writers; k++) {
        maybeKill()
        if (restarting) await restarting
        const id = ids[Math.floor(Math.random() * ids.length)]!
        const present = (acknowledged.get(id) ?? null) !== null
        const next = present && Math.random() < 0.35 ? null : wordFor(w, k)
        if (next) words.push(next)
        await write(w, id, next, k)
      }
    }
    await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)))
    if (restarting) await restarting

    // What the Worker serves now, from the segment itself and through search.
    const origin = server.origin
    // Every page of the export (corpus:pull's reader), each from another client IP as the writes were.
    const { exported } = await readLiveExport(origin, TOKEN, { fetch: (url, init) => fetch(url, { ...init, headers: headers(false) }) })
    const served = new Map(exported.articles.filter((article) => article.id.startsWith('soak/')).map((article) => [article.id, article.text]))
    const mismatches: string[] = []
    const ids = new Set([...acknowledged.keys(), ...pending.keys(), ...served.keys()])
    for (const id of ids) {
      const allowed = new Set<State>([acknowledged.get(id) ?? null, ...(pending.get(id) ?? [])])
      const text = served.get(id)
      const actual: State = text === undefined ? null : (/ published (\w+) as write /.exec(text)?.[1] ?? `unreadable text ${JSON.stringify(text)}`)
      if (!allowed.has(actual))
        mismatches.push(`${id}: serves ${actual ?? 'nothing'}, acknowledged ${[...allowed].map((state) => state ?? 'deleted').join(' or ')}`)
    }
    // Every word ever written: found exactly where the segment has it as the current text, nowhere else.
    const current = new Map([...served].map(([id, text]) => [/ published (\w+) as write /.exec(text)?.[1], id]))
    for (const word of words) {
      // A trailing space: the word is complete (no prefix matching). A word no article has may find others by typo
      // tolerance (`typoTolerance`), which is no exact match: then nothing has the word, as expected of a replaced one.
      const url = `${origin}/api/search?q=${word}%20`
      const answer = (await (await fetch(url, { headers: { 'CF-Connecting-IP': headers(false)['CF-Connecting-IP'] } })).json()) as {
        hits: { id: string }[]
        typoTolerance?: boolean
      }
      const expected = current.get(word)
      const found = answer.typoTolerance ? [] : answer.hits.map((hit) => hit.id)
      if (expected ? found.length !== 1 || found[0] !== expected : found.length !== 0)
        mismatches.push(`search ${word}: ${JSON.stringify(found)}, expected ${expected ?? 'nothing'}`)
    }
    return { writes: sent, acknowledged: acked, unacknowledged: lost, kills, ids: ids.size, live: served.size, mismatches }
  } finally {
    await server?.kill()
    rmSync(persistTo, { recursive: true, force: true })
  }
}
