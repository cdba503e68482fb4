import { describe, expect, test } from 'vitest'
import type { DeploymentCondition } from 'kubernetes-types/apps/v1'
import type { ReplicaSet } from '../replicaset/types'
import { computeHash } from './util/hash'
import { revisionAnnotation, revisionHistoryAnnotation } from './util/annotations'
import {
  activePods,
  deploymentHarness,
  getWeb,
  imageOf,
  readyAll,
  replicaSets,
  setImage,
  stoppedHarness,
  webDeployment,
} from './testHelpers'
import type { TestContext } from '../replicaset/testContext'

const cond = (t: TestContext, type: string): DeploymentCondition | undefined =>
  getWeb(t).status?.conditions?.find((c) => c.type === type)
const brief = (c: DeploymentCondition | undefined) =>
  c && { status: c.status, reason: c.reason, message: c.message }
const revisions = (t: TestContext) =>
  replicaSets(t).map((rs) => [
    imageOf({ spec: rs.spec?.template?.spec } as never),
    rs.metadata.annotations?.[revisionAnnotation],
    rs.spec?.replicas,
  ])

/** Let the controllers act, make every pod Ready, and let them act again. */
function settle(t: TestContext, rounds = 20): void {
  for (let i = 0; i < rounds; i++) {
    t.clock.advance(1000)
    readyAll(t)
  }
  t.clock.advance(1000)
}

