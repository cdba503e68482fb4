import { describe, expect, test } from 'vitest'
import type {
  Affinity,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PreferredSchedulingTerm,
} from 'kubernetes-types/core/v1'
import { newPodInfo } from '../../framework/podInfo'
import { CycleState } from '../../framework/types'
import {
  makeNode,
  makePod,
  nodeInfoOf,
  runFilter,
  runScore,
  snapshotOf,
} from '../../testing/plugins'
import { errReasonConflict, errReasonPod, factory } from './nodeAffinity'

const required = (...terms: NodeSelectorTerm[]): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
})
const expr = (key: string, operator: string, values?: string[]): NodeSelectorRequirement =>
  values ? { key, operator, values } : { key, operator }
const name = (operator: string, ...values: string[]): NodeSelectorRequirement => ({
  key: 'metadata.name',
  operator,
  values,
})
const fails = { code: 'UnschedulableAndUnresolvable', reasons: [errReasonPod] }

// Rows from pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity.
const filterRows: {
  name: string
  nodeSelector?: Record<string, string>
  affinity?: Affinity
  labels?: Record<string, string>
  node?: string
  want: unknown
}[] = [
  { name: 'missing labels', nodeSelector: { foo: 'bar' }, want: fails },
  { name: 'same labels', nodeSelector: { foo: 'bar' }, labels: { foo: 'bar' }, want: null },
  {
    name: 'node labels are superset',
    nodeSelector: { foo: 'bar' },
    labels: { foo: 'bar', baz: 'blah' },
    want: null,
  },
  {
    name: 'node labels are subset',
    nodeSelector: { foo: 'bar', baz: 'blah' },
    labels: { foo: 'bar' },
    want: fails,
  },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    affinity: required({ matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] }),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    affinity: required({ matchExpressions: [expr('kernel-version', 'Gt', ['0204'])] }),
    labels: { 'kernel-version': '0206' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    affinity: required({ matchExpressions: [expr('mem-type', 'NotIn', ['DDR', 'DDR2'])] }),
    labels: { 'mem-type': 'DDR3' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    affinity: required({ matchExpressions: [expr('GPU', 'Exists')] }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: null,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    affinity: required({ matchExpressions: [expr('foo', 'In', ['value1', 'value2'])] }),
    labels: { foo: 'bar' },
    want: fails,
  },
  {
    name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
    affinity: required({ matchExpressions: [] }),
    labels: { foo: 'bar' },
    want: fails,
  },
  { name: 'Pod with no Affinity will schedule onto a node', labels: { foo: 'bar' }, want: null },
  {
    name: 'Pod with Affinity but nil NodeSelector will schedule onto a node',
    affinity: { nodeAffinity: {} },
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
    affinity: required({
      matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'NotIn', ['AMD', 'INTER'])],
    }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: null,
  },
  {
    name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    affinity: required({
      matchExpressions: [expr('GPU', 'Exists'), expr('GPU', 'In', ['AMD', 'INTER'])],
    }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: fails,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    affinity: required(
      { matchExpressions: [expr('foo', 'In', ['bar', 'value2'])] },
      { matchExpressions: [expr('diffkey', 'In', ['wrong', 'value2'])] },
    ),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    nodeSelector: { foo: 'bar' },
    affinity: required({ matchExpressions: [expr('foo', 'Exists')] }),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    nodeSelector: { foo: 'bar' },
    affinity: required({ matchExpressions: [expr('foo', 'Exists')] }),
    labels: { foo: 'barrrrrr' },
    want: fails,
  },
  {
    name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
    affinity: required({ matchExpressions: [expr('foo', 'NotIn', ['invalid value: ___@#$%^'])] }),
    labels: { foo: 'bar' },
    want: fails,
  },
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    affinity: required({ matchFields: [name('In', 'node1')] }),
    node: 'node1',
    want: null,
  },
  {
    name: 'Pod with matchFields using In operator that does not match the existing node',
    affinity: required({ matchFields: [name('In', 'node1')] }),
    node: 'node2',
    want: fails,
  },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    affinity: required(
      { matchFields: [name('In', 'node1')] },
      { matchExpressions: [expr('foo', 'In', ['bar'])] },
    ),
    node: 'node2',
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    affinity: required({
      matchFields: [name('In', 'node1')],
      matchExpressions: [expr('foo', 'In', ['bar'])],
    }),
    node: 'node2',
    labels: { foo: 'bar' },
    want: fails,
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    affinity: required({
      matchFields: [name('In', 'node1')],
      matchExpressions: [expr('foo', 'In', ['bar'])],
    }),
    node: 'node1',
    labels: { foo: 'bar' },
    want: null,
  },
]

