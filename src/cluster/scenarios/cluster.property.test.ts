/**
 * Property: random sequences of API calls and cluster operations never throw, and never leave
 * a node with more requested CPU or memory than it can allocate, or two pods with the same IP.
 */
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { createCluster, type Cluster } from '../index'
import { parseQuantity } from '../api/quantity'
import { deployment, pod } from '../testing/fixtures'
import { items, type PodView } from './helpers'

type NodeView = { metadata: { name: string }; status: { allocatable: Record<string, string> } }

const milli = (q: string | undefined): number => {
  const p = parseQuantity(q ?? '0')
  return p.ok ? p.q.milliValue : 0
}

function withRequests(body: ReturnType<typeof deployment>, cpu: string, memory: string) {
  const c = body.spec.template.spec.containers[0]
  if (c) Object.assign(c, { resources: { requests: { cpu, memory } } })
  return body
}

const action = fc.oneof(
  fc.record({ op: fc.constant('deploy' as const), name: fc.constantFrom('web', 'api', 'db'), replicas: fc.integer({ min: 0, max: 12 }), cpu: fc.constantFrom('100m', '500m', '1', '3'), memory: fc.constantFrom('64Mi', '1Gi', '3Gi'), image: fc.constantFrom('nginx:1.25', 'nginx:1.26', 'busybox', 'kubeplay/demo-api:v1', 'kubeplay/demo-api:v2', 'nope:1') }),
  fc.record({ op: fc.constant('scale' as const), name: fc.constantFrom('web', 'api', 'db'), replicas: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ op: fc.constant('deleteDeploy' as const), name: fc.constantFrom('web', 'api', 'db') }),
  fc.record({ op: fc.constant('pod' as const), name: fc.constantFrom('p1', 'p2', 'p3'), cpu: fc.constantFrom('0', '250m', '2', '5') }),
  fc.record({ op: fc.constant('deletePod' as const), name: fc.constantFrom('p1', 'p2', 'p3'), grace: fc.constantFrom('0', '30') }),
  fc.record({ op: fc.constant('fail' as const), node: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('restore' as const), node: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('addNode' as const), cpu: fc.constantFrom('2', '4') }),
  fc.record({ op: fc.constant('removeNode' as const), node: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('cordon' as const), node: fc.integer({ min: 0, max: 3 }), on: fc.boolean() }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.constantFrom(1_000, 10_000, 60_000, 400_000) }),
)

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never

function apply(c: Cluster, a: Action, added: { n: number }): void {
  const deploys = '/apis/apps/v1/namespaces/default/deployments'
  const nodeName = (i: number) => (i < 3 ? `node-${i + 1}` : `extra-${i}`)
  switch (a.op) {
    case 'deploy':
      c.handle({ method: 'POST', path: deploys, body: withRequests(deployment(a.name, a.image, a.replicas), a.cpu, a.memory) })
      return
    case 'scale':
      c.handle({ method: 'PATCH', path: `${deploys}/${a.name}/scale`, headers: { 'Content-Type': 'application/merge-patch+json' }, body: { spec: { replicas: a.replicas } } })
      return
    case 'deleteDeploy':
      c.handle({ method: 'DELETE', path: `${deploys}/${a.name}` })
      return
    case 'pod': {
      const body = pod(a.name, 'nginx:1.25')
      Object.assign(body.spec.containers[0] ?? {}, { resources: { requests: { cpu: a.cpu } } })
      c.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body })
      return
    }
    case 'deletePod':
      c.handle({ method: 'DELETE', path: `/api/v1/namespaces/default/pods/${a.name}`, query: { gracePeriodSeconds: a.grace } })
      return
    case 'fail':
      c.failNode(nodeName(a.node))
      return
    case 'restore':
      c.restoreNode(nodeName(a.node))
      return
    case 'addNode':
      c.addNode({ name: `extra-${3 + added.n++}`, cpu: a.cpu, memory: '8Gi' })
      return
    case 'removeNode':
      c.removeNode(nodeName(a.node))
      return
    case 'cordon':
      c.handle({ method: 'PATCH', path: `/api/v1/nodes/${nodeName(a.node)}`, headers: { 'Content-Type': 'application/merge-patch+json' }, body: { spec: { unschedulable: a.on } } })
      return
    case 'wait':
      c.advance(a.ms)
  }
}

/** What the runs reached, so the property cannot hold vacuously. */
const reached = { bound: 0, withIP: 0 }

function checkInvariants(c: Cluster): void {
  const nodes = items<NodeView>(c, '/api/v1/nodes')
  const all = items<PodView>(c, '/api/v1/pods')
  reached.bound += all.filter((p) => p.spec.nodeName).length
  reached.withIP += all.filter((p) => p.status.podIP).length
  for (const n of nodes) {
    const on = all.filter((p) => p.spec.nodeName === n.metadata.name)
    const sum = (res: 'cpu' | 'memory') => on.reduce((t, p) => t + p.spec.containers.reduce((s, ct) => s + milli(ct.resources?.requests?.[res]), 0), 0)
    expect(sum('cpu'), `cpu on ${n.metadata.name}`).toBeLessThanOrEqual(milli(n.status.allocatable.cpu))
    expect(sum('memory'), `memory on ${n.metadata.name}`).toBeLessThanOrEqual(milli(n.status.allocatable.memory))
    expect(on.length).toBeLessThanOrEqual(milli(n.status.allocatable.pods) / 1000)
  }
  const ips = all.filter((p) => p.status.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed').map((p) => p.status.podIP)
  expect(new Set(ips).size, `pod IPs ${ips.join(',')}`).toBe(ips.length)
  expect(c.errors()).toEqual([])
}

describe('the whole cluster under random operations (SCHED, KUBELET, CTRL)', () => {
  test('never throws, never overcommits a node, never gives two pods one IP', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 5, maxLength: 30 }), (actions) => {
        const c = createCluster({ seed: 5, nodes: ['node-1', 'node-2', 'node-3'].map((name) => ({ name, cpu: '4', memory: '8Gi' })) })
        const added = { n: 0 }
        for (const a of actions) {
          apply(c, a, added)
          checkInvariants(c)
        }
        c.advance(120_000)
        checkInvariants(c)
      }),
      { numRuns: 40, seed: 424242 },
    )
    expect(reached.bound).toBeGreaterThan(200)
    expect(reached.withIP).toBeGreaterThan(100)
  })
})
