import { describe, expect, test } from 'vitest'
import type { Node, TopologySpreadConstraint } from 'kubernetes-types/core/v1'
import { CycleState } from '../../framework/types'
import { newPodInfo } from '../../framework/podInfo'
import { NodeTable } from '../../framework/nodeTable'
import { makeNode, makePod, runScore, snapshotOf } from '../../testing/plugins'
import {
  errReasonConstraintsNotMatch,
  errReasonNodeLabelNotMatch,
  factory,
  type SpreadListers,
} from './podTopologySpread'

const host = (n: string, zone?: string): Node =>
  makeNode(n, {}, { labels: { 'kubernetes.io/hostname': n, ...(zone ? { zone } : {}) } })
const constraint = (
  topologyKey: string,
  maxSkew: number,
  whenUnsatisfiable: string,
  minDomains?: number,
): TopologySpreadConstraint => ({
  topologyKey,
  maxSkew,
  whenUnsatisfiable,
  labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
  ...(minDomains ? { minDomains } : {}),
})
const foo = (nodeName: string) => makePod({ nodeName, labels: { foo: '' } })

describe('PodTopologySpread', () => {
  // Filter rows in the manner of filtering_test.go TestSingleConstraint: zone1 = {node-a, node-b}, zone2 = {node-x, node-y}.
  const zoned = [
    host('node-a', 'zone1'),
    host('node-b', 'zone1'),
    host('node-x', 'zone2'),
    host('node-y', 'zone2'),
  ]
  const filterRows = [
    {
      name: 'no existing pods',
      c: constraint('zone', 1, 'DoNotSchedule'),
      pods: [],
      want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
    },
    {
      name: 'pods spread across zones as 2/0: only zone2 keeps the skew within 1',
      c: constraint('zone', 1, 'DoNotSchedule'),
      pods: [foo('node-a'), foo('node-b')],
      want: {
        'node-a': 'Unschedulable',
        'node-b': 'Unschedulable',
        'node-x': null,
        'node-y': null,
      },
    },
    {
      name: 'pods spread across nodes as 2/1/0/0 by hostname',
      c: constraint('kubernetes.io/hostname', 1, 'DoNotSchedule'),
      pods: [foo('node-a'), foo('node-a'), foo('node-b')],
      want: {
        'node-a': 'Unschedulable',
        'node-b': 'Unschedulable',
        'node-x': null,
        'node-y': null,
      },
    },
    {
      name: 'minDomains above the number of domains makes the global minimum 0',
      c: constraint('zone', 1, 'DoNotSchedule', 3),
      pods: [foo('node-a'), foo('node-x')],
      want: {
        'node-a': 'Unschedulable',
        'node-b': 'Unschedulable',
        'node-x': 'Unschedulable',
        'node-y': 'Unschedulable',
      },
    },
    {
      name: 'ScheduleAnyway constraints do not filter',
      c: constraint('zone', 1, 'ScheduleAnyway'),
      pods: [foo('node-a'), foo('node-b')],
      want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
    },
  ]
  test.each(filterRows)('SCHED-15 Filter: $name', ({ c, pods, want }) => {
    const snapshot = snapshotOf(zoned, pods)
    const plugin = factory({ snapshot: () => snapshot })
    const pi = newPodInfo(makePod({ labels: { foo: '' }, topologySpreadConstraints: [c] }))
    const state = new CycleState()
    const pre = plugin.preFilter(state, pi, snapshot.nodeInfoList)
    const got: Record<string, string | null> = {}
    for (const n of snapshot.nodeInfoList)
      got[n.name] =
        pre.status?.code === 'Skip'
          ? null
          : (plugin.filter(state, pi, n, snapshot.table, n.idx)?.code ?? null)
    expect(got).toEqual(want)
  })

  test('SCHED-15 Filter: a node without the topology key', () => {
    const snapshot = snapshotOf([host('node-a', 'zone1'), host('node-b')])
    const plugin = factory({ snapshot: () => snapshot })
    const pi = newPodInfo(
      makePod({
        labels: { foo: '' },
        topologySpreadConstraints: [constraint('zone', 1, 'DoNotSchedule')],
      }),
    )
    const state = new CycleState()
    plugin.preFilter(state, pi, snapshot.nodeInfoList)
    const b = snapshot.get('node-b')
    expect(b && plugin.filter(state, pi, b, NodeTable.of(b), 0)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: [errReasonNodeLabelNotMatch],
    })
    expect(errReasonConstraintsNotMatch).toBe(
      "node(s) didn't match pod topology spread constraints",
    )
  })

  const hosts = [host('node-a'), host('node-b'), host('node-c')]
  const web = (nodeName: string) => makePod({ nodeName, labels: { app: 'web' } })
  const service: SpreadListers = {
    serviceSelectors: (ns) => (ns === 'default' ? [{ app: 'web' }] : []),
    replicaSetSelector: () => undefined,
  }
  const scoreRows = [
    {
      name: 'one constraint, no existing pods',
      pod: makePod({
        labels: { foo: '' },
        topologySpreadConstraints: [constraint('kubernetes.io/hostname', 1, 'ScheduleAnyway')],
      }),
      pods: [],
      listers: undefined,
      want: { 'node-a': 100, 'node-b': 100, 'node-c': 100 },
    },
    {
      // raw: count × ln(3 + 2) + (maxSkew - 1) → 3, 2, 0; normalized 100 × (max + min - s) / max
      name: 'hostname constraint, matching pods 2/1/0',
      pod: makePod({
        labels: { foo: '' },
        topologySpreadConstraints: [constraint('kubernetes.io/hostname', 1, 'ScheduleAnyway')],
      }),
      pods: [foo('node-a'), foo('node-a'), foo('node-b')],
      listers: undefined,
      want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 },
    },
    {
      // system default hostname maxSkew 3 over the Service's selector: raw 3 × ln(3 + 2) + 2 = 7 and 0 + 2 = 2;
      // the zone default adds nothing on nodes without a zone label
      name: 'system default constraints from a Service selecting the pod',
      pod: makePod({ labels: { app: 'web' } }),
      pods: [web('node-a'), web('node-a'), web('node-a')],
      listers: service,
      want: { 'node-a': 28, 'node-b': 100, 'node-c': 100 },
    },
    {
      name: 'system defaults without a Service or controller: skipped',
      pod: makePod({ labels: { app: 'web' } }),
      pods: [web('node-a')],
      listers: undefined,
      want: { 'node-a': 0, 'node-b': 0, 'node-c': 0 },
    },
  ]
  test.each(scoreRows)('SCHED-15 Score: $name', ({ pod, pods, listers, want }) => {
    const snapshot = snapshotOf(hosts, pods)
    expect(runScore(factory({ snapshot: () => snapshot }, listers), pod, snapshot)).toEqual(want)
  })
})
