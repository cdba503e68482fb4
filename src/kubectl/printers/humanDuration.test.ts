import { describe, expect, test } from 'vitest'
import { age, humanDuration, shortHumanDuration } from './humanDuration'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

// Rows ported from staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go.
describe('humanDuration', () => {
  test.each([
    { d: 1 * s, want: '1s' },
    { d: 70 * s, want: '70s' },
    { d: 190 * s, want: '3m10s' },
    { d: 70 * m, want: '70m' },
    { d: 47 * h, want: '47h' },
    { d: 49 * h, want: '2d1h' },
    { d: (8 * 24 + 2) * h, want: '8d' },
    { d: 367 * d, want: '367d' },
    { d: (365 * 2 + 3) * d, want: '2y3d' },
    { d: (365 * 8 + 3) * d, want: '8y' },
    { d: 0, want: '0s' },
    { d: 59 * s, want: '59s' },
    { d: 90 * s, want: '90s' },
    { d: 123 * s, want: '2m3s' },
    { d: 10 * m, want: '10m' },
    { d: 179 * m, want: '179m' },
    { d: 3 * h + 10 * m, want: '3h10m' },
    { d: 3 * h, want: '3h' },
    { d: 8 * h, want: '8h' },
    { d: 2 * d + 3 * h, want: '2d3h' },
    { d: 2 * 365 * d, want: '2y' },
    { d: -1500, want: '0s' },
    { d: -2 * s, want: '<invalid>' },
  ])('DUR-1 HumanDuration($d ms) = $want', ({ d: ms, want }) => {
    expect(humanDuration(ms)).toBe(want)
  })

  test.each([
    { d: 1 * s, want: '1s' },
    { d: 70 * s, want: '1m' },
    { d: 190 * s, want: '3m' },
    { d: 70 * m, want: '1h' },
    { d: 47 * h, want: '1d' },
    { d: 49 * h, want: '2d' },
    { d: 367 * d, want: '1y' },
    { d: -2 * s, want: '<invalid>' },
  ])('DUR-2 ShortHumanDuration($d ms) = $want', ({ d: ms, want }) => {
    expect(shortHumanDuration(ms)).toBe(want)
  })

  const now = Date.parse('2024-05-01T12:00:00Z')
  test.each([
    { name: 'missing timestamp', ts: undefined, want: '<unknown>' },
    { name: 'unparsable timestamp', ts: 'yesterday', want: '<unknown>' },
    { name: 'five minutes ago', ts: '2024-05-01T11:55:00Z', want: '5m' },
    { name: 'ninety seconds ago', ts: '2024-05-01T11:58:30Z', want: '90s' },
    { name: 'three days ago', ts: '2024-04-28T12:00:00Z', want: '3d' },
  ])('DUR-3 age: $name', ({ ts, want }) => {
    expect(age(ts, now)).toBe(want)
  })
})
