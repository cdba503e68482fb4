import { describe, expect, test } from 'vitest'
import { deepCopy, deepEqual } from './json'

describe('JSON helpers', () => {
  test('deepCopy keeps a "__proto__" key as an ordinary member (ConfigMap data may use it)', () => {
    const src = JSON.parse('{"data":{"__proto__":"x","a":"b"}}') as { data: Record<string, string> }
    const copy = deepCopy(src)
    expect(Object.keys(copy.data)).toEqual(['__proto__', 'a'])
    expect(Object.getPrototypeOf(copy.data)).toBe(Object.prototype)
    expect(deepEqual(copy, src)).toBe(true)
  })

  test.each([
    { a: { x: 1, y: undefined }, b: { x: 1 }, equal: true },
    { a: [1, { z: 'q' }], b: [1, { z: 'q' }], equal: true },
    { a: [1, 2], b: [2, 1], equal: false },
    { a: { x: null }, b: {}, equal: false },
  ])('deepEqual($a, $b) is $equal', ({ a, b, equal }) => {
    expect(deepEqual(a, b)).toBe(equal)
  })
})
