import { describe, expect, test } from 'vitest'
import type { Namespace, NamespaceCondition } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { deployment, pod, replicaSet, service } from '../../testing/fixtures'
import { testContext, type TestContext } from '../garbagecollector/testContext'
import { startNamespaceController } from './namespaceController'

function setup(extraFinalizers: string[] = []) {
  const t = testContext()
  startNamespaceController(t.ctx)
  const res = t.client.create('Namespace', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
  if (!res.ok) throw new Error(res.status.message)
  // What the serviceaccounts controller would add, so pods can be admitted.
  t.client.create('ServiceAccount', 'team', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } })
  if (extraFinalizers.length) {
    const ns = res.object as Namespace & StoredObject
    const fin = t.client.update('Namespace', { ...ns, spec: { finalizers: ['kubernetes', ...extraFinalizers] } }, 'finalize')
    if (!fin.ok) throw new Error(fin.status.message)
  }
  return t
}

const put = (t: TestContext, kind: string, body: Record<string, unknown>): void => {
  const res = t.client.create(kind, 'team', body)
  if (!res.ok) throw new Error(`${kind}: ${res.status.message}`)
}

const namespace = (t: TestContext): (Namespace & StoredObject) | undefined => {
  const r = t.client.get<Namespace & StoredObject>('Namespace', undefined, 'team')
  return r.ok ? r.object : undefined
}

const conditions = (t: TestContext): Record<string, [string, string, string]> =>
  Object.fromEntries((namespace(t)?.status?.conditions ?? []).map((c: NamespaceCondition) => [c.type, [c.status, c.reason ?? '', c.message ?? '']]))

const count = (t: TestContext, path: string): number => ((t.client.raw('GET', path).body as { items?: unknown[] }).items ?? []).length

describe('namespace controller (NS-1 … NS-5)', () => {
  test('NS-1 a deleted namespace is emptied of every kind, then finalized and purged', () => {
    const t = setup()
    put(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } })
    put(t, 'Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' } })
    put(t, 'ServiceAccount', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder' } })
    put(t, 'Deployment', deployment('web'))
    put(t, 'ReplicaSet', replicaSet('web-abc'))
    put(t, 'Pod', pod('web-abc-1'))
    put(t, 'Service', service('web'))
    put(t, 'Endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' } })
    put(t, 'Event', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1' }, involvedObject: { kind: 'Pod', name: 'web-abc-1', namespace: 'team' }, reason: 'Created', message: 'x' })
    const del = t.client.delete('Namespace', undefined, 'team')
    expect(del.ok).toBe(true)
    expect(namespace(t)?.status?.phase).toBe('Terminating')
    t.clock.advance(4999)
    // The controller waits out the deletion grace period before it starts.
    expect(count(t, '/api/v1/namespaces/team/configmaps')).toBe(1)
    t.clock.advance(1)
    for (const path of [
      '/api/v1/namespaces/team/configmaps',
      '/api/v1/namespaces/team/secrets',
      '/api/v1/namespaces/team/serviceaccounts',
      '/api/v1/namespaces/team/pods',
      '/api/v1/namespaces/team/services',
      '/api/v1/namespaces/team/endpoints',
      '/api/v1/namespaces/team/events',
      '/apis/apps/v1/namespaces/team/deployments',
      '/apis/apps/v1/namespaces/team/replicasets',
    ]) {
      expect(count(t, path), path).toBe(0)
    }
    expect(namespace(t)).toBeUndefined()
    expect(t.errors).toEqual([])
  })

  test('NS-1 other namespaces and namespaces not being deleted are left alone', () => {
    const t = setup()
    put(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } })
    t.client.create('ConfigMap', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' } })
    t.clock.advance(60_000)
    expect(count(t, '/api/v1/namespaces/team/configmaps')).toBe(1)
    t.client.delete('Namespace', undefined, 'team')
    t.clock.advance(10_000)
    expect(t.client.get('ConfigMap', 'default', 'keep').ok).toBe(true)
  })

  test('NS-2 content held by a finalizer: ContentRemaining and FinalizersRemaining until it goes', () => {
    const t = setup()
    put(t, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['example.com/hold'] } })
    t.client.delete('Namespace', undefined, 'team')
    t.clock.advance(5000)
    expect(conditions(t)).toEqual({
      NamespaceDeletionDiscoveryFailure: ['False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      NamespaceDeletionGroupVersionParsingFailure: ['False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      NamespaceDeletionContentFailure: ['False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      NamespaceContentRemaining: ['True', 'SomeResourcesRemain', 'Some resources are remaining: configmaps. has 1 resource instances'],
      NamespaceFinalizersRemaining: ['True', 'SomeFinalizerRemain', 'Some finalizers are remaining: example.com/hold in 1 resource instances'],
    })
    t.clock.advance(60_000)
    expect(namespace(t)?.spec?.finalizers).toEqual(['kubernetes'])
    t.client.patch('ConfigMap', 'team', 'held', { metadata: { finalizers: null } }, 'merge')
    t.clock.advance(20_000)
    expect(namespace(t)).toBeUndefined()
  })

  test('NS-3 pods still terminating: the controller waits for their grace period, then reports them', () => {
    const t = setup()
    put(t, 'Pod', { ...pod('bound'), spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] } })
    t.client.delete('Namespace', undefined, 'team')
    t.clock.advance(5000)
    expect(conditions(t).NamespaceContentRemaining).toEqual(['True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 1 resource instances'])
    expect(conditions(t).NamespaceDeletionContentFailure?.[0]).toBe('False')
    // No kubelet confirms the deletion: past the 30 s grace period the pod is unexpected.
    t.clock.advance(60_000)
    expect(conditions(t).NamespaceDeletionContentFailure).toEqual([
      'True',
      'ContentDeletionFailed',
      'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: team for gvr: /v1, Resource=pods',
    ])
    expect(t.errors.at(-1)).toBe('namespace team: deletion of namespace team failed: unexpected items still remain in namespace: team for gvr: /v1, Resource=pods')
    // The kubelet's final delete lets the namespace go; the failure condition turns back to False first.
    t.client.delete('Pod', 'team', 'bound', { gracePeriodSeconds: 0 })
    t.clock.advance(2000_000)
    expect(namespace(t)).toBeUndefined()
  })

  test('NS-4 other finalizers in spec.finalizers are kept: the namespace stays until they go', () => {
    const t = setup(['example.com/cleanup'])
    t.client.delete('Namespace', undefined, 'team')
    t.clock.advance(5000)
    const ns = namespace(t)
    expect(ns?.spec?.finalizers).toEqual(['example.com/cleanup'])
    expect(ns?.status?.phase).toBe('Terminating')
  })

  test('NS-5 every condition starts in its ok variant when nothing remains', () => {
    const t = setup(['example.com/cleanup'])
    t.client.delete('Namespace', undefined, 'team')
    t.clock.advance(5000)
    expect(Object.values(conditions(t)).map((c) => c[0])).toEqual(['False', 'False', 'False', 'False', 'False'])
    expect(conditions(t).NamespaceContentRemaining).toEqual(['False', 'ContentRemoved', 'All content successfully removed'])
  })
})
