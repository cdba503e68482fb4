import { describe, expect, test } from 'vitest'
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import { testContext, type TestContext } from '../garbagecollector/testContext'
import { startEndpointsController } from './endpointsController'

interface PodOpts {
  ip?: string
  ready?: boolean
  node?: string
  labels?: Record<string, string>
  ports?: { name?: string; containerPort: number; protocol?: string }[]
  hostname?: string
  subdomain?: string
  phase?: string
}

/** A pod as the scheduler and kubelet would leave it: bound, then with status written through the API. */
function makePod(t: TestContext, name: string, o: PodOpts = {}): Pod & StoredObject {
  const spec: Record<string, unknown> = { nodeName: o.node ?? 'node-1', containers: [{ name: 'app', image: 'nginx', ports: o.ports }] }
  if (o.hostname) spec.hostname = o.hostname
  if (o.subdomain) spec.subdomain = o.subdomain
  const created = t.client.create<Pod & StoredObject>('Pod', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: o.labels ?? { app: 'web' } }, spec })
  if (!created.ok) throw new Error(created.status.message)
  if (o.ip === undefined) return created.object
  return setStatus(t, created.object, o)
}

function setStatus(t: TestContext, stale: Pod & StoredObject, o: PodOpts): Pod & StoredObject {
  const got = t.client.get<Pod & StoredObject>('Pod', 'default', stale.metadata.name)
  if (!got.ok) throw new Error(got.status.message)
  const pod = got.object
  const now = formatTime(t.clock.now())
  const status = {
    ...pod.status,
    phase: o.phase ?? 'Running',
    podIP: o.ip,
    podIPs: o.ip ? [{ ip: o.ip }] : undefined,
    conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: now }],
  }
  const res = t.client.update<Pod & StoredObject>('Pod', { ...pod, status }, 'status')
  if (!res.ok) throw new Error(res.status.message)
  return res.object
}

function makeService(t: TestContext, name: string, spec: Record<string, unknown> = {}, labels?: Record<string, string>): Service & StoredObject {
  const res = t.client.create<Service & StoredObject>('Service', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
  })
  if (!res.ok) throw new Error(res.status.message)
  return res.object
}

const endpointsOf = (t: TestContext, name: string): (Endpoints & StoredObject) | undefined => {
  const r = t.client.get<Endpoints & StoredObject>('Endpoints', 'default', name)
  return r.ok ? r.object : undefined
}

const ips = (e: Endpoints | undefined) => ({
  ready: (e?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)),
  notReady: (e?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)),
})

function setup() {
  const t = testContext()
  startEndpointsController(t.ctx)
  return t
}