describe('NodeAffinity', () => {
  test.each(filterRows)(
    'SCHED-13 Filter: $name',
    ({ nodeSelector, affinity, labels, node, want }) => {
      expect(
        runFilter(
          factory(),
          makePod({ nodeSelector, affinity }),
          nodeInfoOf(makeNode(node ?? 'node', {}, { labels })),
        ),
      ).toEqual(want)
    },
  )

  test.each([
    {
      name: 'no affinity: Skip',
      affinity: undefined,
      want: { status: { code: 'Skip', reasons: [] } },
    },
    {
      name: 'matchFields In narrows to the named node',
      affinity: required({ matchFields: [name('In', 'node1')] }),
      want: { result: { nodeNames: new Set(['node1']) }, status: null },
    },
    {
      name: 'two terms naming nodes: their union',
      affinity: required(
        { matchFields: [name('In', 'node1')] },
        { matchFields: [name('In', 'node2')] },
      ),
      want: { result: { nodeNames: new Set(['node1', 'node2']) }, status: null },
    },
    {
      name: 'a term without names: all nodes',
      affinity: required(
        { matchFields: [name('In', 'node1')] },
        { matchExpressions: [expr('foo', 'Exists')] },
      ),
      want: { status: null },
    },
    {
      name: 'conflicting names in one term',
      affinity: required({ matchFields: [name('In', 'node1'), name('In', 'node2')] }),
      want: { status: { code: 'UnschedulableAndUnresolvable', reasons: [errReasonConflict] } },
    },
  ])('SCHED-13 PreFilter: $name', ({ affinity, want }) => {
    expect(factory().preFilter(new CycleState(), newPodInfo(makePod({ affinity })), [])).toEqual(
      want,
    )
  })

  const pref = (weight: number, ...exprs: NodeSelectorRequirement[]): PreferredSchedulingTerm => ({
    weight,
    preference: { matchExpressions: exprs },
  })
  const affinity1: Affinity = {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [pref(2, expr('foo', 'In', ['bar']))],
    },
  }
  const affinity2: Affinity = {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        pref(2, expr('foo', 'In', ['bar'])),
        pref(4, expr('key', 'In', ['value'])),
        pref(
          5,
          expr('foo', 'In', ['bar']),
          expr('key', 'In', ['value']),
          expr('az', 'In', ['az1']),
        ),
      ],
    },
  }
  const label1 = { foo: 'bar' }
  const label2 = { key: 'value' }
  const label3 = { az: 'az1' }
  const label4 = { abc: 'az11', def: 'az22' }
  const label5 = { foo: 'bar', key: 'value', az: 'az1' }
  // Rows from TestNodeAffinityPriority.
  test.each([
    {
      name: 'all nodes are same priority as NodeAffinity is nil',
      affinity: undefined,
      nodes: { node1: label1, node2: label2, node3: label3 },
      want: { node1: 0, node2: 0, node3: 0 },
    },
    {
      name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
      affinity: affinity1,
      nodes: { node1: label4, node2: label2, node3: label3 },
      want: { node1: 0, node2: 0, node3: 0 },
    },
    {
      name: 'only node1 matches the preferred scheduling requirements of pod',
      affinity: affinity1,
      nodes: { node1: label1, node2: label2, node3: label3 },
      want: { node1: 100, node2: 0, node3: 0 },
    },
    {
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities',
      affinity: affinity2,
      nodes: { node1: label1, node5: label5, node2: label2 },
      want: { node1: 18, node5: 100, node2: 36 },
    },
  ])('SCHED-13 Score: $name', ({ affinity, nodes, want }) => {
    const snapshot = snapshotOf(
      Object.entries(nodes).map(([n, labels]) => makeNode(n, {}, { labels })),
    )
    expect(runScore(factory(), makePod({ affinity }), snapshot)).toEqual(want)
  })

  const hint = factory().eventsToRegister()[0]?.hint
  test.each<{
    name: string
    old: Record<string, string> | undefined
    now: Record<string, string>
    want: string
  }>([
    { name: 'a matching node added', old: undefined, now: { foo: 'bar' }, want: 'Queue' },
    { name: 'a non-matching node added', old: undefined, now: { foo: 'baz' }, want: 'QueueSkip' },
    { name: 'a node relabelled to match', old: { foo: 'baz' }, now: { foo: 'bar' }, want: 'Queue' },
    {
      name: 'a matching node relabelled, still matching',
      old: { foo: 'bar' },
      now: { foo: 'bar', x: 'y' },
      want: 'QueueSkip',
    },
  ])('SCHED-3 queueing hint: $name', ({ old, now, want }) => {
    const pod = makePod({ nodeSelector: { foo: 'bar' } })
    expect(
      hint?.(
        pod,
        old ? makeNode('n', {}, { labels: old }) : undefined,
        makeNode('n', {}, { labels: now }),
      ),
    ).toBe(want)
  })
})
