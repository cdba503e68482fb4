import { describe, expect, test } from 'vitest'
import {
  makeNode,
  makePod,
  nodeInfoOf,
  runFilter,
  runScore,
  snapshotOf,
} from '../../testing/plugins'
import { factory, type ScoringStrategy } from './nodeResourcesFit'

// Upstream's test node: 10m CPU, 20 bytes, 32 pods, 5 example.com/aaa, 20 bytes of ephemeral storage
// (makeAllocatableResources(10, 20, 32, 5, 20, 5) in pkg/scheduler/framework/plugins/noderesources/fit_test.go).
const node = makeNode('node', {
  cpu: '10m',
  memory: '20',
  pods: '32',
  'example.com/aaa': '5',
  'ephemeral-storage': '20',
})
const r = (
  cpu: number,
  memory: number,
  extra: Record<string, string> = {},
): Record<string, string> => ({ cpu: `${cpu}m`, memory: `${memory}`, ...extra })
const insufficient = (...res: string[]) => ({
  code: 'Unschedulable',
  reasons: res.map((x) => `Insufficient ${x}`),
})

// Rows from TestEnoughRequests and TestStorageRequests.
const enoughRows: {
  name: string
  reqs?: Record<string, string>[]
  initReqs?: Record<string, string>[]
  existing: Record<string, string>
  want: unknown
}[] = [
  { name: 'no resources requested always fits', existing: r(10, 20), want: null },
  {
    name: 'too many resources fails',
    reqs: [r(1, 1)],
    existing: r(10, 20),
    want: insufficient('cpu', 'memory'),
  },
  {
    name: 'too many resources fails due to init container cpu',
    reqs: [r(1, 1)],
    initReqs: [r(3, 1)],
    existing: r(8, 19),
    want: insufficient('cpu'),
  },
  {
    name: 'too many resources fails due to highest init container cpu',
    reqs: [r(1, 1)],
    initReqs: [r(3, 1), r(2, 1)],
    existing: r(8, 19),
    want: insufficient('cpu'),
  },
  {
    name: 'too many resources fails due to init container memory',
    reqs: [r(1, 1)],
    initReqs: [r(1, 3)],
    existing: r(9, 19),
    want: insufficient('memory'),
  },
  {
    name: 'too many resources fails due to highest init container memory',
    reqs: [r(1, 1)],
    initReqs: [r(1, 3), r(1, 2)],
    existing: r(9, 19),
    want: insufficient('memory'),
  },
  {
    name: "init container fits because it's the max, not sum, of containers and init containers",
    reqs: [r(1, 1)],
    initReqs: [r(1, 1)],
    existing: r(9, 19),
    want: null,
  },
  {
    name: "multiple init containers fit because it's the max, not sum, of containers and init containers",
    reqs: [r(1, 1)],
    initReqs: [r(1, 1), r(1, 1)],
    existing: r(9, 19),
    want: null,
  },
  { name: 'both resources fit', reqs: [r(1, 1)], existing: r(5, 5), want: null },
  {
    name: 'one resource memory fits',
    reqs: [r(2, 1)],
    existing: r(9, 5),
    want: insufficient('cpu'),
  },
  {
    name: 'one resource cpu fits',
    reqs: [r(1, 2)],
    existing: r(5, 19),
    want: insufficient('memory'),
  },
  { name: 'equal edge case', reqs: [r(5, 1)], existing: r(5, 19), want: null },
  {
    name: 'equal edge case for init container',
    reqs: [r(4, 1)],
    initReqs: [r(5, 1)],
    existing: r(5, 19),
    want: null,
  },
  { name: 'extended resource fits', reqs: [{ 'example.com/aaa': '1' }], existing: {}, want: null },
  {
    name: 'extended resource fits for init container',
    reqs: [{}],
    initReqs: [{ 'example.com/aaa': '1' }],
    existing: {},
    want: null,
  },
  {
    name: 'extended resource capacity enforced',
    reqs: [r(1, 1, { 'example.com/aaa': '10' })],
    existing: r(0, 0, { 'example.com/aaa': '0' }),
    want: insufficient('example.com/aaa'),
  },
  {
    name: 'extended resource allocatable enforced',
    reqs: [r(1, 1, { 'example.com/aaa': '1' })],
    existing: r(0, 0, { 'example.com/aaa': '5' }),
    want: insufficient('example.com/aaa'),
  },
  {
    name: 'extended resource allocatable enforced for multiple containers',
    reqs: [r(1, 1, { 'example.com/aaa': '3' }), r(1, 1, { 'example.com/aaa': '3' })],
    existing: r(0, 0, { 'example.com/aaa': '2' }),
    want: insufficient('example.com/aaa'),
  },
  {
    name: 'extended resource allocatable admits multiple init containers',
    reqs: [{}],
    initReqs: [r(1, 1, { 'example.com/aaa': '3' }), r(1, 1, { 'example.com/aaa': '3' })],
    existing: r(0, 0, { 'example.com/aaa': '2' }),
    want: null,
  },
  {
    name: 'empty storage requested, and pod fits',
    reqs: [r(1, 1)],
    existing: r(2, 10),
    want: null,
  },
  {
    name: 'storage ephemeral local storage request exceeds allocatable',
    reqs: [{ 'ephemeral-storage': '25' }],
    existing: r(2, 2),
    want: insufficient('ephemeral-storage'),
  },
  {
    name: 'ephemeral local storage is sufficient',
    reqs: [{ 'ephemeral-storage': '5' }],
    existing: r(2, 2, { 'ephemeral-storage': '10' }),
    want: null,
  },
  { name: 'pod fits', reqs: [{ 'ephemeral-storage': '10' }], existing: r(2, 2), want: null },
]