describe('endpoints controller: which pods (EP-2)', () => {
  const rows: { name: string; svc?: Record<string, unknown>; pods: [string, PodOpts][]; ready: string[]; notReady: string[] }[] = [
    { name: 'ready pods are addresses', pods: [['a', { ip: '10.64.0.5' }], ['b', { ip: '10.64.1.7' }]], ready: ['10.64.0.5', '10.64.1.7'], notReady: [] },
    { name: 'not-ready pods are notReadyAddresses', pods: [['a', { ip: '10.64.0.5' }], ['b', { ip: '10.64.1.7', ready: false }]], ready: ['10.64.0.5'], notReady: ['10.64.1.7'] },
    {
      name: 'publishNotReadyAddresses puts not-ready pods in addresses',
      svc: { publishNotReadyAddresses: true },
      pods: [['b', { ip: '10.64.1.7', ready: false }]],
      ready: ['10.64.1.7'],
      notReady: [],
    },
    { name: 'pods without an IP are left out', pods: [['a', {}], ['b', { ip: '10.64.1.7' }]], ready: ['10.64.1.7'], notReady: [] },
    { name: 'terminal pods are left out', pods: [['a', { ip: '10.64.0.5', phase: 'Succeeded' }], ['b', { ip: '10.64.0.6', phase: 'Failed', ready: false }]], ready: [], notReady: [] },
    { name: 'pods the selector does not match are left out', pods: [['a', { ip: '10.64.0.5', labels: { app: 'db' } }]], ready: [], notReady: [] },
  ]
  test.each(rows)('EP-2 $name', ({ svc, pods, ready, notReady }) => {
    const t = setup()
    for (const [name, o] of pods) makePod(t, name, o)
    makeService(t, 'web', svc)
    t.clock.advance(1000)
    expect(ips(endpointsOf(t, 'web'))).toEqual({ ready, notReady })
    expect(t.errors).toEqual([])
  })

  test('EP-2 a terminating pod leaves the endpoints at once', () => {
    const t = setup()
    makePod(t, 'a', { ip: '10.64.0.5' })
    makePod(t, 'b', { ip: '10.64.0.6' })
    makeService(t, 'web')
    t.clock.advance(1000)
    // Bound pods are deleted gracefully: they stay, Terminating, until the kubelet is done.
    t.client.delete('Pod', 'default', 'a')
    expect(t.client.get('Pod', 'default', 'a').ok).toBe(true)
    t.clock.advance(1000)
    expect(ips(endpointsOf(t, 'web'))).toEqual({ ready: ['10.64.0.6'], notReady: [] })
  })

  test('EP-4 readiness changes move an address between the lists', () => {
    const t = setup()
    const a = makePod(t, 'a', { ip: '10.64.0.5', ready: false })
    makeService(t, 'web')
    t.clock.advance(1000)
    expect(ips(endpointsOf(t, 'web'))).toEqual({ ready: [], notReady: ['10.64.0.5'] })
    setStatus(t, a, { ip: '10.64.0.5', ready: true })
    t.clock.advance(1000)
    expect(ips(endpointsOf(t, 'web'))).toEqual({ ready: ['10.64.0.5'], notReady: [] })
  })

  test('EP-4 a relabelled pod leaves one Service and joins another', () => {
    const t = setup()
    makePod(t, 'a', { ip: '10.64.0.5' })
    makeService(t, 'web')
    makeService(t, 'db', { selector: { app: 'db' } })
    t.clock.advance(1000)
    t.client.patch('Pod', 'default', 'a', { metadata: { labels: { app: 'db' } } })
    t.clock.advance(1000)
    expect(ips(endpointsOf(t, 'web')).ready).toEqual([])
    expect(ips(endpointsOf(t, 'db')).ready).toEqual(['10.64.0.5'])
  })
})

