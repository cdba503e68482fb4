import { describe, expect, test } from 'vitest'
import { deployment, everyKind, pod, service } from '../testing/fixtures'
import { testClient, type TestClient } from '../testing/testClient'
import type { WatchEvent } from './watch'

/** A fixed script of calls, with time passing between them. */
function script(c: TestClient): void {
  for (const k of everyKind) c.post(k.path, k.body)
  c.post('/api/v1/namespaces/default/services', service('lb', { app: 'lb' }, 'LoadBalancer'))
  c.post('/api/v1/namespaces/default/pods', { ...pod('x'), metadata: { generateName: 'worker-' }, spec: { containers: [{ name: 'w', image: 'busybox' }] } })
  c.cluster.advance(5_000)
  c.patch('/apis/apps/v1/namespaces/default/deployments/web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } })
  c.post('/apis/apps/v1/namespaces/default/deployments', deployment('api', 'demo/api:v1', 3))
  c.cluster.advance(61_000)
  c.del('/api/v1/namespaces/default/pods/web')
  c.put('/apis/apps/v1/namespaces/default/deployments/api/scale', { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'api' }, spec: { replicas: 5 } })
}

function run(seed: number): { events: WatchEvent[]; state: unknown[] } {
  const c = testClient({ seed })
  const events: WatchEvent[] = []
  for (const path of ['/api/v1/pods', '/api/v1/services', '/apis/apps/v1/deployments', '/api/v1/namespaces']) {
    c.cluster.watch({ method: 'GET', path }, (e) => events.push(e))
  }
  script(c)
  const state = ['/api/v1/pods', '/api/v1/services', '/api/v1/configmaps', '/apis/apps/v1/deployments', '/api/v1/nodes', '/api/v1/serviceaccounts'].map((p) => c.get(p).body)
  return { events, state }
}

describe('determinism (API-25)', () => {
  test('same seed and calls: identical objects and identical watch streams', () => {
    const a = run(7)
    const b = run(7)
    expect(b.state).toEqual(a.state)
    expect(b.events).toEqual(a.events)
    expect(a.events.length).toBeGreaterThan(10)
  })

  test('another seed: other UIDs, names and IPs, same shape', () => {
    const a = run(7)
    const b = run(8)
    expect(b.state).not.toEqual(a.state)
    expect(b.events.map((e) => e.type)).toEqual(a.events.map((e) => e.type))
  })
})