// Rows from TestNotEnoughRequests: a node that allows one pod and has one.
const onePodNode = makeNode('node', { cpu: '10m', memory: '20', pods: '1' })
const notEnoughRows = [
  {
    name: "even without specified resources, predicate fails when there's no space for additional pod",
    reqs: undefined,
    initReqs: undefined,
    existing: r(10, 20),
  },
  {
    name: "even if both resources fit, predicate fails when there's no space for additional pod",
    reqs: [r(1, 1)],
    initReqs: undefined,
    existing: r(5, 5),
  },
  {
    name: "even for equal edge case, predicate fails when there's no space for additional pod",
    reqs: [r(5, 1)],
    initReqs: undefined,
    existing: r(5, 19),
  },
  {
    name: "even for equal edge case, predicate fails when there's no space for additional pod due to init container",
    reqs: [r(5, 1)],
    initReqs: [r(5, 1)],
    existing: r(5, 19),
  },
]

const c = (cpu: string, memory: string): Record<string, string> => ({ cpu, memory })
const nodes = (...caps: [string, string, string][]) =>
  caps.map(([n, cpu, memory]) => makeNode(n, { cpu, memory }))
const strategy = (
  type: ScoringStrategy['type'],
  extra: Partial<ScoringStrategy> = {},
): ScoringStrategy => ({
  type,
  resources: [
    { name: 'cpu', weight: 1 },
    { name: 'memory', weight: 1 },
  ],
  ...extra,
})

// Rows from TestFitScore and TestLeastAllocatedScoringStrategy ("4000" CPU is 4000 cores, as upstream's st.MakeNode writes it).
const scoreRows: {
  name: string
  strategy: ScoringStrategy
  reqs: Record<string, string>[]
  nodes: ReturnType<typeof nodes>
  existing: [string, Record<string, string>[]][]
  want: Record<string, number>
}[] = [
  {
    name: 'test case for ScoringStrategy RequestedToCapacityRatio case1',
    strategy: strategy('RequestedToCapacityRatio', {
      requestedToCapacityRatio: {
        shape: [
          { utilization: 0, score: 10 },
          { utilization: 100, score: 0 },
        ],
      },
    }),
    reqs: [c('3000', '5000')],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '6000', '10000']),
    existing: [
      ['node1', [c('2000', '4000')]],
      ['node2', [c('1000', '2000')]],
    ],
    want: { node1: 10, node2: 32 },
  },
  {
    name: 'test case for ScoringStrategy RequestedToCapacityRatio case2',
    strategy: strategy('RequestedToCapacityRatio', {
      requestedToCapacityRatio: {
        shape: [
          { utilization: 0, score: 0 },
          { utilization: 100, score: 10 },
        ],
      },
    }),
    reqs: [c('3000', '5000')],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '6000', '10000']),
    existing: [
      ['node1', [c('2000', '4000')]],
      ['node2', [c('1000', '2000')]],
    ],
    want: { node1: 95, node2: 68 },
  },
  {
    name: 'test case for ScoringStrategy MostAllocated',
    strategy: strategy('MostAllocated'),
    reqs: [c('1000', '2000')],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '6000', '10000']),
    existing: [
      ['node1', [c('2000', '4000')]],
      ['node2', [c('1000', '2000')]],
    ],
    want: { node1: 67, node2: 36 },
  },
  {
    name: 'test case for ScoringStrategy LeastAllocated',
    strategy: strategy('LeastAllocated'),
    reqs: [c('1000', '2000')],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '6000', '10000']),
    existing: [
      ['node1', [c('2000', '4000')]],
      ['node2', [c('1000', '2000')]],
    ],
    want: { node1: 32, node2: 63 },
  },
  {
    name: 'nothing scheduled, nothing requested',
    strategy: strategy('LeastAllocated'),
    reqs: [],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '4000', '10000']),
    existing: [],
    want: { node1: 100, node2: 100 },
  },
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    strategy: strategy('LeastAllocated'),
    reqs: [c('1000', '2000'), c('2000', '3000')],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '6000', '10000']),
    existing: [],
    want: { node1: 37, node2: 50 },
  },
  {
    name: 'no resources requested, pods scheduled with resources',
    strategy: strategy('LeastAllocated'),
    reqs: [],
    nodes: nodes(['node1', '10000', '20000'], ['node2', '10000', '20000']),
    existing: [
      ['node1', [c('3000', '0')]],
      ['node1', [c('3000', '0')]],
      ['node2', [c('3000', '0')]],
      ['node2', [c('3000', '5000')]],
    ],
    want: { node1: 70, node2: 57 },
  },
  {
    name: 'resources requested, pods scheduled with resources, differently sized nodes',
    strategy: strategy('LeastAllocated'),
    reqs: [c('1000', '2000'), c('2000', '3000')],
    nodes: nodes(['node1', '10000', '20000'], ['node2', '10000', '50000']),
    existing: [
      ['node1', [c('3000', '0')]],
      ['node2', [c('3000', '5000')]],
    ],
    want: { node1: 57, node2: 60 },
  },
  {
    name: 'requested resources exceed node capacity',
    strategy: strategy('LeastAllocated'),
    reqs: [c('3000', '0')],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '4000', '10000']),
    existing: [
      ['node1', [c('3000', '0')]],
      ['node2', [c('3000', '5000')]],
    ],
    want: { node1: 50, node2: 25 },
  },
  {
    name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
    strategy: {
      type: 'LeastAllocated',
      resources: [
        { name: 'memory', weight: 2 },
        { name: 'cpu', weight: 1 },
      ],
    },
    reqs: [c('1000', '2000'), c('2000', '3000')],
    nodes: nodes(['node1', '4000', '10000'], ['node2', '6000', '10000']),
    existing: [],
    want: { node1: 41, node2: 50 },
  },
  {
    name: 'containers without requests count as 100m CPU and 200Mi memory (schedutil.GetNonzeroRequests)',
    strategy: strategy('LeastAllocated'),
    reqs: [{}],
    nodes: nodes(['node1', '1', '1Gi'], ['node2', '2', '2Gi']),
    existing: [],
    // node1: cpu (1000-100)*100/1000 = 90, memory (1024-200)*100/1024 = 80 → 85; node2: 95, 90 → 92
    want: { node1: 85, node2: 92 },
  },
]

