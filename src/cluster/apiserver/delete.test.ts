import { describe, expect, test } from 'vitest'
import { deployment, pod } from '../testing/fixtures'
import { messageOf, testClient } from '../testing/testClient'

const pods = '/api/v1/namespaces/default/pods'
const deploys = '/apis/apps/v1/namespaces/default/deployments'
type Meta = { metadata: { name: string; uid: string; resourceVersion: string; deletionTimestamp?: string; deletionGracePeriodSeconds?: number; finalizers?: string[] } }

function bound(c: ReturnType<typeof testClient>, name: string): void {
  expect(c.post(pods, pod(name)).status).toBe(201)
  const res = c.post(`${pods}/${name}/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' } })
  expect(res.status, messageOf(res)).toBe(201)
}

describe('deletion (API-15, API-16, API-17, API-18)', () => {
  test('API-15 a pod not yet on a node goes at once', () => {
    const c = testClient()
    c.post(pods, pod('p'))
    expect(c.del(`${pods}/p`).status).toBe(200)
    expect(c.get(`${pods}/p`).status).toBe(404)
  })

  test.each([
    { name: 'default grace period', query: {}, grace: 30 },
    { name: '--grace-period=5', query: { gracePeriodSeconds: '5' }, grace: 5 },
  ])('API-15 a pod on a node is deleted gracefully: $name', ({ query, grace }) => {
    const c = testClient()
    bound(c, 'p')
    const now = c.cluster.now()
    const res = c.del(`${pods}/p`, query)
    expect(res.status).toBe(200)
    const m = (res.body as Meta).metadata
    expect(m.deletionGracePeriodSeconds).toBe(grace)
    expect(Date.parse(m.deletionTimestamp ?? '')).toBe(now + grace * 1000)
    expect(c.get(`${pods}/p`).status).toBe(200)
    // The kubelet finishes it with grace 0.
    expect(c.del(`${pods}/p`, { gracePeriodSeconds: '0' }).status).toBe(200)
    expect(c.get(`${pods}/p`).status).toBe(404)
  })

  test('API-15 a pending graceful deletion can be shortened but not lengthened', () => {
    const c = testClient()
    bound(c, 'p')
    c.del(`${pods}/p`, { gracePeriodSeconds: '10' })
    const longer = c.del(`${pods}/p`, { gracePeriodSeconds: '60' }).body as Meta
    expect(longer.metadata.deletionGracePeriodSeconds).toBe(10)
    const shorter = c.del(`${pods}/p`, { gracePeriodSeconds: '3' }).body as Meta
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(3)
  })

  test.each([
    { policy: 'Foreground', finalizer: 'foregroundDeletion' },
    { policy: 'Orphan', finalizer: 'orphan' },
  ])('API-15 propagationPolicy=$policy leaves the object with the $finalizer finalizer', ({ policy, finalizer }) => {
    const c = testClient()
    c.post(deploys, deployment('web'))
    const res = c.del(`${deploys}/web`, { propagationPolicy: policy })
    expect(res.status).toBe(200)
    const m = (res.body as Meta).metadata
    expect(m.finalizers).toEqual([finalizer])
    expect(m.deletionTimestamp).toBeDefined()
    expect(m.deletionGracePeriodSeconds).toBe(0)
    expect(c.get(`${deploys}/web`).status).toBe(200)
  })

  test('API-15 an invalid propagationPolicy is refused', () => {
    const c = testClient()
    c.post(deploys, deployment('web'))
    const res = c.del(`${deploys}/web`, { propagationPolicy: 'Sideways' })
    expect(res.status).toBe(422)
    expect(messageOf(res)).toContain('propagationPolicy: Unsupported value: "Sideways"')
  })

  test('API-16 removing the last finalizer of a deleting object deletes it', () => {
    const c = testClient()
    c.post(deploys, { ...deployment('web'), metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['example.com/hold'] } })
    const deleting = c.del(`${deploys}/web`).body as Meta
    expect(deleting.metadata.deletionTimestamp).toBeDefined()
    expect(c.get(`${deploys}/web`).status).toBe(200)
    const res = c.patch(`${deploys}/web`, 'json', [{ op: 'remove', path: '/metadata/finalizers' }])
    expect(res.status, messageOf(res)).toBe(200)
    expect(c.get(`${deploys}/web`).status).toBe(404)
  })

  test.each([
    { name: 'uid', pre: { uid: 'not-the-uid' }, message: (m: Meta['metadata']) => `Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${m.uid}` },
    {
      name: 'resourceVersion',
      pre: { resourceVersion: '1' },
      message: (m: Meta['metadata']) => `Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: ${m.resourceVersion}`,
    },
  ])('API-15 a failed $name precondition is a 409', ({ pre, message }) => {
    const c = testClient()
    const created = c.post(deploys, deployment('web')).body as Meta
    const res = c.del(`${deploys}/web`, {}, { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: pre })
    expect(res.status).toBe(409)
    expect(messageOf(res)).toBe(`Operation cannot be fulfilled on deployments.apps "web": ${message(created.metadata)}`)
  })

  test('API-17 a namespace goes Terminating and is purged once /finalize empties its finalizers', () => {
    const c = testClient()
    c.post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    const terminating = c.del('/api/v1/namespaces/team').body as Meta & { status: { phase: string } }
    expect(terminating.status.phase).toBe('Terminating')
    const again = c.del('/api/v1/namespaces/team')
    expect(again.status).toBe(409)
    expect(messageOf(again)).toBe(
      'Operation cannot be fulfilled on namespaces "team": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    )
    // Nothing new may be created in a Terminating namespace.
    const create = c.post('/api/v1/namespaces/team/pods', pod('p'))
    expect(create.status).toBe(403)
    expect(messageOf(create)).toBe('pods "p" is forbidden: unable to create new content in namespace team because it is being terminated')
    // Other updates of a Terminating namespace do not purge it...
    expect(c.patch('/api/v1/namespaces/team', 'merge', { metadata: { labels: { x: 'y' } } }).status).toBe(200)
    const ns = c.get('/api/v1/namespaces/team').body as Record<string, unknown>
    // ...the /finalize that empties spec.finalizers does.
    expect(c.put('/api/v1/namespaces/team/finalize', { ...ns, spec: { finalizers: [] } }).status).toBe(200)
    expect(c.get('/api/v1/namespaces/team').status).toBe(404)
  })

  test('API-12 spec.finalizers of a namespace change only through /finalize', () => {
    const c = testClient()
    const ns = c.post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }).body as Record<string, unknown>
    const res = c.put('/api/v1/namespaces/team', { ...ns, spec: { finalizers: [] } })
    expect((res.body as { spec: { finalizers: string[] } }).spec.finalizers).toEqual(['kubernetes'])
  })

  test('API-18 deletecollection deletes what the selector matches', () => {
    const c = testClient()
    for (const [n, tier] of [['a', 'web'], ['b', 'web'], ['c', 'db']] as const) c.post(pods, pod(n, 'nginx', { tier }))
    const res = c.del(pods, { labelSelector: 'tier=web' })
    expect(res.status).toBe(200)
    expect((res.body as { items: Meta[] }).items.map((i) => i.metadata.name)).toEqual(['a', 'b'])
    expect((c.get(pods).body as { items: Meta[] }).items.map((i) => i.metadata.name)).toEqual(['c'])
  })
})
