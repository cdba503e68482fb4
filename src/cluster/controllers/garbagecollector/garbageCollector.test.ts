import { describe, expect, test } from 'vitest'
import type { KubeObject, OwnerReference, StoredObject } from '../../api/types'
import { deployment, pod, replicaSet } from '../../testing/fixtures'
import { monitoredKinds, startGarbageCollector } from './garbageCollector'
import { testContext, type TestContext } from './testContext'

type Ref = Pick<StoredObject, 'apiVersion' | 'kind' | 'metadata'>

function ownerRef(o: Ref, more: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, ...more }
}

function create(t: TestContext, kind: string, body: KubeObject, owners: OwnerReference[] = [], namespace = 'default'): StoredObject {
  const meta = { ...(body.metadata ?? {}), ownerReferences: owners.length ? owners : undefined }
  const res = t.client.create<StoredObject>(kind, kind === 'Namespace' || kind === 'Node' ? undefined : namespace, { ...body, metadata: meta })
  if (!res.ok) throw new Error(`create ${kind}: ${res.status.message}`)
  return res.object
}

const exists = (t: TestContext, kind: string, name: string, ns = 'default'): boolean => t.client.get(kind, ns, name).ok
const get = (t: TestContext, kind: string, name: string, ns = 'default'): StoredObject | undefined => {
  const r = t.client.get<StoredObject>(kind, ns, name)
  return r.ok ? r.object : undefined
}

/** A Deployment owning a ReplicaSet owning two pods, controller references as their controllers set them. */
function chain(t: TestContext, podSpec: Record<string, unknown> = {}) {
  const d = create(t, 'Deployment', deployment('web'))
  const rs = create(t, 'ReplicaSet', replicaSet('web-abc'), [ownerRef(d, { controller: true, blockOwnerDeletion: true })])
  const pods = ['web-abc-1', 'web-abc-2'].map((n) => {
    const body = pod(n)
    return create(t, 'Pod', { ...body, spec: { ...body.spec, ...podSpec } }, [ownerRef(rs, { controller: true, blockOwnerDeletion: true })])
  })
  return { d, rs, pods }
}

describe('garbage collector: background cascading (GC-2)', () => {
  const rows: { name: string; run(t: TestContext): { gone: [string, string][]; kept: [string, string][] } }[] = [
    {
      name: 'deleting a Deployment deletes its ReplicaSet, then its pods',
      run(t) {
        chain(t)
        t.client.delete('Deployment', 'default', 'web')
        return { gone: [['ReplicaSet', 'web-abc'], ['Pod', 'web-abc-1'], ['Pod', 'web-abc-2']], kept: [] }
      },
    },
    {
      name: 'deleting a ReplicaSet deletes its pods, not its Deployment',
      run(t) {
        chain(t)
        t.client.delete('ReplicaSet', 'default', 'web-abc', { propagationPolicy: 'Background' })
        return { gone: [['Pod', 'web-abc-1'], ['Pod', 'web-abc-2']], kept: [['Deployment', 'web']] }
      },
    },
    {
      name: 'an owner reference whose uid does not match the live owner counts as gone',
      run(t) {
        const rs = create(t, 'ReplicaSet', replicaSet('cache'))
        create(t, 'Pod', pod('stale'), [ownerRef(rs, { uid: '00000000-0000-4000-8000-000000000000' })])
        return { gone: [['Pod', 'stale']], kept: [['ReplicaSet', 'cache']] }
      },
    },
    {
      name: 'an owner that never existed: the dependent is collected',
      run(t) {
        create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'orphaned' } }, [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost', uid: '11111111-1111-4111-8111-111111111111' },
        ])
        return { gone: [['ConfigMap', 'orphaned']], kept: [] }
      },
    },
    {
      name: 'a dependent with one owner left keeps living, without the dangling reference',
      run(t) {
        const a = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } })
        const b = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } })
        create(t, 'Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shared' } }, [ownerRef(a), ownerRef(b)])
        t.client.delete('ConfigMap', 'default', 'a')
        return { gone: [['ConfigMap', 'a']], kept: [['Secret', 'shared'], ['ConfigMap', 'b']] }
      },
    },
    {
      name: 'an object without owners is never collected',
      run(t) {
        create(t, 'Pod', pod('lonely'))
        return { gone: [], kept: [['Pod', 'lonely']] }
      },
    },
  ]
  test.each(rows)('GC-2 $name', ({ run }) => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    t.clock.advance(1000)
    const { gone, kept } = run(t)
    t.clock.advance(5000)
    for (const [kind, name] of gone) expect(exists(t, kind, name), `${kind} ${name} gone`).toBe(false)
    for (const [kind, name] of kept) expect(exists(t, kind, name), `${kind} ${name} kept`).toBe(true)
    expect(t.errors).toEqual([])
  })

  test('GC-2 the surviving dependent loses only the dangling reference', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    const a = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } })
    const b = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } })
    create(t, 'Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shared' } }, [ownerRef(a), ownerRef(b)])
    t.client.delete('ConfigMap', 'default', 'a')
    t.clock.advance(1000)
    expect(get(t, 'Secret', 'shared')?.metadata.ownerReferences).toEqual([ownerRef(b)])
  })

  test('GC-6 an owner in another namespace: OwnerRefInvalidNamespace event, dependent collected', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    t.client.create('Namespace', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } })
    const cm = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } })
    const far = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'far' } }, [ownerRef(cm)], 'other')
    t.clock.advance(1000)
    expect(exists(t, 'ConfigMap', 'far', 'other')).toBe(false)
    const events = t.client.raw('GET', '/api/v1/namespaces/other/events').body as { items: { reason: string; type: string; message: string; source: unknown }[] }
    expect(events.items.map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Warning', 'OwnerRefInvalidNamespace', `ownerRef [v1/ConfigMap, namespace: other, name: owner, uid: ${cm.metadata.uid}] does not exist in namespace "other"`],
    ])
    expect(events.items[0]?.source).toEqual({ component: 'garbage-collector-controller' })
    expect(far.metadata.namespace).toBe('other')
  })

  test('GC-7 a reference to a kind the server does not serve is retried, never collected', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    create(t, 'Pod', pod('job-pod'), [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: '22222222-2222-4222-8222-222222222222' }])
    t.clock.advance(10_000)
    expect(exists(t, 'Pod', 'job-pod')).toBe(true)
    expect(t.errors[0]).toBe('garbagecollector-attempt-to-delete 22222222-2222-4222-8222-222222222222: unable to get REST mapping for batch/v1/Job.')
  })
})