describe('Deployment controller', () => {
  test('DEPLOY-3 DEPLOY-12 DEPLOY-13 a new Deployment: ReplicaSet <name>-<hash>, conditions as a rollout completes', () => {
    const t = deploymentHarness()
    t.client.create('Deployment', 'default', webDeployment(3))
    t.clock.advance(0)
    const [rs] = replicaSets(t)
    if (!rs) throw new Error('no ReplicaSet')
    const hash = rs.metadata.labels?.['pod-template-hash'] ?? ''
    expect(hash).toMatch(/^[456789bcdf]{6,10}$/)
    expect(rs.metadata.name).toBe(`web-${hash}`)
    expect(rs.spec?.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } })
    expect(rs.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: getWeb(t).metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
    expect(rs.metadata.annotations).toEqual({
      [revisionAnnotation]: '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
    expect(activePods(t).map((p) => p.metadata.name.startsWith(`web-${hash}-`))).toEqual([
      true,
      true,
      true,
    ])
    expect(t.events().filter((e) => e.startsWith('ScalingReplicaSet'))).toEqual([
      `ScalingReplicaSet Scaled up replica set web-${hash} to 3`,
    ])
    // Created, then progressing as the ReplicaSet reports its pods.
    expect(brief(cond(t, 'Progressing'))).toEqual({
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "web-${hash}" is progressing.`,
    })
    expect(brief(cond(t, 'Available'))).toEqual({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    })
    expect(getWeb(t).status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      unavailableReplicas: 3,
    })
    settle(t)
    expect(brief(cond(t, 'Progressing'))).toEqual({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "web-${hash}" has successfully progressed.`,
    })
    expect(brief(cond(t, 'Available'))).toEqual({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    })
    const { conditions, ...counts } = getWeb(t).status ?? {}
    expect(counts).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    })
    expect(conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing'])
    expect(t.errors).toEqual([])
  })

  test(
    "DEPLOY-4 the Deployment carries its new ReplicaSet's revision",
    () => {
      const t = deploymentHarness()
      t.client.create('Deployment', 'default', webDeployment(2))
      settle(t)
      expect(getWeb(t).metadata.annotations?.[revisionAnnotation]).toBe('1')
      setImage(t, 'nginx:1.26')
      settle(t)
      expect(getWeb(t).metadata.annotations?.[revisionAnnotation]).toBe('2')
      expect(getWeb(t).metadata.generation).toBe(2)
    },
  )

  test('DEPLOY-4 DEPLOY-17 rollback by re-applying the old template reuses the old ReplicaSet with the next revision', () => {
    const t = deploymentHarness()
    t.client.create('Deployment', 'default', webDeployment(2, 'nginx:1.25'))
    settle(t)
    setImage(t, 'nginx:1.26')
    settle(t)
    expect(revisions(t)).toEqual([
      ['nginx:1.25', '1', 0],
      ['nginx:1.26', '2', 2],
    ])
    const v1 = replicaSets(t)[0]?.metadata.name
    // What `kubectl rollout undo` does: copy revision 1's template back into the Deployment.
    setImage(t, 'nginx:1.25')
    settle(t)
    expect(replicaSets(t)).toHaveLength(2)
    expect(revisions(t)).toEqual([
      ['nginx:1.26', '2', 0],
      ['nginx:1.25', '3', 2],
    ])
    const reused = replicaSets(t)[1]
    expect(reused?.metadata.name).toBe(v1)
    expect(reused?.metadata.annotations?.[revisionHistoryAnnotation]).toBe('1')
    expect(activePods(t).map(imageOf)).toEqual(['nginx:1.25', 'nginx:1.25'])
    // And forward again: revision 2's ReplicaSet becomes revision 4.
    setImage(t, 'nginx:1.26')
    settle(t)
    expect(revisions(t)).toEqual([
      ['nginx:1.25', '3', 0],
      ['nginx:1.26', '4', 2],
    ])
    expect(replicaSets(t)[1]?.metadata.annotations?.[revisionHistoryAnnotation]).toBe('2')
    // No write of a sync ever conflicted with an earlier write of the same sync.
    expect(t.errors).toEqual([])
  })

  test.each([
    {
      name: 'limit 2 keeps the 2 newest old ReplicaSets',
      limit: 2,
      rollouts: 5,
      kept: ['4', '5', '6'],
    },
    { name: 'limit 0 keeps none', limit: 0, rollouts: 3, kept: ['4'] },
    {
      name: 'default 10 keeps all of 4',
      limit: undefined,
      rollouts: 3,
      kept: ['1', '2', '3', '4'],
    },
  ])('DEPLOY-15 revisionHistoryLimit: $name', ({ limit, rollouts, kept }) => {
    const t = deploymentHarness()
    t.client.create(
      'Deployment',
      'default',
      webDeployment(1, 'app:0', limit === undefined ? {} : { revisionHistoryLimit: limit }),
    )
    settle(t, 5)
    for (let i = 1; i <= rollouts; i++) {
      setImage(t, `app:${i}`)
      settle(t, 5)
    }
    expect(replicaSets(t).map((rs) => rs.metadata.annotations?.[revisionAnnotation])).toEqual(kept)
  })

  test('DEPLOY-1 DEPLOY-10 Recreate: old pods go first, the new ReplicaSet only once they are gone', () => {
    const t = deploymentHarness()
    t.client.create(
      'Deployment',
      'default',
      webDeployment(3, 'nginx:1.25', { strategy: { type: 'Recreate' } }),
    )
    t.clock.advance(0)
    for (const p of activePods(t)) t.bind(p.metadata.name, 'node-1')
    settle(t)
    setImage(t, 'nginx:1.26')
    t.clock.advance(1000)
    const [oldRS] = replicaSets(t)
    expect(replicaSets(t)).toHaveLength(1)
    expect(oldRS?.spec?.replicas).toBe(0)
    // Bound pods terminate gracefully: the Deployment waits for them.
    expect(t.pods()).toHaveLength(3)
    expect(activePods(t)).toHaveLength(0)
    t.clock.advance(10_000)
    expect(replicaSets(t)).toHaveLength(1)
    // The kubelet finishes the deletions.
    for (const p of t.pods())
      t.client.delete('Pod', 'default', p.metadata.name, { gracePeriodSeconds: 0 })
    t.clock.advance(0)
    const [, newRS] = replicaSets(t)
    expect(newRS?.spec?.replicas).toBe(3)
    expect(activePods(t).map(imageOf)).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26'])
    expect(
      t
        .events()
        .filter((e) => e.startsWith('ScalingReplicaSet'))
        .slice(1),
    ).toEqual([
      `ScalingReplicaSet Scaled down replica set ${oldRS?.metadata.name} to 0 from 3`,
      `ScalingReplicaSet Scaled up replica set ${newRS?.metadata.name} to 3`,
    ])
  })

  test('DEPLOY-11 paused: no rollout, scaling still applies; resumed: the rollout proceeds', () => {
    const t = deploymentHarness()
    t.client.create('Deployment', 'default', webDeployment(3))
    settle(t)
    t.client.patch('Deployment', 'default', 'web', { spec: { paused: true } })
    t.clock.advance(0)
    expect(brief(cond(t, 'Progressing'))).toEqual({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    })
    setImage(t, 'nginx:1.26')
    t.client.patch('Deployment', 'default', 'web', { spec: { replicas: 5 } })
    settle(t)
    expect(replicaSets(t)).toHaveLength(1)
    expect(replicaSets(t)[0]?.spec?.replicas).toBe(5)
    expect(activePods(t).map(imageOf)).toEqual(Array(5).fill('nginx:1.25'))
    // Time paused does not count against progressDeadlineSeconds.
    t.clock.advance(3600_000)
    expect(cond(t, 'Progressing')?.reason).toBe('DeploymentPaused')
    const reasons: string[] = []
    t.server.watch(
      {
        method: 'GET',
        path: '/apis/apps/v1/namespaces/default/deployments',
        query: { resourceVersion: getWeb(t).metadata.resourceVersion },
      },
      (e) => {
        const r =
          (
            e.object as { status?: { conditions?: DeploymentCondition[] } }
          ).status?.conditions?.find((c) => c.type === 'Progressing')?.reason ?? ''
        if (r !== reasons[reasons.length - 1]) reasons.push(r)
      },
    )
    t.client.patch('Deployment', 'default', 'web', { spec: { paused: false } })
    settle(t)
    expect(reasons).toEqual([
      'DeploymentPaused',
      'DeploymentResumed',
      'NewReplicaSetCreated',
      'ReplicaSetUpdated',
      'NewReplicaSetAvailable',
    ])
    expect(activePods(t).map(imageOf)).toEqual(Array(5).fill('nginx:1.26'))
    expect(cond(t, 'Progressing')?.reason).toBe('NewReplicaSetAvailable')
  })

  test('DEPLOY-13 progressDeadlineSeconds: pods that never become Ready time the rollout out', () => {
    const t = deploymentHarness()
    t.client.create(
      'Deployment',
      'default',
      webDeployment(3, 'nginx:1.25', { progressDeadlineSeconds: 30 }),
    )
    t.clock.advance(30_999)
    expect(cond(t, 'Progressing')?.reason).toBe('ReplicaSetUpdated')
    t.clock.advance(1)
    const rs = replicaSets(t)[0]?.metadata.name ?? ''
    expect(brief(cond(t, 'Progressing'))).toEqual({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs}" has timed out progressing.`,
    })
    expect(cond(t, 'Progressing')?.lastUpdateTime).toBe('2026-01-01T00:00:31Z')
    expect(brief(cond(t, 'Available'))?.reason).toBe('MinimumReplicasUnavailable')
  })

  test('DEPLOY-13 progress resets the deadline; a stuck rollout still times out', () => {
    const t = deploymentHarness()
    t.client.create(
      'Deployment',
      'default',
      webDeployment(2, 'nginx:1.25', {
        progressDeadlineSeconds: 30,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      }),
    )
    t.clock.advance(20_000)
    const first = activePods(t)[0]?.metadata.name ?? ''
    t.makeReady(first)
    t.clock.advance(0)
    expect(brief(cond(t, 'Progressing'))?.reason).toBe('ReplicaSetUpdated')
    expect(cond(t, 'Progressing')?.lastUpdateTime).toBe('2026-01-01T00:00:20Z')
    expect(cond(t, 'Progressing')?.lastTransitionTime).toBe('2026-01-01T00:00:00Z')
    t.clock.advance(30_999)
    expect(cond(t, 'Progressing')?.reason).toBe('ReplicaSetUpdated')
    t.clock.advance(1)
    expect(cond(t, 'Progressing')?.reason).toBe('ProgressDeadlineExceeded')
  })

  test('DEPLOY-9 scaling during a rollout is proportional', () => {
    const t = deploymentHarness()
    t.client.create(
      'Deployment',
      'default',
      webDeployment(10, 'nginx:1.25', {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } },
      }),
    )
    settle(t)
    setImage(t, 'nginx:1.26')
    t.clock.advance(1000)
    // New pods never become Ready: the rollout holds at old 8, new 5.
    expect(replicaSets(t).map((rs) => rs.spec?.replicas)).toEqual([8, 5])
    t.client.patch('Deployment', 'default', 'web', { spec: { replicas: 20 } })
    t.clock.advance(1000)
    // 10 more within 20 + 3: old round(8×23/13) = 14, new round(5×23/13) = 9.
    const [oldRS, newRS] = replicaSets(t)
    expect([oldRS?.spec?.replicas, newRS?.spec?.replicas]).toEqual([14, 9])
    for (const rs of [oldRS, newRS])
      expect(rs?.metadata.annotations).toMatchObject({
        'deployment.kubernetes.io/desired-replicas': '20',
        'deployment.kubernetes.io/max-replicas': '23',
      })
    expect(
      t
        .events()
        .filter((e) => e.startsWith('ScalingReplicaSet'))
        .slice(-2),
    ).toEqual([
      `ScalingReplicaSet Scaled up replica set ${oldRS?.metadata.name} to 14 from 8`,
      `ScalingReplicaSet Scaled up replica set ${newRS?.metadata.name} to 9 from 5`,
    ])
    // Scaling down during the rollout is proportional too: 15 fewer within 5 + 3,
    // old round(14×8/23) = 5, new round(9×8/23) = 3 (the rollout then goes on from there).
    const before = t.events('deployment-controller').length
    t.client.patch('Deployment', 'default', 'web', { spec: { replicas: 5 } })
    t.clock.advance(1000)
    expect(
      t
        .events('deployment-controller')
        .slice(before)
        .filter((e) => e.startsWith('ScalingReplicaSet'))
        .slice(0, 2),
    ).toEqual([
      `ScalingReplicaSet Scaled down replica set ${oldRS?.metadata.name} to 5 from 14`,
      `ScalingReplicaSet Scaled down replica set ${newRS?.metadata.name} to 3 from 9`,
    ])
  })

  test('DEPLOY-16 minReadySeconds is copied to the ReplicaSet and delays availability', () => {
    const t = deploymentHarness()
    t.client.create('Deployment', 'default', webDeployment(2, 'nginx:1.25', { minReadySeconds: 5 }))
    t.clock.advance(0)
    expect(replicaSets(t)[0]?.spec?.minReadySeconds).toBe(5)
    readyAll(t)
    t.clock.advance(5000)
    expect(getWeb(t).status).toMatchObject({ readyReplicas: 2, unavailableReplicas: 2 })
    t.clock.advance(1)
    expect(getWeb(t).status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 })
    expect(getWeb(t).status?.unavailableReplicas).toBeUndefined()
  })

  test("DEPLOY-14 a ReplicaSet's ReplicaFailure shows on the Deployment", () => {
    const t = deploymentHarness()
    const d = webDeployment(2)
    const spec = d.spec as { template: { spec: Record<string, unknown> } }
    spec.template.spec.serviceAccountName = 'missing'
    t.client.create('Deployment', 'default', d)
    t.clock.advance(100)
    expect(brief(cond(t, 'ReplicaFailure'))).toEqual({
      status: 'True',
      reason: 'FailedCreate',
      message: `pods "${replicaSets(t)[0]?.metadata.name}-" is forbidden: error looking up service account default/missing: serviceaccount "missing" not found`,
    })
  })

  test('DEPLOY-2 DEPLOY-13 adopts an orphan ReplicaSet with its template as the new ReplicaSet', () => {
    const t = stoppedHarness()
    t.client.create('Deployment', 'default', webDeployment(2))
    const template = getWeb(t).spec?.template
    t.client.create('ReplicaSet', 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-manual', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
    })
    const reasons: string[] = []
    t.server.watch(
      {
        method: 'GET',
        path: '/apis/apps/v1/namespaces/default/deployments',
        query: { resourceVersion: getWeb(t).metadata.resourceVersion },
      },
      (e) => {
        const r =
          (
            e.object as { status?: { conditions?: DeploymentCondition[] } }
          ).status?.conditions?.find((c) => c.type === 'Progressing')?.reason ?? ''
        if (r !== reasons[reasons.length - 1]) reasons.push(r)
      },
    )
    t.start()
    settle(t, 3)
    expect(reasons).toEqual(['FoundNewReplicaSet', 'ReplicaSetUpdated', 'NewReplicaSetAvailable'])
    const rss = replicaSets(t)
    expect(rss.map((rs) => rs.metadata.name)).toEqual(['web-manual'])
    expect(rss[0]?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    })
    expect(rss[0]?.metadata.annotations?.[revisionAnnotation]).toBe('1')
    expect(activePods(t)).toHaveLength(2)
  })

  test('DEPLOY-3 a hash collision bumps collisionCount and the next name is used', () => {
    const t = stoppedHarness()
    t.client.create('Deployment', 'default', webDeployment(1))
    const template = getWeb(t).spec?.template
    if (!template) throw new Error('no template')
    const hash = computeHash(template, undefined)
    // Someone else's ReplicaSet already has the name.
    t.client.create('ReplicaSet', 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `web-${hash}`, labels: { app: 'other' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'other' } },
        template: { metadata: { labels: { app: 'other' } }, spec: template.spec },
      },
    })
    t.start()
    t.clock.advance(100)
    expect(getWeb(t).status?.collisionCount).toBe(1)
    const ours = t
      .list<ReplicaSet>('ReplicaSet')
      .filter((rs) => rs.metadata.ownerReferences?.length)
    expect(ours.map((rs) => rs.metadata.name)).toEqual([`web-${computeHash(template, 1)}`])
  })
})
