import { describe, expect, test } from 'vitest'
import { makeNode, makePod, runScore, snapshotOf } from '../../testing/plugins'
import { factory } from './balancedAllocation'

const cpuOnly = [
  { cpu: '1000m', memory: '0' },
  { cpu: '2000m', memory: '0' },
]
const cpuAndMemory = [
  { cpu: '1000m', memory: '2000' },
  { cpu: '2000m', memory: '3000' },
]
const node = (n: string, milliCPU: number, memory: number) =>
  makeNode(n, { cpu: `${milliCPU}m`, memory: `${memory}` })

// Rows from pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go, with the
// current formula: score = (1 - std) × 100, std of two fractions = |f1 - f2| / 2, actual requests.
const rows = [
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    reqs: cpuAndMemory,
    nodes: [node('node1', 4000, 10000), node('node2', 6000, 10000)],
    existing: [],
    want: { node1: 87, node2: 100 },
  },
  {
    name: 'resources requested, pods scheduled with resources',
    reqs: cpuAndMemory,
    nodes: [node('node1', 10000, 20000), node('node2', 10000, 20000)],
    existing: [
      makePod({ nodeName: 'node1', reqs: cpuOnly }),
      makePod({ nodeName: 'node2', reqs: cpuAndMemory }),
    ],
    want: { node1: 82, node2: 95 },
  },
  {
    name: 'resources requested, pods scheduled with resources, differently sized nodes',
    reqs: cpuAndMemory,
    nodes: [node('node1', 10000, 20000), node('node2', 10000, 50000)],
    existing: [
      makePod({ nodeName: 'node1', reqs: cpuOnly }),
      makePod({ nodeName: 'node2', reqs: cpuAndMemory }),
    ],
    want: { node1: 82, node2: 80 },
  },
  {
    name: 'requested resources exceed node capacity (fractions are capped at 1)',
    reqs: cpuOnly,
    nodes: [node('node1', 4000, 10000), node('node2', 4000, 10000)],
    existing: [
      makePod({ nodeName: 'node1', reqs: cpuOnly }),
      makePod({ nodeName: 'node2', reqs: cpuAndMemory }),
    ],
    want: { node1: 50, node2: 75 },
  },
  {
    name: 'a BestEffort pod is not scored (PreScore Skip, kubernetes#129138)',
    reqs: [{}],
    nodes: [node('node1', 10000, 20000), node('node2', 10000, 20000)],
    existing: [makePod({ nodeName: 'node1', reqs: cpuOnly })],
    want: { node1: 0, node2: 0 },
  },
]

describe('NodeResourcesBalancedAllocation', () => {
  test.each(rows)('SCHED-10 $name', ({ reqs, nodes, existing, want }) => {
    expect(runScore(factory(), makePod({ reqs }), snapshotOf(nodes, existing))).toEqual(want)
  })
})
