import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * Faults during `npm run build` must leave the previous bundle exactly as it
 * was and say what went wrong. The tests run as root here, where chmod 000
 * does not stop reading or writing; so an unreadable article is a dangling
 * symlink or a symlink to a folder, an unwritable output is a path through a
 * regular file or onto a folder, and a crash is a real SIGKILL mid-write.
 */
const BUILD = ['--import', 'tsx', 'scripts/build-index.ts']

const work = mkdtempSync(join(tmpdir(), 'news-edge-faults-'))
const corpus = join(work, 'corpus')
const out = join(work, 'out')
const bundlePath = join(out, 'search.bundle')

function article(i: number) {
  return JSON.stringify({
    id: `a${i}`,
    title: `Article ${i}`,
    date: '2024-05-06',
    text: `Officials in Quetta said ${i} people were hurt on Monday.\n\n${'The minister said: "We will rebuild the roads." '.repeat(400)}`,
  })
}

/** Every file under the output folder, path to bytes: the bundle and whatever the build writes next to it (the static assets too). */
function snapshot(folder: string): Record<string, string> {
  return snapshotExcept(folder)
}

/**
 * Leaves out `skipped` (a FIFO: reading it would block), the temporaries a killed build left and the analysis cache
 * (analyses are kept by content even when a later step fails; they are not the bundle).
 */
function snapshotExcept(folder: string, skipped?: string): Record<string, string> {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => {
    const path = join(folder, name)
    if (name.split('/')[0] === '.analysis-cache') return false
    return path !== skipped && !(skipped && name.split('/').some((part) => part.endsWith('.tmp'))) && !statSync(path).isDirectory()
  })
  return Object.fromEntries(names.sort().map((name) => [name, readFileSync(join(folder, name)).toString('base64')]))
}

function build(env: Record<string, string>) {
  const result = spawnSync(process.execPath, BUILD, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, stderr: result.stderr, stdout: result.stdout }
}

