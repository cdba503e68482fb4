import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import type { JsonValue } from '../../api/types'
import { goAtoi, goS, goV } from './goPrint'
import { goJsonMarshal } from './goJson'
import { sliceStable } from './goSort'

describe('Go formatting of decoded JSON', () => {
  const rows: { name: string; v: JsonValue; want: string }[] = [
    {
      name: 'map keys sorted',
      v: { name: 'web', image: 'nginx' },
      want: 'map[image:nginx name:web]',
    },
    {
      name: 'nested map and list',
      v: { a: { b: [1, 'x'] }, c: null },
      want: 'map[a:map[b:[1 x]] c:<nil>]',
    },
    { name: 'int64', v: 8080, want: '8080' },
    { name: 'float64 small', v: 0.5, want: '0.5' },
    { name: 'float64 with exponent', v: 1234567.5, want: '1.2345675e+06' },
    { name: 'float64 tiny', v: 0.00001, want: '1e-05' },
    { name: 'bool', v: true, want: 'true' },
    { name: 'empty map', v: {}, want: 'map[]' },
  ]
  test.each(rows)('PATCH-21 %v: $name', ({ v, want }) => expect(goV(v)).toBe(want))

  test('PATCH-21 %s of non-strings', () => {
    expect(goS('delete')).toBe('delete')
    expect(goS(1)).toBe('%!s(int64=1)')
    expect(goS(1.5)).toBe('%!s(float64=1.5)')
    expect(goS(false)).toBe('%!s(bool=false)')
    expect(goS(null)).toBe('%!s(<nil>)')
  })

  test('PATCH-4 json.Marshal sorts keys and escapes HTML characters', () => {
    expect(goJsonMarshal({ b: '<&>', a: [1, null] })).toBe(
      '{"a":[1,null],"b":"\\u003c\\u0026\\u003e"}',
    )
  })
})

describe('strconv.Atoi', () => {
  const rows: { s: string; want: number | string }[] = [
    { s: '0', want: 0 },
    { s: '+3', want: 3 },
    { s: '-2', want: -2 },
    { s: '007', want: 7 },
    { s: '', want: 'strconv.Atoi: parsing "": invalid syntax' },
    { s: '-', want: 'strconv.Atoi: parsing "-": invalid syntax' },
    { s: '1.5', want: 'strconv.Atoi: parsing "1.5": invalid syntax' },
    { s: ' 1', want: 'strconv.Atoi: parsing " 1": invalid syntax' },
    {
      s: '99999999999999999999',
      want: 'strconv.Atoi: parsing "99999999999999999999": value out of range',
    },
  ]
  test.each(rows)('PATCH-4 Atoi($s)', ({ s, want }) => {
    const got = goAtoi(s)
    expect(got).toEqual(
      typeof want === 'number' ? { ok: true, value: want } : { ok: false, error: want },
    )
  })
})

describe('sort.SliceStable', () => {
  test('PATCH-12 with a strict order it is a stable sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.integer({ min: 0, max: 9 }), id: fc.nat() }), {
          maxLength: 120,
        }),
        (items) => {
          const mine = [...items]
          sliceStable(mine, (a, b) => a.k < b.k)
          const expected = [...items].sort((a, b) => a.k - b.k)
          expect(mine).toEqual(expected)
        },
      ),
    )
  })

  test('PATCH-12 with an always-true less it reverses the order, as Go insertion sort does', () => {
    const data = [1, 2, 3, 4]
    sliceStable(data, () => true)
    expect(data).toEqual([4, 3, 2, 1])
  })
})
