import { describe, expect, test } from 'vitest'
import { semanticEqual } from './semanticEqual'

describe('semanticEqual', () => {
  test.each([
    { name: 'equal scalars', a: 1, b: 1, want: true },
    { name: 'different scalars', a: 'a', b: 'b', want: false },
    { name: 'absent and null', a: undefined, b: null, want: true },
    { name: 'absent and empty list', a: undefined, b: [], want: true },
    { name: 'null and empty map', a: null, b: {}, want: true },
    { name: 'key order', a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, want: true },
    {
      name: 'a nil-able field absent on one side',
      a: { matchLabels: { app: 'a' } },
      b: { matchLabels: { app: 'a' }, matchExpressions: [] },
      want: true,
    },
    { name: 'a map key holding "" is not absent', a: { app: '' }, b: {}, want: false },
    { name: 'list order matters', a: ['a', 'b'], b: ['b', 'a'], want: false },
    {
      name: 'nested difference',
      a: { s: { m: { a: 'x' } } },
      b: { s: { m: { a: 'y' } } },
      want: false,
    },
    { name: 'list vs map', a: [1], b: { 0: 1 }, want: false },
  ])('VALKINDS-6 $name', ({ a, b, want }) => {
    expect(semanticEqual(a, b)).toBe(want)
    expect(semanticEqual(b, a)).toBe(want)
  })
})
