import { describe, expect, test } from 'vitest'
import { deployment, pod } from '../testing/fixtures'
import { messageOf, testClient } from '../testing/testClient'

const deploys = '/apis/apps/v1/namespaces/default/deployments'
const pods = '/api/v1/namespaces/default/pods'
type Scale = { kind: string; apiVersion: string; spec: { replicas: number }; status: { replicas: number; selector: string }; metadata: { resourceVersion: string } }

describe('scale (API-22)', () => {
  test('GET, PUT and PATCH of /scale read and write spec.replicas', () => {
    const c = testClient()
    c.post(deploys, deployment('web', 'nginx', 2))
    const scale = c.get(`${deploys}/web/scale`).body as Scale
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { replicas: 0, selector: 'app=web' } })
    const put = c.put(`${deploys}/web/scale`, { ...scale, spec: { replicas: 5 } })
    expect(put.status, messageOf(put)).toBe(200)
    expect((c.get(`${deploys}/web`).body as { spec: { replicas: number }; metadata: { generation: number } }).spec.replicas).toBe(5)
    const patched = c.patch(`${deploys}/web/scale`, 'merge', { spec: { replicas: 3 } })
    expect((patched.body as Scale).spec.replicas).toBe(3)
    expect((c.get(`${deploys}/web`).body as { metadata: { generation: number } }).metadata.generation).toBe(3)
  })

  test('negative replicas through /scale', () => {
    const c = testClient()
    c.post(deploys, deployment('web'))
    const res = c.patch(`${deploys}/web/scale`, 'merge', { spec: { replicas: -1 } })
    expect(res.status).toBe(422)
    expect(messageOf(res)).toBe('Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0')
  })

  test('a stale resourceVersion in a Scale is a conflict', () => {
    const c = testClient()
    c.post(deploys, deployment('web'))
    const scale = c.get(`${deploys}/web/scale`).body as Scale
    c.patch(`${deploys}/web`, 'merge', { metadata: { labels: { touched: 'yes' } } })
    expect(c.put(`${deploys}/web/scale`, { ...scale, spec: { replicas: 4 } }).status).toBe(409)
  })
})

describe('binding (API-23)', () => {
  const binding = (name: string, node: string) => ({ apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { apiVersion: 'v1', kind: 'Node', name: node } })

  test('assigns the node and the PodScheduled condition', () => {
    const c = testClient()
    c.post(pods, pod('p'))
    const res = c.post(`${pods}/p/binding`, binding('p', 'node-2'))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Success', code: 201 })
    const p = c.get(`${pods}/p`).body as { spec: { nodeName: string }; status: { conditions: { type: string; status: string }[] } }
    expect(p.spec.nodeName).toBe('node-2')
    expect(p.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }))
  })

  test('the bindings resource does the same', () => {
    const c = testClient()
    c.post(pods, pod('p'))
    expect(c.post('/api/v1/namespaces/default/bindings', binding('p', 'node-1')).status).toBe(201)
  })

  test.each([
    { name: 'already bound', setup: true, body: binding('p', 'node-3'), status: 409, message: 'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node-1"' },
    { name: 'no target name', setup: false, body: { ...binding('p', ''), target: { kind: 'Node' } }, status: 422, message: 'Binding "p" is invalid: target.name: Required value' },
    { name: 'name mismatch', setup: false, body: binding('q', 'node-1'), status: 400, message: 'name in URL does not match name in Binding object' },
  ])('$name', ({ setup, body, status, message }) => {
    const c = testClient()
    c.post(pods, pod('p'))
    if (setup) c.post(`${pods}/p/binding`, binding('p', 'node-1'))
    const res = c.post(`${pods}/p/binding`, body)
    expect(res.status).toBe(status)
    expect(messageOf(res)).toBe(message)
  })
})

