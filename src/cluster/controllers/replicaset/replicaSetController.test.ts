import { describe, expect, test } from 'vitest'
import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1'
import { replicaSet } from '../../testing/fixtures'
import { expectationsTimeoutMs } from './expectations'
import { startReplicaSetController } from './replicaSetController'
import { testContext, type TestContext } from './testContext'
import type { Pod, ReplicaSet } from './types'

const generatedName = /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/

function setup(
  options: { burstReplicas?: number } = {},
): TestContext & { rc: ReturnType<typeof startReplicaSetController> } {
  const t = testContext()
  const rc = startReplicaSetController(t.ctx, options)
  return { ...t, rc }
}

const rsStatus = (t: TestContext): ReplicaSetStatus | undefined =>
  t.client.get<ReplicaSet>('ReplicaSet', 'default', 'web').ok
    ? (t.client.get<ReplicaSet>('ReplicaSet', 'default', 'web') as { object: ReplicaSet }).object
        .status
    : undefined
const activePods = (t: TestContext): Pod[] => t.pods().filter((p) => !p.metadata.deletionTimestamp)

describe('ReplicaSet controller', () => {
  test('RS-2 creates pods from the template, named by generateName, controlled by the ReplicaSet', () => {
    const t = setup()
    const created = t.client.create<ReplicaSet>(
      'ReplicaSet',
      'default',
      replicaSet('web', 'nginx:1.25', 3),
    )
    if (!created.ok) throw new Error(created.status.message)
    t.clock.advance(0)
    const pods = t.pods()
    expect(pods).toHaveLength(3)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(generatedName)
      expect(p.metadata.generateName).toBe('web-')
      expect(p.metadata.labels).toEqual({ app: 'web' })
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: created.object.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ])
      expect(p.spec?.containers[0]?.image).toBe('nginx:1.25')
    }
    expect(t.events().sort()).toEqual(
      pods.map((p) => `SuccessfulCreate Created pod: ${p.metadata.name}`).sort(),
    )
    expect(rsStatus(t)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 })
    expect(t.errors).toEqual([])
  })

  test.each([
    { name: 'burst 2 of 5', replicas: 5, burst: 2, steps: [2, 4, 5] },
    { name: 'burst 500 (default) of 7', replicas: 7, burst: undefined, steps: [7] },
  ])('RS-3 at most burstReplicas pods per sync: $name', ({ replicas, burst, steps }) => {
    const t = setup({ burstReplicas: burst })
    const seen: number[] = []
    t.server.watch({ method: 'GET', path: '/apis/apps/v1/namespaces/default/replicasets' }, (e) => {
      const n = (e.object as ReplicaSet).status?.replicas
      if (n !== undefined && n !== seen[seen.length - 1] && n > 0) seen.push(n)
    })
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', replicas))
    t.clock.advance(0)
    expect(seen).toEqual(steps)
  })

  test('RS-3 RS-9 creation failures: slow start stops at the first failing batch, FailedCreate event and ReplicaFailure condition, retried with backoff', () => {
    const t = setup()
    const rs = replicaSet('web', 'nginx', 10)
    ;(rs.spec.template.spec as Record<string, unknown>).serviceAccountName = 'missing'
    t.client.create('ReplicaSet', 'default', rs)
    t.clock.advance(0)
    const message =
      'pods "web-" is forbidden: error looking up service account default/missing: serviceaccount "missing" not found'
    expect(t.events()).toEqual([`FailedCreate Error creating: ${message}`])
    expect(rsStatus(t)?.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: '2026-01-01T00:00:00Z',
        reason: 'FailedCreate',
        message,
      },
    ])
    // One doomed call per sync, the repeats bumping the event's count: the failed sync, the
    // resync its own status write caused, then retries after 5 ms, 10 ms, 20 ms of backoff.
    const count = (): number[] =>
      (
        t.server.handle({ method: 'GET', path: '/api/v1/namespaces/default/events' }).body as {
          items: { count: number }[]
        }
      ).items.map((e) => e.count)
    expect(count()).toEqual([2])
    t.clock.advance(4)
    expect(count()).toEqual([2])
    t.clock.advance(1)
    expect(count()).toEqual([3])
    t.clock.advance(19)
    expect(count()).toEqual([3])
    t.clock.advance(1)
    expect(count()).toEqual([4])
    expect(t.pods()).toEqual([])
    expect(t.errors[0]).toBe(`replicaset default/web: ${message}`)
    t.client.create('ServiceAccount', 'default', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'missing' },
    })
    t.clock.advance(100)
    expect(t.pods()).toHaveLength(10)
    expect(rsStatus(t)?.conditions).toBeUndefined()
  })

  test('RS-6 scaling down deletes pods with SuccessfulDelete events', () => {
    const t = setup()
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 3))
    t.clock.advance(0)
    t.client.patch('ReplicaSet', 'default', 'web', { spec: { replicas: 1 } })
    t.clock.advance(0)
    const left = t.pods()
    expect(left).toHaveLength(1)
    expect(t.events().filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(2)
    expect(rsStatus(t)).toEqual({ replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 2 })
  })

  test('RS-5 scale-down order: unscheduled, then pending, then the ready pod doubled up on a node', () => {
    const t = setup()
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 4))
    t.clock.advance(0)
    const [a, b, c, d] = t.pods().map((p) => p.metadata.name) as [string, string, string, string]
    t.bind(b, 'node-1')
    t.bind(c, 'node-1')
    t.bind(d, 'node-2')
    t.makeReady(c)
    t.makeReady(d)
    t.clock.advance(1000)
    t.client.patch('ReplicaSet', 'default', 'web', { spec: { replicas: 1 } })
    t.clock.advance(0)
    expect(t.events().filter((e) => e.startsWith('SuccessfulDelete'))).toEqual(
      [a, b, c].map((n) => `SuccessfulDelete Deleted pod: ${n}`),
    )
    expect(activePods(t).map((p) => p.metadata.name)).toEqual([d])
    // Bound pods are deleted gracefully: they stay, Terminating, until their kubelet removes them.
    expect(
      t
        .pods()
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual([b, c, d].sort())
  })

  test('RS-7 adopts a matching orphan and creates only the rest', () => {
    const t = setup()
    t.client.create('Pod', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stray', labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    })
    const created = t.client.create<ReplicaSet>(
      'ReplicaSet',
      'default',
      replicaSet('web', 'nginx', 2),
    )
    if (!created.ok) throw new Error('create')
    t.clock.advance(0)
    const pods = t.pods()
    expect(pods).toHaveLength(2)
    const stray = pods.find((p) => p.metadata.name === 'stray')
    expect(stray?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'ReplicaSet',
      name: 'web',
      uid: created.object.metadata.uid,
      controller: true,
    })
  })

  test('RS-1 an orphan created later wakes its ReplicaSet, which adopts it and scales back down', () => {
    const t = setup()
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 2))
    t.clock.advance(1000)
    t.client.create('Pod', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stray', labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    })
    t.clock.advance(0)
    expect(activePods(t)).toHaveLength(2)
    expect(activePods(t).every((p) => p.metadata.ownerReferences?.[0]?.name === 'web')).toBe(true)
    // The adopted pod is the newest of equals, so it is the one deleted.
    expect(t.events().filter((e) => e.startsWith('SuccessfulDelete'))).toEqual([
      'SuccessfulDelete Deleted pod: stray',
    ])
  })

  test('RS-1 a stopped controller does nothing', () => {
    const t = setup()
    t.rc.stop()
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 2))
    t.clock.advance(1000)
    expect(t.pods()).toEqual([])
  })

  test('RS-7 releases a pod whose labels no longer match, and replaces it', () => {
    const t = setup()
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 2))
    t.clock.advance(0)
    const victim = t.pods()[0]?.metadata.name ?? ''
    t.client.patch('Pod', 'default', victim, { metadata: { labels: { app: 'debug' } } })
    t.clock.advance(0)
    const released = t.client.get<Pod>('Pod', 'default', victim)
    expect(released.ok && released.object.metadata.ownerReferences).toEqual([])
    expect(t.pods().filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2)
  })

  test('RS-7 never adopts a pod another controller owns', () => {
    const t = setup()
    const owned = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'theirs',
        labels: { app: 'web' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'other',
            uid: 'u-other',
            controller: true,
          },
        ],
      },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    }
    t.client.create('Pod', 'default', owned)
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 1))
    t.clock.advance(0)
    expect(t.pods()).toHaveLength(2)
    const theirs = t.client.get<Pod>('Pod', 'default', 'theirs')
    expect(theirs.ok && theirs.object.metadata.ownerReferences?.[0]?.uid).toBe('u-other')
  })

  test('RS-4 unmet expectations hold back creation until observed or expired', () => {
    const t = setup()
    // As if an earlier sync had created a pod whose watch event has not arrived.
    t.rc.expectations.expectCreations('default/web', 1)
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 3))
    t.clock.advance(0)
    expect(t.pods()).toHaveLength(0)
    expect(rsStatus(t)).toEqual({ replicas: 0, observedGeneration: 1 })
    t.clock.advance(expectationsTimeoutMs + 1)
    // A resync after expiry (here: any update of the ReplicaSet) creates them.
    t.client.patch('ReplicaSet', 'default', 'web', {
      metadata: { labels: { app: 'web', touched: 'yes' } },
    })
    t.clock.advance(0)
    expect(t.pods()).toHaveLength(3)
  })

  test('RS-4 repeated syncs in one instant never create twice', () => {
    const t = setup()
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 3))
    for (let i = 0; i < 5; i++) t.rc.controller.queue.add('default/web')
    t.clock.advance(0)
    for (let i = 0; i < 5; i++) t.rc.controller.queue.add('default/web')
    t.clock.advance(0)
    expect(t.pods()).toHaveLength(3)
    expect(t.events().filter((e) => e.startsWith('SuccessfulCreate'))).toHaveLength(3)
  })

  test('RS-8 availableReplicas waits minReadySeconds after Ready', () => {
    const t = setup()
    const rs = replicaSet('web', 'nginx', 2)
    ;(rs.spec as Record<string, unknown>).minReadySeconds = 10
    t.client.create('ReplicaSet', 'default', rs)
    t.clock.advance(0)
    for (const p of t.pods()) t.makeReady(p.metadata.name)
    t.clock.advance(0)
    expect(rsStatus(t)).toMatchObject({ replicas: 2, readyReplicas: 2 })
    expect(rsStatus(t)?.availableReplicas).toBeUndefined()
    t.clock.advance(10_000)
    expect(rsStatus(t)?.availableReplicas).toBeUndefined()
    t.clock.advance(1)
    expect(rsStatus(t)).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 })
  })

  test('RS-8 failed and succeeded pods are not counted and are replaced', () => {
    const t = setup()
    t.client.create('ReplicaSet', 'default', replicaSet('web', 'nginx', 2))
    t.clock.advance(0)
    const first = t.pods()[0]
    if (!first) throw new Error('no pod')
    t.client.update('Pod', { ...first, status: { ...first.status, phase: 'Failed' } }, 'status')
    t.clock.advance(0)
    expect(t.pods()).toHaveLength(3)
    expect(rsStatus(t)?.replicas).toBe(2)
  })
})
