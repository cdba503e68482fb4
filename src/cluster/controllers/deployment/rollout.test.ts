import { describe, expect, test } from 'vitest'
import type { WatchEvent } from '../../apiserver/watch'
import type { Pod } from '../replicaset/types'
import {
  activePods,
  deploymentHarness,
  getWeb,
  imageOf,
  isReady,
  readyAll,
  replicaSets,
  setImage,
  webDeployment,
} from './testHelpers'

interface Row {
  name: string
  replicas: number
  maxSurge: number | string
  maxUnavailable: number | string
  maxPods: number
  minAvailable: number
}

// replicas × maxSurge × maxUnavailable → the most pods during the rollout (replicas + surge,
// surge rounded up) and the fewest available (replicas - unavailable, rounded down; 1 when both
// resolve to 0).
const fenceposts: Row[] = [
  {
    name: '10 × 25% × 25%',
    replicas: 10,
    maxSurge: '25%',
    maxUnavailable: '25%',
    maxPods: 13,
    minAvailable: 8,
  },
  {
    name: '10 × 1 × 0',
    replicas: 10,
    maxSurge: 1,
    maxUnavailable: 0,
    maxPods: 11,
    minAvailable: 10,
  },
  {
    name: '10 × 0 × 1',
    replicas: 10,
    maxSurge: 0,
    maxUnavailable: 1,
    maxPods: 10,
    minAvailable: 9,
  },
  {
    name: '10 × 3 × 2',
    replicas: 10,
    maxSurge: 3,
    maxUnavailable: 2,
    maxPods: 13,
    minAvailable: 8,
  },
  {
    name: '10 × 30% × 30%',
    replicas: 10,
    maxSurge: '30%',
    maxUnavailable: '30%',
    maxPods: 13,
    minAvailable: 7,
  },
  {
    name: '10 × 100% × 0',
    replicas: 10,
    maxSurge: '100%',
    maxUnavailable: 0,
    maxPods: 20,
    minAvailable: 10,
  },
  {
    name: '3 × 25% × 25% (surge 1, unavailable 0)',
    replicas: 3,
    maxSurge: '25%',
    maxUnavailable: '25%',
    maxPods: 4,
    minAvailable: 3,
  },
  {
    name: '1 × 25% × 25% (surge 1, unavailable 0)',
    replicas: 1,
    maxSurge: '25%',
    maxUnavailable: '25%',
    maxPods: 2,
    minAvailable: 1,
  },
  {
    name: '1 × 0 × 10% (both 0: unavailable 1)',
    replicas: 1,
    maxSurge: 0,
    maxUnavailable: '10%',
    maxPods: 1,
    minAvailable: 0,
  },
  {
    name: '5 × 0 × 100%',
    replicas: 5,
    maxSurge: 0,
    maxUnavailable: '100%',
    maxPods: 5,
    minAvailable: 0,
  },
]

/** Roll out v2 making one new pod Ready at a time; watch pods throughout. */
function rollOut(row: Pick<Row, 'replicas' | 'maxSurge' | 'maxUnavailable'>) {
  const t = deploymentHarness()
  t.client.create(
    'Deployment',
    'default',
    webDeployment(row.replicas, 'nginx:1.25', {
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: row.maxSurge, maxUnavailable: row.maxUnavailable },
      },
    }),
  )
  t.clock.advance(0)
  readyAll(t)
  t.clock.advance(1000)
  expect(activePods(t).filter(isReady)).toHaveLength(row.replicas)

  // Start from a list, then watch from its resourceVersion: every later change, one by one.
  const listed = t.server.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods' })
    .body as { metadata: { resourceVersion: string }; items: Pod[] }
  const pods = new Map<string, Pod>(
    listed.items.filter((p) => !p.metadata.deletionTimestamp).map((p) => [p.metadata.name, p]),
  )
  let maxPods = pods.size
  let minAvailable = [...pods.values()].filter(isReady).length
  const onEvent = (e: WatchEvent): void => {
    const p = e.object as Pod
    if (e.type === 'DELETED' || p.metadata.deletionTimestamp) pods.delete(p.metadata.name)
    else pods.set(p.metadata.name, p)
    maxPods = Math.max(maxPods, pods.size)
    minAvailable = Math.min(minAvailable, [...pods.values()].filter(isReady).length)
  }
  const stop = t.server.watch(
    {
      method: 'GET',
      path: '/api/v1/namespaces/default/pods',
      query: { resourceVersion: listed.metadata.resourceVersion },
    },
    onEvent,
  )
  setImage(t, 'nginx:1.26')
  let steps = 0
  for (; steps < 200; steps++) {
    t.clock.advance(1000)
    const next = activePods(t).find((p) => imageOf(p) === 'nginx:1.26' && !isReady(p))
    if (!next) break
    t.makeReady(next.metadata.name)
  }
  t.clock.advance(1000)
  stop()
  return { t, maxPods, minAvailable, steps }
}

describe('DEPLOY-6 DEPLOY-7 rolling update fenceposts, observed through watch', () => {
  test.each(fenceposts)(
    'DEPLOY-6 $name → at most $maxPods pods, at least $minAvailable available',
    (row) => {
      const { t, maxPods, minAvailable, steps } = rollOut(row)
      expect(maxPods).toBe(row.maxPods)
      expect(minAvailable).toBe(row.minAvailable)
      // The rollout finished: every pod is v2 and Ready, the old ReplicaSet is at 0.
      expect(steps).toBe(row.replicas)
      expect(activePods(t).map(imageOf)).toEqual(Array(row.replicas).fill('nginx:1.26'))
      const [oldRS, newRS] = replicaSets(t)
      expect(oldRS?.spec?.replicas).toBe(0)
      expect(newRS?.status).toMatchObject({
        replicas: row.replicas,
        availableReplicas: row.replicas,
      })
      expect(getWeb(t).status).toMatchObject({
        replicas: row.replicas,
        updatedReplicas: row.replicas,
        availableReplicas: row.replicas,
      })
      expect(t.errors).toEqual([])
    },
  )
})

describe('DEPLOY-7 DEPLOY-8 a 10-replica rolling update step by step', () => {
  test('DEPLOY-8 ScalingReplicaSet events as the new pods become Ready one by one (25%/25%)', () => {
    const { t } = rollOut({ replicas: 10, maxSurge: '25%', maxUnavailable: '25%' })
    const [oldRS, newRS] = replicaSets(t).map((r) => r.metadata.name) as [string, string]
    const up = (n: number, from?: number) =>
      `ScalingReplicaSet Scaled up replica set ${newRS} to ${n}${from === undefined ? '' : ` from ${from}`}`
    const down = (n: number, from: number) =>
      `ScalingReplicaSet Scaled down replica set ${oldRS} to ${n} from ${from}`
    expect(
      t
        .events()
        .filter((e) => e.startsWith('ScalingReplicaSet'))
        .slice(1),
    ).toEqual([
      up(3),
      down(8, 10),
      up(5, 3),
      down(7, 8),
      up(6, 5),
      down(6, 7),
      up(7, 6),
      down(5, 6),
      up(8, 7),
      down(4, 5),
      up(9, 8),
      down(3, 4),
      up(10, 9),
      down(2, 3),
      down(1, 2),
      down(0, 1),
    ])
  })
})