describe('build faults keep the previous bundle', { timeout: 120_000 }, () => {
  let previous: Record<string, string>

  beforeAll(() => {
    mkdirSync(corpus, { recursive: true })
    writeFileSync(join(corpus, 'articles.jsonl'), `${Array.from({ length: 16 }, (_, i) => article(i)).join('\n')}\n`)
    const first = build({ CORPUS: corpus, BUNDLE_PATH: bundlePath })
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    previous = snapshot(out)
    expect(Object.keys(previous)).toContain('search.bundle')
    expect(Object.keys(previous).filter((name) => name.startsWith('assets/') && name.endsWith('/facts-0.txt'))).toHaveLength(1)
    // A pack bigger than a pipe's 64 KiB buffer, so that writing it into a FIFO blocks (last test).
    expect(Object.entries(previous).find(([name]) => name.endsWith('/0000.txt'))![1].length).toBeGreaterThan((128 * 1024 * 4) / 3)
  }, 120_000)

  it.each([
    [
      'a dangling symlink',
      (path: string) => symlinkSync(join(work, 'missing-target.md'), path),
      'gone.md',
      /gone\.md: \(file\): dangling symlink: its target cannot be found \(ENOENT\)/,
    ],
    [
      'a symlink loop',
      (path: string) => symlinkSync(dirname(path), path),
      'loop',
      /loop: \(file\): symlink loop: it links to .*broken-loop, a folder that contains it/,
    ],
    [
      'bytes that are not UTF-8',
      (path: string) => writeFileSync(path, Buffer.concat([Buffer.from('date 2024-05-06\nCaf'), Buffer.from([0xe9]), Buffer.from(' owners said so.')])),
      'latin1.txt',
      /latin1\.txt:2: \(file\): not valid UTF-8: the first bad sequence starts at byte offset 19/,
    ],
    ['an empty .jsonl', (path: string) => writeFileSync(path, '\n'), 'empty.jsonl', /empty\.jsonl: \(file\): the file is empty/],
    ['an empty .md', (path: string) => writeFileSync(path, ''), 'empty.md', /empty\.md: \(file\): the file is empty/],
    [
      'an article over the size limit',
      (path: string) => writeFileSync(path, `${JSON.stringify({ id: 'huge', text: 'The minister said the roads will be rebuilt. '.repeat(6000) })}\n`),
      'huge.jsonl',
      /huge\.jsonl:1: text: article "huge" has \d+ bytes of text, over the limit of 262144 bytes/,
    ],
  ])('an unreadable or unacceptable article file (%s) stops the build, names the file and the reason', (_kind, make, name, reason) => {
    const broken = join(work, `broken-${name}`)
    mkdirSync(broken)
    writeFileSync(join(broken, 'fine.jsonl'), `${article(1)}\n`)
    make(join(broken, name))
    const result = build({ CORPUS: broken, BUNDLE_PATH: bundlePath })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/build failed: 1 problem\(s\) in 1 file\(s\).*the previous bundle is unchanged/)
    expect(result.stderr).toMatch(reason)
    expect(snapshot(out)).toEqual(previous)
  })

  it('a symlinked folder in the corpus is read like any other', () => {
    const linked = join(work, 'linked')
    mkdirSync(linked)
    writeFileSync(join(linked, 'fine.jsonl'), `${article(99)}\n`)
    symlinkSync(corpus, join(linked, 'more'))
    const result = build({ CORPUS: linked, BUNDLE_PATH: join(work, 'linked-out', 'search.bundle') })
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/built .*: 17 articles from 2 file\(s\)/)
  })

  it('an output folder that cannot be created (a file is in the way) fails with the reason, not a crash', () => {
    const blocker = join(work, 'blocker')
    writeFileSync(blocker, 'a file, not a folder')
    const result = build({ CORPUS: corpus, BUNDLE_PATH: join(blocker, 'search.bundle') })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^build failed: (ENOTDIR|EEXIST): .*mkdir .*blocker.*; the previous bundle is unchanged\./)
    expect(readFileSync(blocker, 'utf8')).toBe('a file, not a folder')
    expect(snapshot(out)).toEqual(previous)
  })

  it('an output path that cannot be written (a folder is there) fails with the reason, restores what was next to it and leaves no temporary file', () => {
    const taken = join(work, 'taken')
    mkdirSync(join(taken, 'search.bundle'), { recursive: true })
    writeFileSync(join(taken, 'search.bundle', 'keep.txt'), 'kept')
    writeFileSync(join(taken, 'search.bin'), 'the previous index')
    const result = build({ CORPUS: corpus, BUNDLE_PATH: join(taken, 'search.bundle') })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/build failed: cannot write .*search\.bundle: .*(EISDIR|ENOTEMPTY|EEXIST).*; the previous bundle is unchanged/)
    expect(
      readdirSync(taken)
        .filter((name) => name !== '.analysis-cache')
        .sort(),
    ).toEqual(['search.bin', 'search.bundle'])
    expect(readFileSync(join(taken, 'search.bin'), 'utf8')).toBe('the previous index')
    expect(readFileSync(join(taken, 'search.bundle', 'keep.txt'), 'utf8')).toBe('kept')
  })

  it('a build killed in the middle of writing leaves the previous bundle whole; the next build cleans up after it', async () => {
    // Another corpus, so another version whose assets the build must write: learn its version from a build elsewhere.
    const changed = join(work, 'changed')
    mkdirSync(changed)
    writeFileSync(join(changed, 'articles.jsonl'), `${Array.from({ length: 17 }, (_, i) => article(i)).join('\n')}\n`)
    const scratch = join(work, 'scratch', 'search.bundle')
    expect(build({ CORPUS: changed, BUNDLE_PATH: scratch }).status).toBe(0)
    const version = (JSON.parse(readFileSync(scratch, 'utf8')) as { version: string }).version

    const child = spawn(process.execPath, BUILD, { env: { ...process.env, CORPUS: changed, BUNDLE_PATH: bundlePath }, stdio: 'ignore' })
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    // The build writes the new version's packs into `assets/<version>.<pid>.tmp/`, then renames the folder. A FIFO in
    // the place of the first pack makes the write wait for a reader and then fill the pipe: read its first bytes
    // (the write has begun), then kill the build.
    const temporaryFolder = join(out, 'assets', `${version}.${child.pid}.tmp`)
    mkdirSync(temporaryFolder, { recursive: true })
    const fifo = join(temporaryFolder, '0000.txt')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const pipe = await open(fifo, 'r')
    const { bytesRead } = await pipe.read(Buffer.alloc(1024), 0, 1024)
    expect(bytesRead).toBeGreaterThan(0)
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    await pipe.close()
    expect(snapshotExcept(out, fifo)).toEqual(previous)

    expect(build({ CORPUS: corpus, BUNDLE_PATH: bundlePath }).status).toBe(0)
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'))).toEqual([])
    // The killed build's inputs, spilled beside the analysis cache once analysed, are removed too.
    expect(readdirSync(join(out, '.analysis-cache')).filter((name) => name.startsWith('inputs-'))).toEqual([])
    expect(Object.keys(snapshot(out))).toEqual(Object.keys(previous))
  })
})
