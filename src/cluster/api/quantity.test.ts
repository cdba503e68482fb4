import { describe, expect, test } from 'vitest'
import {
  compareQuantities,
  errFormatWrong,
  errNumeric,
  errSuffix,
  formatQuantity,
  parseQuantity,
  quantityAmount,
} from './quantity'
import type { QuantityFormat } from './quantity'

const D: QuantityFormat = 'DecimalSI'
const B: QuantityFormat = 'BinarySI'
const X: QuantityFormat = 'DecimalExponent'

// TestQuantityParse in staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go:
// input, expected amount (mantissa, exponent) and format.
const parseRows: [string, bigint, number, QuantityFormat][] = [
  ['0', 0n, 0, D],
  ['0n', 0n, 0, D],
  ['0u', 0n, 0, D],
  ['0m', 0n, 0, D],
  ['0Ki', 0n, 0, B],
  ['0k', 0n, 0, D],
  ['0Mi', 0n, 0, B],
  ['0M', 0n, 0, D],
  ['0Gi', 0n, 0, B],
  ['0G', 0n, 0, D],
  ['0Ti', 0n, 0, B],
  ['0T', 0n, 0, D],
  ['1', 1n, 0, D],
  ['1Ki', 1024n, 0, B],
  ['8Ki', 8n * 1024n, 0, B],
  ['7Mi', 7n * 1024n ** 2n, 0, B],
  ['6Gi', 6n * 1024n ** 3n, 0, B],
  ['5Ti', 5n * 1024n ** 4n, 0, B],
  ['4Pi', 4n * 1024n ** 5n, 0, B],
  ['3Ei', 3n * 1024n ** 6n, 0, B],
  ['10Ti', 10n * 1024n ** 4n, 0, B],
  ['100Ti', 100n * 1024n ** 4n, 0, B],
  ['5n', 5n, -9, D],
  ['4u', 4n, -6, D],
  ['3m', 3n, -3, D],
  ['9', 9n, 0, D],
  ['8k', 8n, 3, D],
  ['50k', 5n, 4, D],
  ['7M', 7n, 6, D],
  ['6G', 6n, 9, D],
  ['5T', 5n, 12, D],
  ['40T', 4n, 13, D],
  ['300T', 3n, 14, D],
  ['2P', 2n, 15, D],
  ['1E', 1n, 18, D],
  ['1E-3', 1n, -3, X],
  ['1e3', 1n, 3, X],
  ['1E6', 1n, 6, X],
  ['1e9', 1n, 9, X],
  ['1E12', 1n, 12, X],
  ['1e15', 1n, 15, X],
  ['1E18', 1n, 18, X],
  ['1e14', 1n, 14, X],
  ['1e13', 1n, 13, X],
  ['100.035k', 100035n, 0, D],
  ['0.001', 1n, -3, D],
  ['0.0005k', 5n, -1, D],
  ['0.005', 5n, -3, D],
  ['0.05', 5n, -2, D],
  ['0.5', 5n, -1, D],
  ['0.00050k', 5n, -1, D],
  ['0.00500', 5n, -3, D],
  ['0.05000', 5n, -2, D],
  ['0.50000', 5n, -1, D],
  ['0.5e0', 5n, -1, X],
  ['0.5e-1', 5n, -2, X],
  ['0.5e-2', 5n, -3, X],
  ['10.035M', 10035n, 3, D],
  ['1.2e3', 12n, 2, X],
  ['1.3E+6', 13n, 5, X],
  ['1.40e9', 14n, 8, X],
  ['1.53E12', 153n, 10, X],
  ['1.6e15', 16n, 14, X],
  ['1.7E18', 17n, 17, X],
  ['9.01', 901n, -2, D],
  ['8.1k', 81n, 2, D],
  ['7.123456M', 7123456n, 0, D],
  ['6.987654321G', 6987654321n, 0, D],
  ['5.444T', 5444n, 9, D],
  ['40.1T', 401n, 11, D],
  ['300.2T', 3002n, 11, D],
  ['2.5P', 25n, 14, D],
  ['1.01E', 101n, 16, D],
  ['3.001n', 4n, -9, D],
  ['1.1E-9', 2n, -9, X],
  ['0.0000000001', 1n, -9, D],
  ['0.0000000005', 1n, -9, D],
  ['0.00000000050', 1n, -9, D],
  ['0.5e-9', 1n, -9, X],
  ['0.9n', 1n, -9, D],
  ['0.00000012345', 124n, -9, D],
  ['0.00000012354', 124n, -9, D],
  ['9Ei', 2n ** 63n - 1n, 0, B],
  ['9223372036854775807Ki', 2n ** 63n - 1n, 0, B],
  ['12E', 12n, 18, D],
  ['100.035Ki', 10243584n, -2, B],
  ['0.5Mi', 524288n, 0, B],
  ['0.05Gi', 536870912n, -1, B],
  ['0.025Ti', 274877906944n, -1, B],
  ['0.000000000001Ki', 2n, -9, D],
  ['.001', 1n, -3, D],
  ['.0001k', 100n, -3, D],
  ['1.', 1n, 0, D],
  ['1.G', 1n, 9, D],
]

