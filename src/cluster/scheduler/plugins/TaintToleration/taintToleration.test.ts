import { describe, expect, test } from 'vitest'
import type { Taint, Toleration } from 'kubernetes-types/core/v1'
import {
  makeNode,
  makePod,
  nodeInfoOf,
  runFilter,
  runScore,
  snapshotOf,
} from '../../testing/plugins'
import { factory } from './taintToleration'

const untolerated = (t: string) => ({
  code: 'UnschedulableAndUnresolvable',
  reasons: [`node(s) had untolerated taint ${t}`],
})

// Rows from pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationFilter.
const filterRows: { name: string; tolerations: Toleration[]; taints: Taint[]; want: unknown }[] = [
  {
    name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: untolerated('{dedicated: user1}'),
  },
  {
    name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
    tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: untolerated('{dedicated: user1}'),
  },
  {
    name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
    tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
    tolerations: [
      { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    ],
    taints: [
      { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    ],
    want: null,
  },
  {
    name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: untolerated('{foo: bar}'),
  },
  {
    name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
  {
    name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
  {
    name: 'a NoExecute taint is filtered like NoSchedule',
    tolerations: [],
    taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
    want: untolerated('{node.kubernetes.io/unreachable: }'),
  },
]

const prefer = (key: string, value: string): Taint => ({ key, value, effect: 'PreferNoSchedule' })

// Rows from TestTaintTolerationScore.
const scoreRows: {
  name: string
  tolerations: Toleration[]
  nodes: Record<string, Taint[]>
  want: Record<string, number>
}[] = [
  {
    name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    nodes: { nodeA: [prefer('foo', 'bar')], nodeB: [prefer('foo', 'blah')] },
    want: { nodeA: 100, nodeB: 0 },
  },
  {
    name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
    tolerations: [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' },
    ],
    nodes: {
      nodeA: [],
      nodeB: [prefer('cpu-type', 'arm64')],
      nodeC: [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')],
    },
    want: { nodeA: 100, nodeB: 100, nodeC: 100 },
  },
  {
    name: 'the more intolerable taints a node has, the lower score it gets.',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    nodes: {
      nodeA: [],
      nodeB: [prefer('cpu-type', 'arm64')],
      nodeC: [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')],
    },
    want: { nodeA: 100, nodeB: 50, nodeC: 0 },
  },
  {
    name: 'only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function',
    tolerations: [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
    ],
    nodes: {
      nodeA: [],
      nodeB: [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }],
      nodeC: [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')],
    },
    want: { nodeA: 100, nodeB: 100, nodeC: 0 },
  },
  {
    name: 'Default behaviour No taints and tolerations, lands on node with no taints',
    tolerations: [],
    nodes: { nodeA: [], nodeB: [prefer('cpu-type', 'arm64')] },
    want: { nodeA: 100, nodeB: 0 },
  },
]

describe('TaintToleration', () => {
  test.each(filterRows)('SCHED-14 Filter: $name', ({ tolerations, taints, want }) => {
    expect(
      runFilter(factory(), makePod({ tolerations }), nodeInfoOf(makeNode('nodeA', {}, { taints }))),
    ).toEqual(want)
  })

  test.each(scoreRows)('SCHED-14 Score: $name', ({ tolerations, nodes, want }) => {
    const snapshot = snapshotOf(
      Object.entries(nodes).map(([n, taints]) => makeNode(n, {}, { taints })),
    )
    expect(runScore(factory(), makePod({ tolerations }), snapshot)).toEqual(want)
  })

  // Rows from TestIsSchedulableAfterNodeChange.
  const hint = factory().eventsToRegister()[0]?.hint
  test.each([
    {
      name: 'skip-queue-on-untoleratedtaint-node-added',
      old: undefined,
      now: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      want: 'QueueSkip',
    },
    {
      name: 'queue-on-toleratedtaint-node-added',
      old: undefined,
      now: [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }],
      want: 'Queue',
    },
    {
      name: 'skip-unrelated-change',
      old: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      now: [
        { key: 'dedicated', value: 'user1', effect: 'NoSchedule' },
        { key: 'dedicated', value: 'user3', effect: 'NoSchedule' },
      ],
      want: 'QueueSkip',
    },
    {
      name: 'queue-on-taint-change',
      old: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      now: [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }],
      want: 'Queue',
    },
  ] as { name: string; old: Taint[] | undefined; now: Taint[]; want: string }[])(
    'SCHED-3 queueing hint: $name',
    ({ old, now, want }) => {
      const pod = makePod({
        tolerations: [
          { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
        ],
      })
      expect(
        hint?.(
          pod,
          old ? makeNode('nodeA', {}, { taints: old }) : undefined,
          makeNode('nodeA', {}, { taints: now }),
        ),
      ).toBe(want)
    },
  )
})
