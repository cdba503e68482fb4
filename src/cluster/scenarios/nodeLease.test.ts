/**
 * Node leases end to end, through handle() and advance() alone: what `kubectl get leases -n
 * kube-node-lease` shows on a real cluster while nodes run, fail, come back and go away.
 */
import { describe, expect, test } from 'vitest'
import { createCluster, type Cluster } from '../index'
import { advanceUntil } from './helpers'

type LeaseView = {
  metadata: { name: string; ownerReferences?: { kind: string; name: string; uid: string }[] }
  spec: { holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string }
}
type NodeView = {
  metadata: { uid: string }
  status: { conditions: { type: string; status: string; lastHeartbeatTime: string }[] }
}

const leasePath = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases'
const twoNodes = (): Cluster =>
  createCluster({
    seed: 1,
    nodes: ['node-1', 'node-2'].map((name) => ({ name, cpu: '4', memory: '8Gi' })),
  })
const leases = (c: Cluster): LeaseView[] =>
  (c.handle({ method: 'GET', path: leasePath }).body as { items: LeaseView[] }).items
const lease = (c: Cluster, name: string): LeaseView | undefined =>
  leases(c).find((l) => l.metadata.name === name)
const node = (c: Cluster, name: string): NodeView =>
  c.handle({ method: 'GET', path: `/api/v1/nodes/${name}` }).body as NodeView
const ready = (c: Cluster, name: string) =>
  node(c, name).status.conditions.find((x) => x.type === 'Ready')

describe('node leases in a cluster (KUBELET-1, NODE-1, GC-1)', () => {
  test('KUBELET-1 each node has a Lease in kube-node-lease, owned by its Node and renewed every 10 s', () => {
    const c = twoNodes()
    expect(
      leases(c).map((l) => [
        l.metadata.name,
        l.spec.holderIdentity,
        l.spec.leaseDurationSeconds,
        l.metadata.ownerReferences?.[0]?.uid,
      ]),
    ).toEqual([
      ['node-1', 'node-1', 40, node(c, 'node-1').metadata.uid],
      ['node-2', 'node-2', 40, node(c, 'node-2').metadata.uid],
    ])
    c.advance(60_000)
    expect(lease(c, 'node-1')?.spec.renewTime).toBe('2026-01-01T00:01:00.000000Z')
    expect(lease(c, 'node-2')?.spec.renewTime).toBe('2026-01-01T00:00:51.237000Z')
    // The status is not re-posted while unchanged: the Ready heartbeat is still the registration's.
    expect(ready(c, 'node-1')).toMatchObject({
      status: 'True',
      lastHeartbeatTime: '2026-01-01T00:00:00Z',
    })
    expect(c.errors()).toEqual([])
  })

  test('NODE-1 a failed node stops renewing and goes Unknown; restored, it renews again and is Ready', () => {
    const c = twoNodes()
    c.advance(30_000)
    c.failNode('node-1')
    const unknownAfter = advanceUntil(
      c,
      'node-1 Unknown',
      () => ready(c, 'node-1')?.status === 'Unknown',
    )
    expect(unknownAfter).toBeGreaterThanOrEqual(40_000)
    expect(unknownAfter).toBeLessThanOrEqual(50_000)
    expect(lease(c, 'node-1')?.spec.renewTime).toBe('2026-01-01T00:00:30.000000Z')
    expect(ready(c, 'node-2')?.status).toBe('True')
    c.restoreNode('node-1')
    expect(ready(c, 'node-1')?.status).toBe('True')
    c.advance(120_000)
    expect(ready(c, 'node-1')?.status).toBe('True')
    expect(c.errors()).toEqual([])
  })

  test('GC-1 a removed node: its Node is deleted and the garbage collector deletes its Lease', () => {
    const c = twoNodes()
    c.advance(10_000)
    expect(c.removeNode('node-1')).toEqual({ ok: true })
    c.advance(1_000)
    expect(leases(c).map((l) => l.metadata.name)).toEqual(['node-2'])
    // A new machine of the same name gets a new Node and a new Lease owned by it.
    expect(c.addNode({ name: 'node-1', cpu: '4', memory: '8Gi' })).toEqual({ ok: true })
    c.advance(60_000)
    expect(lease(c, 'node-1')?.metadata.ownerReferences?.[0]?.uid).toBe(
      node(c, 'node-1').metadata.uid,
    )
    expect(c.errors()).toEqual([])
  })

  test('KUBELET-1 a machine replaced at once takes over the old lease and makes its new Node the owner', () => {
    const c = twoNodes()
    c.advance(10_000)
    const before = lease(c, 'node-1')
    c.removeNode('node-1')
    c.addNode({ name: 'node-1', cpu: '4', memory: '8Gi' })
    c.advance(60_000)
    const after = lease(c, 'node-1') as LeaseView & { metadata: { uid: string } }
    expect(after.metadata.uid).toBe(
      (before as LeaseView & { metadata: { uid: string } }).metadata.uid,
    )
    expect(after.metadata.ownerReferences?.map((r) => r.uid)).toEqual([
      node(c, 'node-1').metadata.uid,
    ])
    // The new machine is the third (index 2): it renews 2.474 s into each 10 s period.
    expect(after.spec.renewTime).toBe('2026-01-01T00:01:02.474000Z')
    expect(c.errors()).toEqual([])
  })
})
