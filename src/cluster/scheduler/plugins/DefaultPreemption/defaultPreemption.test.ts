import { describe, expect, test } from 'vitest'
import type { Pod } from 'kubernetes-types/core/v1'
import { newPodInfo } from '../../framework/podInfo'
import { Framework } from '../../framework/runtime'
import { newStatus } from '../../framework/status'
import { CycleState, NodeToStatus, type Handle } from '../../framework/types'
import type { NodeInfo } from '../../framework/nodeInfo'
import type { PodInfo } from '../../framework/podInfo'
import type { Status } from '../../framework/status'
import { makeNode, makePod, snapshotOf } from '../../testing/plugins'
import * as NodeResourcesFit from '../NodeResourcesFit/nodeResourcesFit'
import { factory, reasons } from './defaultPreemption'

const fit = newStatus('Unschedulable', 'Insufficient cpu')
const unresolvable = newStatus('UnschedulableAndUnresolvable', 'node(s) were unschedulable')

function run(pod: Pod, statuses: Record<string, Status>, bound: Pod[] = []) {
  const nodes = Object.keys(statuses).map((n) =>
    makeNode(n, { cpu: '1', memory: '1Gi', pods: '110' }),
  )
  const snapshot = snapshotOf(nodes, bound)
  const fwk = new Framework([{ plugin: NodeResourcesFit.factory(), weight: 1 }])
  const evicted: string[] = []
  const handle = {
    snapshot: () => snapshot,
    now: () => 0,
    runFilterPlugins: (s: CycleState, p: PodInfo, n: NodeInfo) =>
      fwk.runFilterPluginsOnCopy(s, p, n),
    client: {
      patch: () => ({ ok: true }),
      delete: (_k: string, _ns: string, name: string) => (evicted.push(name), { ok: true }),
    },
    events: { event: () => {} },
  } as unknown as Handle
  const m = new NodeToStatus()
  for (const [n, s] of Object.entries(statuses)) m.set(n, s)
  const state = new CycleState()
  const pi = newPodInfo(pod)
  fwk.runPreFilterPlugins(state, pi, snapshot.nodeInfoList)
  return { ...factory(handle).postFilter(state, pi, m), evicted }
}

describe('DefaultPreemption', () => {
  test.each<{ name: string; pod: Pod; statuses: Record<string, Status>; want: string }>([
    {
      name: 'every pod at priority 0: no victims anywhere',
      pod: makePod({ reqs: [{ cpu: '2' }] }),
      statuses: { 'node-1': fit, 'node-2': fit, 'node-3': fit },
      want: 'preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    },
    {
      name: 'nodes failing with an unresolvable status are not candidates',
      pod: makePod({ reqs: [{ cpu: '2' }] }),
      statuses: { 'node-1': fit, 'node-2': unresolvable, 'node-3': unresolvable },
      want: 'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    },
    {
      name: 'preemptionPolicy Never',
      pod: makePod({ reqs: [{ cpu: '2' }], preemptionPolicy: 'Never' }),
      statuses: { 'node-1': fit },
      want: 'preemption: not eligible due to preemptionPolicy=Never.',
    },
  ])('SCHED-16 $name', ({ pod, statuses, want }) => {
    expect(run(pod, statuses).status?.reasons).toEqual([want])
  })

  test('SCHED-16 a node where evicting lower-priority pods leaves room: the fewest victims are evicted and the node nominated', () => {
    const low = (name: string, cpu: string) =>
      makePod({ name, nodeName: 'node-1', priority: 0, reqs: [{ cpu }] })
    const r = run(makePod({ priority: 1000, reqs: [{ cpu: '500m' }] }), { 'node-1': fit }, [
      low('a', '400m'),
      low('b', '400m'),
    ])
    expect(r.status).toBeNull()
    expect(r.nominatedNodeName).toBe('node-1')
    expect(r.evicted).toHaveLength(1)
  })

  test('SCHED-16 a node that stays too small without its lower-priority pods reports the filter reason', () => {
    const r = run(makePod({ priority: 1000, reqs: [{ cpu: '2' }] }), { 'node-1': fit }, [
      makePod({ nodeName: 'node-1', reqs: [{ cpu: '100m' }] }),
    ])
    expect(r.status?.reasons).toEqual(['preemption: 0/1 nodes are available: 1 Insufficient cpu.'])
    expect(reasons.noVictims).toBe('No preemption victims found for incoming pod')
  })
})