const same = (input: string, m: bigint, e: number): boolean =>
  compareQuantities(input, `${m}e${e}`) === 0

describe('parseQuantity amounts and formats', () => {
  const rows = parseRows.map(([input, m, e, format]) => ({ name: input, input, m, e, format }))
  test.each(rows)('SEL-24 $name', ({ input, m, e, format }) => {
    const r = parseQuantity(input)
    expect(r.ok && r.q.format).toBe(format)
    expect(same(input, m, e)).toBe(true)
  })
  test.each(rows)('SEL-24 -$name is the negative', ({ input, m, e, format }) => {
    const r = parseQuantity('-' + input)
    expect(r.ok && r.q.format).toBe(format)
    expect(same('-' + input, -m, e)).toBe(true)
  })
  test.each(rows)('SEL-24 +$name is the same', ({ input, m, e, format }) => {
    const r = parseQuantity('+' + input)
    expect(r.ok && r.q.format).toBe(format)
    expect(same('+' + input, m, e)).toBe(true)
  })
})

describe('parseQuantity errors', () => {
  const rows = [
    { name: 'empty', s: '', error: errFormatWrong },
    { name: '1.1.M', s: '1.1.M', error: errFormatWrong },
    { name: '1+1.0M', s: '1+1.0M', error: errFormatWrong },
    { name: '0.1mi', s: '0.1mi', error: errSuffix },
    { name: '0.1am', s: '0.1am', error: errFormatWrong },
    { name: 'aoeu', s: 'aoeu', error: errFormatWrong },
    { name: '.5i', s: '.5i', error: errSuffix },
    { name: '1i', s: '1i', error: errSuffix },
    { name: '-3.01i', s: '-3.01i', error: errSuffix },
    { name: '-3.01e-', s: '-3.01e-', error: errSuffix },
    { name: 'exponent past int32', s: '1e4294967297', error: errSuffix },
    { name: 'leading space', s: ' 1', error: errFormatWrong },
    { name: 'trailing space', s: '1 ', error: errFormatWrong },
    { name: 'lower-case binary suffix', s: '1ki', error: errSuffix },
    { name: 'bytes suffix', s: '1Kb', error: errFormatWrong },
    { name: 'no digits below nano', s: '.e-10', error: errNumeric },
    { name: 'infinity', s: Infinity, error: errFormatWrong },
  ]
  test.each(rows)('SEL-24 $name', ({ s, error }) => {
    expect(parseQuantity(s)).toEqual({ ok: false, error })
  })
  test('SEL-24 the regular expression text', () => {
    expect(errFormatWrong).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    )
  })
})

