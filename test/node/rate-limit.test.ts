import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LIMITS, secondsUntilWindowEnds } from '../../src/http/rate-limit'

describe('Retry-After from the rate limiter’s window', () => {
  it('is what is left of a clock-aligned window, rounded up, from 1 to the period', () => {
    const minute = Date.UTC(2026, 11, 6, 20, 0, 0)
    expect(secondsUntilWindowEnds(60, minute)).toBe(60)
    expect(secondsUntilWindowEnds(60, minute + 1)).toBe(60)
    expect(secondsUntilWindowEnds(60, minute + 15_000)).toBe(45)
    expect(secondsUntilWindowEnds(60, minute + 15_400)).toBe(45)
    expect(secondsUntilWindowEnds(60, minute + 59_999)).toBe(1)
    expect(secondsUntilWindowEnds(10, minute + 3_000)).toBe(7)
    // Waiting that long lands on the start of the next window.
    const now = minute + 41_250
    expect((now + secondsUntilWindowEnds(60, now) * 1000 - 250) % 60_000).toBe(0)
  })

  it('uses the periods configured in wrangler.toml for each limiter', () => {
    const toml = readFileSync('wrangler.toml', 'utf8')
    for (const { binding, periodSeconds } of Object.values(LIMITS)) {
      const block = new RegExp(`name = "${binding}"[^\\[]*?period = (\\d+)`).exec(toml)
      expect(block, binding).not.toBeNull()
      expect(Number(block![1]), binding).toBe(periodSeconds)
    }
  })
})
