import { describe, expect, test } from 'vitest'
import type { Deployment } from '../../replicaset/types'
import {
  maxRevision,
  revisionAnnotation,
  revisionHistoryAnnotation,
  setNewReplicaSetAnnotations,
} from './annotations'

const dep = (annotations: Record<string, string> = {}) =>
  ({
    metadata: { name: 'web', uid: 'u', resourceVersion: '1', annotations },
    spec: {
      replicas: 4,
      selector: {},
      template: {},
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
    },
  }) as unknown as Deployment
const target = (annotations: Record<string, string>) => ({
  metadata: { annotations: { ...annotations } },
})

describe('DEPLOY-4 revisions (SetNewReplicaSetAnnotations)', () => {
  test.each([
    {
      name: 'a new ReplicaSet gets the revision and the replicas annotations',
      rs: {},
      exists: false,
      rev: '1',
      want: {
        [revisionAnnotation]: '1',
        'deployment.kubernetes.io/desired-replicas': '4',
        'deployment.kubernetes.io/max-replicas': '5',
      },
    },
    {
      name: 'an old ReplicaSet reused by a rollback keeps its old revision in the history',
      rs: { [revisionAnnotation]: '1' },
      exists: true,
      rev: '3',
      want: { [revisionAnnotation]: '3', [revisionHistoryAnnotation]: '1' },
    },
    {
      name: 'the history grows',
      rs: { [revisionAnnotation]: '3', [revisionHistoryAnnotation]: '1' },
      exists: true,
      rev: '5',
      want: { [revisionAnnotation]: '5', [revisionHistoryAnnotation]: '1,3' },
    },
    {
      name: 'a higher revision is never lowered',
      rs: { [revisionAnnotation]: '7' },
      exists: true,
      rev: '5',
      want: { [revisionAnnotation]: '7' },
    },
  ])('DEPLOY-4 $name', ({ rs, exists, rev, want }) => {
    const t = target(rs as Record<string, string>)
    setNewReplicaSetAnnotations(dep(), t, rev, exists, 2000)
    expect(t.metadata.annotations).toEqual(want)
  })

  test("DEPLOY-4 the Deployment's own annotations are copied, but not the skipped ones", () => {
    const t = target({})
    const changed = setNewReplicaSetAnnotations(
      dep({
        team: 'a',
        [revisionAnnotation]: '9',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        'kubernetes.io/change-cause': 'v2',
      }),
      t,
      '2',
      true,
      2000,
    )
    expect(changed).toBe(true)
    expect(t.metadata.annotations).toEqual({
      team: 'a',
      'kubernetes.io/change-cause': 'v2',
      [revisionAnnotation]: '2',
    })
  })

  test('DEPLOY-4 the revision history is cut from the front to the character limit', () => {
    const t = target({ [revisionAnnotation]: '40', [revisionHistoryAnnotation]: '10,20,30' })
    setNewReplicaSetAnnotations(dep(), t, '41', true, 8)
    expect(t.metadata.annotations[revisionHistoryAnnotation]).toBe('20,30,40')
  })

  test.each([
    { name: 'none', revs: [], want: 0 },
    { name: 'max of several', revs: ['1', '7', '3'], want: 7 },
    { name: 'unparsable skipped', revs: ['x', '2'], want: 2 },
  ])('DEPLOY-4 MaxRevision: $name', ({ revs, want }) => {
    const rss = revs.map(
      (r) =>
        ({
          metadata: {
            name: r,
            uid: r,
            resourceVersion: '1',
            annotations: { [revisionAnnotation]: r },
          },
        }) as never,
    )
    expect(maxRevision(rss)).toBe(want)
  })
})
