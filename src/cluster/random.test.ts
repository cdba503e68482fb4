import { describe, expect, test } from 'vitest'
import { createRandom } from './random'

describe('seeded randomness (API-25)', () => {
  test('the same seed gives the same stream; another seed another', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const c = createRandom(43)
    const seq = (r: ReturnType<typeof createRandom>) => Array.from({ length: 8 }, () => r.next())
    const sa = seq(a)
    expect(seq(b)).toEqual(sa)
    expect(seq(c)).not.toEqual(sa)
  })

  test('forked streams are independent of how much the parent was used', () => {
    const a = createRandom(7)
    const b = createRandom(7)
    b.next()
    b.next()
    expect(a.fork('names').string(10)).toBe(b.fork('names').string(10))
    expect(a.fork('names').string(10)).not.toBe(a.fork('ips').string(10))
  })

  test.each([1, 2, 10, 1000])('intn(%i) stays in range', (n) => {
    const r = createRandom(1)
    for (let i = 0; i < 2000; i++) {
      const v = r.intn(n)
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThan(n)
      expect(Number.isInteger(v)).toBe(true)
    }
  })

  test('string() uses the apimachinery rand.String alphabet (API-11)', () => {
    const s = createRandom(3).string(500)
    expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{500}$/)
  })

  test('uuid() is a version-4 UUID', () => {
    const r = createRandom(9)
    for (let i = 0; i < 50; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
