import { describe, expect, test } from 'vitest'
import { buildBrokenLinearFunction } from './brokenLinear'
import { defaultNormalizeScore } from './normalizeScore'
import { toleratesTaint } from './taints'

// Rows from pkg/scheduler/framework/plugins/helper/normalize_score_test.go TestDefaultNormalizeScore.
const normalizeRows = [
  { name: 'case_0', reverse: false, scores: [1, 2, 3, 4], want: [25, 50, 75, 100] },
  { name: 'case_1', reverse: true, scores: [1, 2, 3, 4], want: [75, 50, 25, 0] },
  { name: 'case_2', reverse: false, scores: [1000, 10, 20, 30], want: [100, 1, 2, 3] },
  { name: 'case_3', reverse: true, scores: [1000, 10, 20, 30], want: [0, 99, 98, 97] },
  { name: 'case_4', reverse: false, scores: [1, 1, 1, 1], want: [100, 100, 100, 100] },
  { name: 'case_5', reverse: false, scores: [1000, 1, 1, 1], want: [100, 0, 0, 0] },
  { name: 'case_6', reverse: true, scores: [0, 1, 1, 1], want: [100, 0, 0, 0] },
  { name: 'case_7', reverse: false, scores: [0, 0, 0, 0], want: [0, 0, 0, 0] },
  { name: 'case_8', reverse: true, scores: [0, 0, 0, 0], want: [100, 100, 100, 100] },
]

// Rows in the manner of requested_to_capacity_ratio_test.go TestBrokenLinearFunction.
const shapeA = buildBrokenLinearFunction([
  { utilization: 10, score: 1 },
  { utilization: 90, score: 9 },
])
const shapeB = buildBrokenLinearFunction([
  { utilization: 0, score: 2 },
  { utilization: 40, score: 10 },
  { utilization: 100, score: 0 },
])
const shapeRows = [
  ...[
    [-10, 1],
    [0, 1],
    [9, 1],
    [10, 1],
    [15, 1],
    [19, 1],
    [20, 2],
    [89, 8],
    [90, 9],
    [99, 9],
    [100, 9],
    [110, 9],
  ].map(([p, want]) => ({ shape: 'A', f: shapeA, p: p as number, want: want as number })),
  ...[
    [-10, 2],
    [0, 2],
    [20, 6],
    [30, 8],
    [40, 10],
    [70, 5],
    [100, 0],
    [110, 0],
  ].map(([p, want]) => ({ shape: 'B', f: shapeB, p: p as number, want: want as number })),
]

describe('plugin helpers', () => {
  test.each(normalizeRows)('SCHED-14 DefaultNormalizeScore: $name', ({ reverse, scores, want }) => {
    const s = Float64Array.from(scores)
    defaultNormalizeScore(100, reverse, s)
    expect([...s]).toEqual(want)
  })

  test.each(shapeRows)(
    'SCHED-9 BuildBrokenLinearFunction shape $shape at $p is $want',
    ({ f, p, want }) => {
      expect(f(p)).toBe(want)
    },
  )

  test.each([
    {
      name: 'empty operator means Equal',
      t: { key: 'k', value: 'v' },
      taint: { key: 'k', value: 'v', effect: 'NoSchedule' },
      want: true,
    },
    {
      name: 'Equal with another value',
      t: { key: 'k', operator: 'Equal', value: 'w' },
      taint: { key: 'k', value: 'v', effect: 'NoSchedule' },
      want: false,
    },
    {
      name: 'Exists without key tolerates everything',
      t: { operator: 'Exists' },
      taint: { key: 'k', value: 'v', effect: 'NoExecute' },
      want: true,
    },
    {
      name: 'effect must match when set',
      t: { key: 'k', operator: 'Exists', effect: 'NoExecute' },
      taint: { key: 'k', effect: 'NoSchedule' },
      want: false,
    },
    {
      name: 'unknown operator tolerates nothing',
      t: { key: 'k', operator: 'Gt', value: '1' },
      taint: { key: 'k', value: '2', effect: 'NoSchedule' },
      want: false,
    },
  ])('SCHED-14 ToleratesTaint: $name', ({ t, taint, want }) => {
    expect(toleratesTaint(t, taint)).toBe(want)
  })
})
