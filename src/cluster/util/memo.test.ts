import { describe, expect, test } from 'vitest'
import { memoize } from './memo'

describe('memoize', () => {
  test('computes once per key, and stays bounded', () => {
    let calls = 0
    const square = memoize(2, (k) => {
      calls++
      return Number(k) ** 2
    })
    expect([square('3'), square('3'), square('4')]).toEqual([9, 9, 16])
    expect(calls).toBe(2)
    square('5') // the cache was full: it starts again
    expect(square('3')).toBe(9)
    expect(calls).toBe(4)
  })
})