describe('endpoints controller: the object written (EP-3)', () => {
  test('EP-3 addresses carry the pod reference, node and ports; labels and trigger time as upstream', () => {
    const t = setup()
    const pod = makePod(t, 'web-1', { ip: '10.64.0.5', node: 'node-2' })
    const svc = makeService(t, 'web', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }, { app: 'web' })
    t.clock.advance(1000)
    const ep = endpointsOf(t, 'web')
    expect(ep?.metadata?.labels).toEqual({ app: 'web' })
    expect(ep?.metadata?.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': svc.metadata.creationTimestamp })
    expect(ep?.subsets).toEqual([
      {
        addresses: [{ ip: '10.64.0.5', nodeName: 'node-2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: pod.metadata.uid } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ])
  })

  test('EP-3 the trigger time follows the latest pod Ready transition', () => {
    const t = setup()
    const a = makePod(t, 'a', { ip: '10.64.0.5', ready: false })
    makeService(t, 'web')
    t.clock.advance(60_000)
    setStatus(t, a, { ip: '10.64.0.5', ready: true })
    const when = formatTime(t.clock.now())
    t.clock.advance(1000)
    expect(endpointsOf(t, 'web')?.metadata?.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(when)
  })

  test('EP-3 a named targetPort resolves per pod; pods without it are left out of that port', () => {
    const t = setup()
    makePod(t, 'a', { ip: '10.64.0.5', ports: [{ name: 'http', containerPort: 8080 }] })
    makePod(t, 'b', { ip: '10.64.0.6', ports: [{ name: 'http', containerPort: 9090 }] })
    makePod(t, 'c', { ip: '10.64.0.7', ports: [{ name: 'metrics', containerPort: 9100 }] })
    makeService(t, 'web', { ports: [{ name: 'web', port: 80, targetPort: 'http' }] })
    t.clock.advance(1000)
    expect(endpointsOf(t, 'web')?.subsets?.map((s) => [s.addresses?.map((a) => a.ip), s.ports?.map((p) => p.port)])).toEqual([
      [['10.64.0.5'], [8080]],
      [['10.64.0.6'], [9090]],
    ])
  })

  test('EP-3 several ports served by the same pods share one subset', () => {
    const t = setup()
    makePod(t, 'a', { ip: '10.64.0.5' })
    makePod(t, 'b', { ip: '10.64.0.6', ready: false })
    makeService(t, 'web', {
      ports: [
        { name: 'https', port: 443, targetPort: 8443 },
        { name: 'http', port: 80, targetPort: 8080 },
      ],
    })
    t.clock.advance(1000)
    expect(endpointsOf(t, 'web')?.subsets).toMatchObject([
      { addresses: [{ ip: '10.64.0.5' }], notReadyAddresses: [{ ip: '10.64.0.6' }], ports: [{ name: 'http', port: 8080 }, { name: 'https', port: 8443 }] },
    ])
  })

  test('EP-3 a headless Service without ports lists addresses only, labelled headless; hostnames for its subdomain', () => {
    const t = setup()
    makePod(t, 'a', { ip: '10.64.0.5', hostname: 'db-0', subdomain: 'db' })
    makeService(t, 'db', { clusterIP: 'None', ports: undefined })
    t.clock.advance(1000)
    const ep = endpointsOf(t, 'db')
    expect(ep?.metadata?.labels).toEqual({ 'service.kubernetes.io/headless': '' })
    expect(ep?.subsets).toMatchObject([{ addresses: [{ ip: '10.64.0.5', hostname: 'db-0' }] }])
    expect(ep?.subsets?.[0]?.ports).toBeUndefined()
  })

  test('EP-3 a Service selecting nothing gets Endpoints without subsets', () => {
    const t = setup()
    makeService(t, 'web')
    t.clock.advance(1000)
    const ep = endpointsOf(t, 'web')
    expect(ep).toBeDefined()
    expect(ep?.subsets).toBeUndefined()
  })

  test('EP-3 more than 1,000 addresses are truncated, ready ones first, and annotated', () => {
    const t = setup()
    for (let i = 0; i < 1002; i++) makePod(t, `p-${i}`, { ip: `10.64.${i >> 8}.${i & 255}`, ready: i >= 2 })
    makeService(t, 'web')
    t.clock.advance(1000)
    const ep = endpointsOf(t, 'web')
    expect(ips(ep).ready).toHaveLength(1000)
    expect(ips(ep).notReady).toEqual([])
    expect(ep?.metadata?.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated')
  })

  test('EP-3 nothing is written when nothing changed', () => {
    const t = setup()
    const a = makePod(t, 'a', { ip: '10.64.0.5' })
    makeService(t, 'web')
    t.clock.advance(1000)
    const rv = endpointsOf(t, 'web')?.metadata?.resourceVersion
    t.client.patch('Pod', 'default', 'a', { metadata: { annotations: { note: 'x' } } })
    setStatus(t, a, { ip: '10.64.0.5' })
    t.clock.advance(1000)
    expect(endpointsOf(t, 'web')?.metadata?.resourceVersion).toBe(rv)
  })
})

describe('endpoints controller: which Services (EP-1)', () => {
  test('EP-1 a Service without a selector keeps the Endpoints its user wrote', () => {
    const t = setup()
    makePod(t, 'a', { ip: '10.64.0.5' })
    makeService(t, 'external', { selector: undefined })
    t.client.create('Endpoints', 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external' }, subsets: [{ addresses: [{ ip: '192.0.2.10' }], ports: [{ port: 5432 }] }] })
    t.clock.advance(1000)
    expect(ips(endpointsOf(t, 'external')).ready).toEqual(['192.0.2.10'])
  })

  test('EP-1 an ExternalName Service gets no Endpoints', () => {
    const t = setup()
    makeService(t, 'ext', { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: undefined })
    t.clock.advance(1000)
    expect(endpointsOf(t, 'ext')).toBeUndefined()
  })

  test('EP-1 deleting the Service deletes its Endpoints; deleting the Endpoints makes them again', () => {
    const t = setup()
    makePod(t, 'a', { ip: '10.64.0.5' })
    makeService(t, 'web')
    t.clock.advance(1000)
    t.client.delete('Endpoints', 'default', 'web')
    t.clock.advance(1000)
    expect(ips(endpointsOf(t, 'web')).ready).toEqual(['10.64.0.5'])
    t.client.delete('Service', 'default', 'web')
    t.clock.advance(1000)
    expect(endpointsOf(t, 'web')).toBeUndefined()
  })

  test('EP-1 Endpoints whose Service is gone when the controller starts are deleted', () => {
    const t = testContext()
    t.client.create('Endpoints', 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'stale' } })
    startEndpointsController(t.ctx)
    t.clock.advance(1000)
    expect(endpointsOf(t, 'stale')).toBeUndefined()
  })
})