describe('canonical form', () => {
  // TestQuantityParseEmit, TestQuantityString (alternate → expect) and the brief's examples.
  const rows: [string, string][] = [
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['307200Ki', '300Mi'],
    ['1025024Mi', '1001Gi'],
    ['1024Gi', '1Ti'],
    ['5000m', '5'],
    ['0.5', '500m'],
    ['0.001T', '1G'],
    ['1000u', '1m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['00', '0'],
    ['100m', '100m'],
    ['1', '1'],
    ['1500m', '1500m'],
    ['1.5', '1500m'],
    ['8Gi', '8Gi'],
    ['1000Mi', '1000Mi'],
    ['0.5Gi', '512Mi'],
    ['1.5Gi', '1536Mi'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['129M', '129M'],
    ['123Mi', '123Mi'],
    ['2048Ki', '2Mi'],
    ['0.1m', '100u'],
    ['1.0001Ki', '1024102400u'],
    ['100.035Ki', '102435840m'],
    ['512', '512'],
    ['0.5Ki', '512'],
    ['9Ei', '9223372036854775807'],
    // Past E, DecimalSI falls back to exponent notation (upstream now does; older releases printed "1").
    ['1000E', '1e21'],
  ]
  test.each(rows.map(([input, want]) => ({ name: `${input} → ${want}`, input, want })))(
    'SEL-25 $name',
    ({ input, want }) => {
      const r = parseQuantity(input)
      expect(r.ok && r.q.canonical).toBe(want)
    },
  )
  test.each(
    rows.filter(([, w]) => w !== '0').map(([input, want]) => ({ name: `-${input}`, input, want })),
  )('SEL-25 $name prints with a minus sign', ({ input, want }) => {
    const r = parseQuantity('-' + input)
    expect(r.ok && r.q.canonical).toBe('-' + want)
  })
  // The int64 fast path keeps the input text when it is already canonical-shaped: a real
  // API server echoes these back verbatim.
  const verbatim = ['+1', '007', '01Ki', '1E-3', '1025Mi', '100Mi', '80e-3', '300e6']
  test.each(verbatim)('SEL-25 %s is echoed verbatim', (s) => {
    const r = parseQuantity(s)
    expect(r.ok && r.q.canonical).toBe(s)
  })
})

describe('values', () => {
  const rows: { name: string; s: string | number; milli: number; value: number }[] = [
    { name: '100m', s: '100m', milli: 100, value: 1 },
    { name: '1.5 rounds value up', s: '1.5', milli: 1500, value: 2 },
    { name: '1n rounds both up', s: '1n', milli: 1, value: 1 },
    { name: '-1.5 rounds away from zero', s: '-1.5', milli: -1500, value: -2 },
    { name: '1Gi', s: '1Gi', milli: 1073741824000, value: 1073741824 },
    { name: '250M', s: '250M', milli: 250000000000, value: 250000000 },
    { name: 'number input', s: 2, milli: 2000, value: 2 },
    { name: 'fractional number input', s: 0.25, milli: 250, value: 1 },
    { name: 'zero', s: '0', milli: 0, value: 0 },
  ]
  test.each(rows)('SEL-26 $name', ({ s, milli, value }) => {
    const r = parseQuantity(s)
    expect(r.ok && [r.q.milliValue, r.q.value]).toEqual([milli, value])
  })
  test('SEL-26 huge exponents stay exact in text and become Infinity as numbers', () => {
    const r = parseQuantity('1e999')
    expect(r.ok && [r.q.canonical, r.q.value]).toEqual(['1e999', Infinity])
    expect(quantityAmount('1e999')).toEqual({ mantissa: 1n, exponent: 999 })
  })
  const cmpRows = [
    { name: '0 vs 0', a: '0', b: '0', want: 0 },
    { name: '100m vs 50m', a: '100m', b: '50m', want: 1 },
    { name: '50m vs 100m', a: '50m', b: '100m', want: -1 },
    { name: '10000T vs 100Gi', a: '10000T', b: '100Gi', want: 1 },
    { name: '1 vs 1000m', a: '1', b: '1000m', want: 0 },
    { name: '1Gi vs 1073741824', a: '1Gi', b: 1073741824, want: 0 },
    { name: '-1 vs 1', a: '-1', b: '1', want: -1 },
    { name: '-2 vs -1', a: '-2', b: '-1', want: -1 },
    { name: '1e999 vs 1e998', a: '1e999', b: '1e998', want: 1 },
    { name: 'bad input', a: 'x', b: '1', want: undefined },
  ]
  test.each(cmpRows)('SEL-26 compare $name', ({ a, b, want }) => {
    expect(compareQuantities(a, b)).toBe(want)
  })
})

describe('formatQuantity', () => {
  const rows: { name: string; milli: number; format: QuantityFormat; want: string }[] = [
    { name: 'cpu 100m', milli: 100, format: D, want: '100m' },
    { name: 'cpu 1500m', milli: 1500, format: D, want: '1500m' },
    { name: 'cpu 2', milli: 2000, format: D, want: '2' },
    { name: 'memory 128Mi', milli: 128 * 1024 * 1024 * 1000, format: B, want: '128Mi' },
    { name: 'memory 1Gi', milli: 1024 ** 3 * 1000, format: B, want: '1Gi' },
    { name: 'memory 100M', milli: 100e6 * 1000, format: D, want: '100M' },
    { name: 'small binary prints decimal', milli: 512000, format: B, want: '512' },
    { name: 'zero', milli: 0, format: B, want: '0' },
    { name: 'exponent format', milli: 1e6, format: X, want: '1e3' },
  ]
  test.each(rows)('SEL-27 $name', ({ milli, format, want }) => {
    expect(formatQuantity(milli, format)).toBe(want)
  })
})
