import type { NodeCondition } from 'kubernetes-types/core/v1'
import { describe, expect, test } from 'vitest'
import { formatTime } from '../../clock'
import { testContext, type TestContext } from '../garbagecollector/testContext'
import { microTimeBefore, namespaceNodeLease, tryUpdateNodeHealth, type LeaseObject, type NodeHealthData } from './nodeHealth'
import { getNode, renewLease } from './testNodes'

const t0 = Date.UTC(2026, 0, 1)
const hour = 3_600_000
// "Created long ago": the first check is 3 hours after the node was created.
const longAgo = 3 * hour
const at = (ms: number): string => formatTime(t0 + ms)
const timings = { nodeMonitorGracePeriodMs: 40_000, nodeStartupGracePeriodMs: 60_000 }

/** The status a kubelet posted at `ms`: Ready True and DiskPressure False, as upstream's rows have it. */
function postStatus(t: TestContext, ms: number): void {
  const node = getNode(t, 'node0')
  const conditions: NodeCondition[] = [
    { type: 'Ready', status: 'True', lastHeartbeatTime: at(ms), lastTransitionTime: at(longAgo) },
    { type: 'DiskPressure', status: 'False', lastHeartbeatTime: at(ms), lastTransitionTime: at(longAgo) },
  ]
  const res = t.client.update('Node', { ...node, status: { capacity: { cpu: '10', memory: '10G' }, conditions } }, 'status')
  if (!res.ok) throw new Error(res.status.message)
}

const row = (c: NodeCondition): string[] => [c.type, c.status, c.reason ?? '', c.lastHeartbeatTime ?? '', c.lastTransitionTime ?? '']
const neverUpdated = (type: string, transition: number): string[] => [type, 'Unknown', 'NodeStatusNeverUpdated', at(0), at(transition)]

interface Row {
  name: string
  /** When the first check runs (ms after the node's creation). */
  firstCheck: number
  /** A status posted at the first check. */
  status?: boolean
  /** A lease renewed at the first check. */
  lease?: boolean
  /** A second check an hour later, after these heartbeats. */
  later?: { status?: boolean; lease?: boolean }
  want: string[][]
}

// Ports TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease (pkg/controller/nodelifecycle/node_lifecycle_controller_test.go).
const rows: Row[] = [
  { name: 'created recently, no status, no lease: nothing (startup grace)', firstCheck: 0, want: [] },
  { name: 'created recently, no status, lease renewed: nothing', firstCheck: 0, lease: true, want: [] },
  {
    name: 'created long ago, no status, no lease: Unknown, never updated',
    firstCheck: longAgo,
    want: ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((type) => neverUpdated(type, longAgo)),
  },
  {
    name: 'created long ago, no status, lease renewed an hour later: nothing',
    firstCheck: longAgo,
    lease: true,
    later: { lease: true },
    want: [],
  },
  {
    name: 'created long ago, no status, lease not renewed for an hour: Unknown, never updated',
    firstCheck: longAgo,
    lease: true,
    later: {},
    want: ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((type) => neverUpdated(type, longAgo + hour)),
  },
  {
    name: 'status an hour old, lease renewed: nothing',
    firstCheck: longAgo,
    status: true,
    lease: true,
    later: { lease: true },
    want: [
      ['Ready', 'True', '', at(longAgo), at(longAgo)],
      ['DiskPressure', 'False', '', at(longAgo), at(longAgo)],
    ],
  },
  {
    name: 'status posted recently, lease an hour old: nothing',
    firstCheck: longAgo,
    status: true,
    lease: true,
    later: { status: true },
    want: [
      ['Ready', 'True', '', at(longAgo + hour), at(longAgo)],
      ['DiskPressure', 'False', '', at(longAgo + hour), at(longAgo)],
    ],
  },
  {
    name: 'status and lease both an hour old: Unknown',
    firstCheck: longAgo,
    status: true,
    lease: true,
    later: {},
    want: [
      ['Ready', 'Unknown', 'NodeStatusUnknown', at(longAgo), at(longAgo + hour)],
      ['DiskPressure', 'Unknown', 'NodeStatusUnknown', at(longAgo), at(longAgo + hour)],
      neverUpdated('MemoryPressure', longAgo + hour),
      neverUpdated('PIDPressure', longAgo + hour),
    ],
  },
]

describe('tryUpdateNodeHealth with node leases (NODE-1)', () => {
  test.each(rows)('NODE-1 $name', ({ firstCheck, status, lease, later, want }) => {
    const t = testContext()
    const created = t.client.create('Node', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node0' } })
    if (!created.ok) throw new Error(created.status.message)
    const leases = t.ctx.informers.informer<LeaseObject>('Lease')
    const health = new Map<string, NodeHealthData>()
    const check = (): void => {
      const r = tryUpdateNodeHealth(t.ctx, health, getNode(t, 'node0'), leases.get(`${namespaceNodeLease}/node0`), timings)
      expect(r.error).toBeUndefined()
    }
    t.clock.advance(firstCheck)
    if (status) postStatus(t, firstCheck)
    if (lease) renewLease(t, 'node0')
    check()
    if (later) {
      t.clock.advance(hour)
      if (later.status) postStatus(t, firstCheck + hour)
      if (later.lease) renewLease(t, 'node0')
      check()
    }
    expect((getNode(t, 'node0').status?.conditions ?? []).map(row)).toEqual(want)
    expect(t.errors).toEqual([])
  })

  test('NODE-1 the probe time moves only when renewTime moves forward', () => {
    const t = testContext()
    t.client.create('Node', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node0' } })
    const leases = t.ctx.informers.informer<LeaseObject>('Lease')
    const health = new Map<string, NodeHealthData>()
    const check = () => tryUpdateNodeHealth(t.ctx, health, getNode(t, 'node0'), leases.get(`${namespaceNodeLease}/node0`), timings)
    renewLease(t, 'node0')
    t.clock.advance(10_000)
    check()
    expect(health.get('node0')?.probeTimestamp).toBe(t0 + 10_000)
    // A write that leaves renewTime alone (a label) is no heartbeat.
    t.clock.advance(10_000)
    t.client.patch('Lease', namespaceNodeLease, 'node0', { metadata: { labels: { x: 'y' } } }, 'merge')
    check()
    expect(health.get('node0')?.probeTimestamp).toBe(t0 + 10_000)
    renewLease(t, 'node0')
    t.clock.advance(5_000)
    check()
    expect(health.get('node0')?.probeTimestamp).toBe(t0 + 25_000)
  })

  test.each([
    { a: '2026-01-01T00:00:10.000000Z', b: '2026-01-01T00:00:10.000001Z', want: true },
    { a: '2026-01-01T00:00:10.000001Z', b: '2026-01-01T00:00:10.000000Z', want: false },
    { a: '2026-01-01T00:00:10.000000Z', b: '2026-01-01T00:00:10.000000Z', want: false },
    { a: undefined, b: '2026-01-01T00:00:10.000000Z', want: false },
    { a: '2026-01-01T00:00:10.000000Z', b: undefined, want: false },
  ])('NODE-1 MicroTime.Before($a, $b) is $want', ({ a, b, want }) => {
    expect(microTimeBefore(a, b)).toBe(want)
  })
})