describe('garbage collector: foreground cascading (GC-3)', () => {
  test('GC-3 a Deployment deleted in the foreground waits for its ReplicaSet, which waits for its pods', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    chain(t)
    const order: string[] = []
    const stops = ['/api/v1/pods', '/apis/apps/v1/replicasets', '/apis/apps/v1/deployments'].map((path) =>
      t.server.watch({ method: 'GET', path }, (e) => {
        if (e.type === 'DELETED') order.push(`${String(e.object.kind)}/${String((e.object.metadata as { name: string }).name)}`)
      }),
    )
    const res = t.client.delete('Deployment', 'default', 'web', { propagationPolicy: 'Foreground' })
    expect(res.ok && res.object.metadata?.finalizers).toEqual(['foregroundDeletion'])
    expect(exists(t, 'Deployment', 'web')).toBe(true)
    t.clock.advance(5000)
    expect(order).toEqual(['Pod/web-abc-1', 'Pod/web-abc-2', 'ReplicaSet/web-abc', 'Deployment/web'])
    for (const s of stops) s()
    expect(t.errors).toEqual([])
  })

  test('GC-3 GC-5 an owner waits for a blocking dependent in graceful termination, then goes', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    chain(t, { nodeName: 'node-1' })
    t.client.delete('ReplicaSet', 'default', 'web-abc', { propagationPolicy: 'Foreground' })
    t.clock.advance(5000)
    // Bound pods stay Terminating until their kubelet confirms; the owner waits.
    const p = get(t, 'Pod', 'web-abc-1')
    expect(p?.metadata.deletionTimestamp).toBeDefined()
    expect(get(t, 'ReplicaSet', 'web-abc')?.metadata.finalizers).toEqual(['foregroundDeletion'])
    // The kubelet's final delete (grace 0) of both pods releases the owner.
    t.client.delete('Pod', 'default', 'web-abc-1', { gracePeriodSeconds: 0 })
    t.clock.advance(1000)
    expect(exists(t, 'ReplicaSet', 'web-abc')).toBe(true)
    t.client.delete('Pod', 'default', 'web-abc-2', { gracePeriodSeconds: 0 })
    t.clock.advance(1000)
    expect(exists(t, 'ReplicaSet', 'web-abc')).toBe(false)
    expect(exists(t, 'Deployment', 'web')).toBe(true)
  })

  test('GC-3 dependents without blockOwnerDeletion do not hold the owner', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    const owner = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } })
    create(t, 'Pod', pod('p', 'nginx', { a: 'b' }), [ownerRef(owner)])
    const p2 = create(t, 'Pod', { ...pod('bound'), spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] } }, [ownerRef(owner)])
    t.client.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Foreground' })
    t.clock.advance(1000)
    expect(exists(t, 'ConfigMap', 'owner')).toBe(false)
    expect(exists(t, 'Pod', 'p')).toBe(false)
    // The bound pod is being deleted gracefully; nobody waited for it.
    expect(get(t, 'Pod', 'bound')?.metadata.deletionTimestamp).toBeDefined()
    expect(p2.metadata.name).toBe('bound')
  })
})