describe('status subresource (API-13) and generation (API-6)', () => {
  test('the main resource keeps status; /status writes only status; generation follows spec', () => {
    const c = testClient()
    const created = c.post(deploys, deployment('web')).body as { metadata: { generation: number }; status: unknown }
    expect(created.metadata.generation).toBe(1)
    expect(created.status).toEqual({})
    const fetched = c.get(`${deploys}/web`).body as Record<string, unknown>
    const withStatus = c.put(`${deploys}/web/status`, { ...fetched, status: { replicas: 1, observedGeneration: 1 }, spec: { ...(fetched.spec as object), replicas: 9 } })
    expect(withStatus.status, messageOf(withStatus)).toBe(200)
    const afterStatus = withStatus.body as { spec: { replicas: number }; status: { replicas: number }; metadata: { generation: number } }
    expect(afterStatus.spec.replicas).toBe(1)
    expect(afterStatus.status.replicas).toBe(1)
    expect(afterStatus.metadata.generation).toBe(1)
    const main = c.patch(`${deploys}/web`, 'merge', { spec: { replicas: 4 }, status: { replicas: 100 } }).body as typeof afterStatus
    expect(main.status.replicas).toBe(1)
    expect(main.metadata.generation).toBe(2)
    const labelsOnly = c.patch(`${deploys}/web`, 'merge', { metadata: { labels: { team: 'a' } } }).body as typeof afterStatus
    expect(labelsOnly.metadata.generation).toBe(2)
  })

  test('an update that changes nothing keeps the resourceVersion (API-12)', () => {
    const c = testClient()
    const created = c.post(deploys, deployment('web')).body as { metadata: { resourceVersion: string } }
    const same = c.put(`${deploys}/web`, created).body as typeof created
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion)
  })

  test('clients cannot set system fields (API-6)', () => {
    const c = testClient()
    const created = c.post(pods, { ...pod('p'), metadata: { name: 'p', uid: 'mine', creationTimestamp: '1999-01-01T00:00:00Z', generation: 7 } }).body as {
      metadata: { uid: string; creationTimestamp: string; generation?: number }
    }
    expect(created.metadata.uid).not.toBe('mine')
    expect(created.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z')
    expect(created.metadata.generation).toBeUndefined()
  })

  test('generateName (API-11)', () => {
    const c = testClient()
    const body = { ...pod('web'), metadata: { generateName: 'web-' } }
    const a = c.post(pods, body).body as { metadata: { name: string } }
    const b = c.post(pods, body).body as { metadata: { name: string } }
    expect(a.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(b.metadata.name).not.toBe(a.metadata.name)
  })

  test('fieldValidation=Warn (default) drops unknown fields with a Warning header (API-8)', () => {
    const c = testClient()
    const d = deployment('web')
    const res = c.post(deploys, { ...d, spec: { ...d.spec, replica: 3 } })
    expect(res.status).toBe(201)
    expect(res.headers?.Warning).toBe('299 - "unknown field \\"spec.replica\\""')
    expect((res.body as { spec: Record<string, unknown> }).spec.replica).toBeUndefined()
  })
})

describe('pod status on create (API-7)', () => {
  test.each([
    { name: 'no resources', resources: {}, want: 'BestEffort' },
    { name: 'limits only: defaulting copies them into requests', resources: { limits: { cpu: '500m', memory: '256Mi' } }, want: 'Guaranteed' },
    { name: 'requests below limits', resources: { requests: { cpu: '100m' }, limits: { cpu: '500m', memory: '256Mi' } }, want: 'Burstable' },
  ])('$name → $want', ({ resources, want }) => {
    const c = testClient()
    const res = c.post(pods, { ...pod('p'), spec: { containers: [{ name: 'p', image: 'nginx', resources }] } })
    expect(res.body).toMatchObject({ status: { phase: 'Pending', qosClass: want } })
  })
})

describe('status strategies (API-13)', () => {
  test('a Deployment status write keeps metadata changes but not labels or spec', () => {
    const c = testClient()
    const d = c.post(deploys, deployment('web')).body as { metadata: Record<string, unknown>; spec: Record<string, unknown> }
    const res = c.put(`${deploys}/web/status`, {
      ...d,
      metadata: { ...d.metadata, annotations: { 'deployment.kubernetes.io/revision': '1' }, labels: { changed: 'yes' } },
      spec: { ...d.spec, replicas: 9 },
      status: { observedGeneration: 1 },
    })
    expect(res.status, messageOf(res)).toBe(200)
    expect(res.body).toMatchObject({ metadata: { annotations: { 'deployment.kubernetes.io/revision': '1' }, labels: { app: 'web' }, generation: 1 }, spec: { replicas: 1 }, status: { observedGeneration: 1 } })
  })

  test('a Pod status write keeps the stored ownerReferences', () => {
    const c = testClient()
    const p = c.post(pods, pod('p')).body as { metadata: Record<string, unknown> }
    const res = c.put(`${pods}/p/status`, { ...p, metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'u' }] }, status: { phase: 'Running' } })
    expect(res.status, messageOf(res)).toBe(200)
    expect((res.body as { metadata: { ownerReferences?: unknown } }).metadata.ownerReferences).toBeUndefined()
  })
})
