import { describe, expect, test } from 'vitest'
import { createRandom } from '../random'
import { Framework } from './framework/runtime'
import { Algorithm, numFeasibleNodesToFind } from './schedulePod'

// Rows from pkg/scheduler/schedule_one_test.go TestNumFeasibleNodesToFind.
const rows = [
  {
    name: 'not set percentageOfNodesToScore and nodes number not more than 50',
    percentage: 0,
    numAllNodes: 10,
    want: 10,
  },
  {
    name: 'set profile percentageOfNodesToScore and nodes number not more than 50',
    percentage: 40,
    numAllNodes: 10,
    want: 10,
  },
  {
    name: 'not set percentageOfNodesToScore and nodes number more than 50',
    percentage: 0,
    numAllNodes: 1000,
    want: 420,
  },
  {
    name: 'set profile percentageOfNodesToScore and nodes number more than 50',
    percentage: 40,
    numAllNodes: 1000,
    want: 400,
  },
  {
    name: 'not set profile percentageOfNodesToScore and nodes number more than 50*125',
    percentage: 0,
    numAllNodes: 6000,
    want: 300,
  },
  {
    name: 'set profile percentageOfNodesToScore and nodes number more than 50*125',
    percentage: 40,
    numAllNodes: 6000,
    want: 2400,
  },
  { name: 'adaptive at 5,000 nodes: 10%', percentage: 0, numAllNodes: 5000, want: 500 },
  { name: 'never fewer than 100 nodes', percentage: 1, numAllNodes: 1000, want: 100 },
]

describe('schedulePod', () => {
  test.each(rows)('SCHED-6 $name', ({ percentage, numAllNodes, want }) => {
    expect(numFeasibleNodesToFind(percentage, numAllNodes)).toBe(want)
  })

  test('SCHED-5 selectHost picks the top score; ties are sampled evenly with the seeded stream', () => {
    const alg = new Algorithm(new Framework([]), 0, createRandom(7))
    expect(alg.selectHost(Float64Array.from([10, 30, 20]))).toBe(1)
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 4000; i++) counts[alg.selectHost(Float64Array.from([5, 9, 9, 9]))]! += 1
    expect(counts[0]).toBe(0)
    for (const c of counts.slice(1)) expect(c).toBeGreaterThan(1150)
    const again = new Algorithm(new Framework([]), 0, createRandom(7))
    const a = [0, 1, 2, 3, 4].map(() => again.selectHost(Float64Array.from([9, 9, 9, 9, 9])))
    const b = new Algorithm(new Framework([]), 0, createRandom(7))
    expect([0, 1, 2, 3, 4].map(() => b.selectHost(Float64Array.from([9, 9, 9, 9, 9])))).toEqual(a)
  })
})