describe('garbage collector: orphaning (GC-4)', () => {
  const rows = [
    { name: 'propagationPolicy Orphan', options: { propagationPolicy: 'Orphan' } },
    { name: 'orphanDependents=true', options: { orphanDependents: true } },
  ]
  test.each(rows)('GC-4 $name: dependents lose the reference and stay, the owner goes', ({ options }) => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    const { rs } = chain(t)
    const res = t.client.delete('ReplicaSet', 'default', 'web-abc', options)
    expect(res.ok && res.object.metadata?.finalizers).toEqual(['orphan'])
    t.clock.advance(2000)
    expect(exists(t, 'ReplicaSet', 'web-abc')).toBe(false)
    for (const n of ['web-abc-1', 'web-abc-2']) {
      const p = get(t, 'Pod', n)
      // A real server omits the emptied list (omitempty); this one may keep `[]`.
      expect(p?.metadata.ownerReferences ?? []).toEqual([])
      expect(p?.metadata.deletionTimestamp).toBeUndefined()
    }
    expect(rs.metadata.name).toBe('web-abc')
    expect(t.errors).toEqual([])
  })

  test('GC-4 orphaning keeps references to other owners', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    const a = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } })
    const b = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } })
    create(t, 'Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }, [ownerRef(a), ownerRef(b)])
    t.client.delete('ConfigMap', 'default', 'a', { propagationPolicy: 'Orphan' })
    t.clock.advance(1000)
    expect(exists(t, 'ConfigMap', 'a')).toBe(false)
    expect(get(t, 'Secret', 's')?.metadata.ownerReferences).toEqual([ownerRef(b)])
  })
})

describe('garbage collector: graph (GC-1)', () => {
  test('GC-1 the monitored kinds: every deletable, listable, watchable kind but Event', () => {
    expect(monitoredKinds()).toEqual([
      'ConfigMap',
      'Endpoints',
      'Namespace',
      'Node',
      'Pod',
      'Secret',
      'ServiceAccount',
      'Service',
      'Deployment',
      'ReplicaSet',
      'HorizontalPodAutoscaler',
      'Ingress',
      'Lease',
    ])
  })

  test('GC-1 GC-2 a deleted Node takes its node lease with it (a namespaced dependent of a cluster-scoped owner)', () => {
    const t = testContext()
    startGarbageCollector(t.ctx)
    create(t, 'Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-node-lease' } })
    const nodes = ['node-1', 'node-2'].map((name) => create(t, 'Node', { apiVersion: 'v1', kind: 'Node', metadata: { name } }))
    for (const n of nodes) {
      const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: n.metadata.name }, spec: { holderIdentity: n.metadata.name, leaseDurationSeconds: 40 } }
      create(t, 'Lease', lease, [ownerRef(n)], 'kube-node-lease')
    }
    t.clock.advance(1000)
    t.client.delete('Node', undefined, 'node-1')
    t.clock.advance(1000)
    expect(exists(t, 'Lease', 'node-1', 'kube-node-lease')).toBe(false)
    expect(exists(t, 'Lease', 'node-2', 'kube-node-lease')).toBe(true)
    expect(t.errors).toEqual([])
  })

  test('GC-1 the graph follows objects; virtual owners are dropped once verified absent', () => {
    const t = testContext()
    const gc = startGarbageCollector(t.ctx)
    const ghost = '33333333-3333-4333-8333-333333333333'
    const cm = create(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, [{ apiVersion: 'v1', kind: 'Secret', name: 'ghost', uid: ghost }])
    expect(gc.graphHasUid(cm.metadata.uid)).toBe(true)
    expect(gc.graphHasUid(ghost)).toBe(true)
    t.clock.advance(1000)
    expect(gc.graphHasUid(ghost)).toBe(false)
    expect(gc.graphHasUid(cm.metadata.uid)).toBe(false)
  })

  test('GC-1 objects present before the collector starts are collected too', () => {
    const t = testContext()
    const rs = create(t, 'ReplicaSet', replicaSet('early'))
    create(t, 'Pod', pod('early-1'), [ownerRef(rs)])
    t.client.delete('ReplicaSet', 'default', 'early')
    startGarbageCollector(t.ctx)
    t.clock.advance(1000)
    expect(exists(t, 'Pod', 'early-1')).toBe(false)
  })
})