describe('NodeResourcesFit', () => {
  test.each(enoughRows)('SCHED-8 Filter: $name', ({ reqs, initReqs, existing, want }) => {
    const ni = nodeInfoOf(node, [makePod({ reqs: [existing], nodeName: 'node' })])
    expect(runFilter(factory(), makePod({ reqs, initReqs }), ni)).toEqual(want)
  })

  test.each(notEnoughRows)('SCHED-8 Filter: $name', ({ reqs, initReqs, existing }) => {
    const ni = nodeInfoOf(onePodNode, [makePod({ reqs: [existing], nodeName: 'node' })])
    expect(runFilter(factory(), makePod({ reqs, initReqs }), ni)).toEqual({
      code: 'Unschedulable',
      reasons: ['Too many pods'],
    })
  })

  test.each(scoreRows)(
    'SCHED-9 Score: $name',
    ({ strategy: s, reqs, nodes: ns, existing, want }) => {
      const pods = existing.map(([n, rs]) => makePod({ nodeName: n, reqs: rs }))
      expect(
        runScore(factory({ scoringStrategy: s }), makePod({ reqs }), snapshotOf(ns, pods)),
      ).toEqual(want)
    },
  )

  const [podDelete, nodeChange] = factory().eventsToRegister()
  test.each([
    { name: 'a bound pod deleted', pod: makePod({ nodeName: 'n' }), want: 'Queue' },
    { name: 'an unbound pod deleted', pod: makePod(), want: 'QueueSkip' },
  ])('SCHED-3 queueing hint: $name', ({ pod, want }) => {
    expect(podDelete?.hint?.(makePod(), pod, undefined)).toBe(want)
  })
  test.each([
    { name: 'a node big enough added', old: undefined, now: '4', want: 'Queue' },
    { name: 'a node too small added', old: undefined, now: '1', want: 'QueueSkip' },
    { name: 'a node grown big enough', old: '1', now: '4', want: 'Queue' },
    { name: 'a big node unchanged in cpu', old: '4', now: '4', want: 'QueueSkip' },
  ])('SCHED-3 queueing hint: $name', ({ old, now, want }) => {
    const pod = makePod({ reqs: [{ cpu: '2' }] })
    const n = (cpu: string) => makeNode('n', { cpu, memory: '1Gi', pods: '110' })
    expect(nodeChange?.hint?.(pod, old ? n(old) : undefined, n(now))).toBe(want)
  })
})
