import { describe, expect, test } from 'vitest'
import type { DeploymentStatus } from 'kubernetes-types/apps/v1'
import type { Deployment, ReplicaSet } from '../../replicaset/types'
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getProportion,
  isSaturated,
  newRSNewReplicas,
} from './rollout'

// Rows from pkg/controller/deployment/util/deployment_util_test.go.

function dep(
  spec: Record<string, unknown>,
  status: DeploymentStatus = {},
  generation = 1,
): Deployment {
  return {
    metadata: { name: 'nginx', uid: 'u', resourceVersion: '1', generation },
    spec: { selector: {}, template: {}, ...spec },
    status,
  } as unknown as Deployment
}
function rs(replicas: number, annotations: Record<string, string> = {}, available = 0): ReplicaSet {
  return {
    metadata: { name: 'rs', uid: `rs-${replicas}`, resourceVersion: '1', annotations },
    spec: { replicas, selector: {}, template: {} },
    status: { replicas, availableReplicas: available },
  } as unknown as ReplicaSet
}
const rolling = (maxSurge: number | string, maxUnavailable: number | string) => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxSurge, maxUnavailable },
})

describe('DEPLOY-13 DeploymentComplete (TestDeploymentComplete)', () => {
  const d = (
    desired: number,
    current: number,
    updated: number,
    available: number,
    maxUnavailable: number,
    maxSurge: number,
  ) =>
    dep(
      { replicas: desired, strategy: rolling(maxSurge, maxUnavailable) },
      { replicas: current, updatedReplicas: updated, availableReplicas: available },
      0,
    )
  test.each([
    {
      name: 'not complete: min but not all pods become available',
      d: d(5, 5, 5, 4, 1, 0),
      want: false,
    },
    { name: 'not complete: min availability is not honored', d: d(5, 5, 5, 3, 1, 0), want: false },
    { name: 'complete', d: d(5, 5, 5, 5, 0, 0), want: true },
    {
      name: 'not complete: all pods are available but not updated',
      d: d(5, 5, 4, 5, 0, 0),
      want: false,
    },
    { name: 'not complete: still running old pods', d: d(1, 2, 1, 1, 0, 1), want: false },
    {
      name: 'not complete: one replica deployment never comes up',
      d: d(1, 1, 1, 0, 1, 1),
      want: false,
    },
  ])('DEPLOY-13 $name', ({ d: dd, want }) => {
    expect(deploymentComplete(dd, dd.status ?? {})).toBe(want)
  })
  test('DEPLOY-13 not complete until the current generation is observed', () => {
    const dd = {
      ...d(5, 5, 5, 5, 0, 0),
      metadata: { name: 'nginx', uid: 'u', resourceVersion: '1', generation: 2 },
    } as Deployment
    expect(deploymentComplete(dd, { ...dd.status, observedGeneration: 1 })).toBe(false)
    expect(deploymentComplete(dd, { ...dd.status, observedGeneration: 2 })).toBe(true)
  })
})

describe('DEPLOY-13 DeploymentProgressing (TestDeploymentProgressing)', () => {
  const st = (
    current: number,
    updated: number,
    ready: number,
    available: number,
  ): DeploymentStatus => ({
    replicas: current,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
  })
  test.each([
    { name: 'progressing: updated pods', old: st(10, 4, 4, 4), now: st(10, 6, 4, 4), want: true },
    { name: 'not progressing', old: st(10, 4, 4, 4), now: st(10, 4, 4, 4), want: false },
    {
      name: 'progressing: old pods removed',
      old: st(10, 4, 6, 6),
      now: st(8, 4, 6, 6),
      want: true,
    },
    {
      name: 'not progressing: less new pods',
      old: st(10, 7, 3, 3),
      now: st(10, 6, 3, 3),
      want: false,
    },
    {
      name: 'progressing: less overall but more new pods',
      old: st(10, 4, 7, 7),
      now: st(8, 8, 5, 5),
      want: true,
    },
    {
      name: 'progressing: more ready pods',
      old: st(10, 10, 9, 8),
      now: st(10, 10, 10, 8),
      want: true,
    },
    {
      name: 'progressing: more available pods',
      old: st(10, 10, 10, 9),
      now: st(10, 10, 10, 10),
      want: true,
    },
  ])('DEPLOY-13 $name', ({ old, now, want }) => {
    expect(deploymentProgressing(dep({}, old), now)).toBe(want)
  })
})

describe('DEPLOY-13 DeploymentTimedOut (TestDeploymentTimedOut)', () => {
  const at = (min: number, sec: number) => Date.UTC(2016, 0, 1, 0, min, sec)
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')
  const d = (reason: string, pds: number | undefined, from: number) =>
    dep(
      { progressDeadlineSeconds: pds },
      { conditions: [{ type: 'Progressing', status: 'True', reason, lastUpdateTime: iso(from) }] },
    )
  test.each([
    {
      name: 'nil progressDeadlineSeconds specified - no timeout',
      d: d('', undefined, at(1, 9)),
      now: at(1, 20),
      want: false,
    },
    {
      name: 'infinite progressDeadlineSeconds specified - no timeout',
      d: d('', 2147483647, at(1, 9)),
      now: at(1, 20),
      want: false,
    },
    {
      name: 'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s',
      d: d('', 10, at(1, 9)),
      now: at(1, 20),
      want: true,
    },
    {
      name: 'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s',
      d: d('', 10, at(1, 11)),
      now: at(1, 20),
      want: false,
    },
    {
      name: 'previous status was a complete deployment',
      d: d('NewReplicaSetAvailable', 10, 0),
      now: at(1, 20),
      want: false,
    },
  ])('DEPLOY-13 $name', ({ d: dd, now, want }) => {
    expect(deploymentTimedOut(dd, dd.status ?? {}, now)).toBe(want)
  })
})

describe('DEPLOY-7 NewRSNewReplicas (TestNewRSNewReplicas)', () => {
  test.each([
    {
      name: 'can not scale up - to newRSReplicas',
      type: 'RollingUpdate',
      depReplicas: 1,
      newRSReplicas: 5,
      maxSurge: 1,
      want: 5,
    },
    {
      name: 'scale up - to depReplicas',
      type: 'RollingUpdate',
      depReplicas: 6,
      newRSReplicas: 2,
      maxSurge: 10,
      want: 6,
    },
    {
      name: 'recreate - to depReplicas',
      type: 'Recreate',
      depReplicas: 3,
      newRSReplicas: 1,
      maxSurge: 1,
      want: 3,
    },
  ])('DEPLOY-7 $name', ({ type, depReplicas, newRSReplicas, maxSurge, want }) => {
    const d = dep({
      replicas: depReplicas,
      strategy: { type, rollingUpdate: { maxSurge, maxUnavailable: 1 } },
    })
    expect(newRSNewReplicas(d, [rs(5)], rs(newRSReplicas))).toEqual({ ok: true, value: want })
  })
})

describe('DEPLOY-9 proportions (GetProportion, IsSaturated)', () => {
  const d = (replicas: number, statusReplicas = 0) =>
    dep({ replicas, strategy: rolling(2, 0) }, { replicas: statusReplicas })
  test.each([
    {
      name: 'scale 10→20 with max 12: half of 6 pods grows to 14×6/12 = 11',
      rs: rs(6, { 'deployment.kubernetes.io/max-replicas': '12' }),
      d: d(20),
      toAdd: 10,
      added: 0,
      want: 5,
    },
    {
      name: 'capped by what is left to add',
      rs: rs(6, { 'deployment.kubernetes.io/max-replicas': '12' }),
      d: d(20),
      toAdd: 10,
      added: 8,
      want: 2,
    },
    {
      name: 'scale down to zero: the whole size',
      rs: rs(4),
      d: d(0),
      toAdd: -6,
      added: 0,
      want: -4,
    },
    {
      name: 'no annotation: falls back to status.replicas',
      rs: rs(3),
      d: d(12, 6),
      toAdd: 6,
      added: 0,
      want: 4,
    },
    { name: 'empty ReplicaSet gets nothing', rs: rs(0), d: d(12), toAdd: 6, added: 0, want: 0 },
  ])('DEPLOY-9 $name', ({ rs: r, d: dd, toAdd, added, want }) => {
    expect(getProportion(r, dd, toAdd, added)).toBe(want)
  })
  test.each([
    {
      name: 'saturated',
      rs: rs(3, { 'deployment.kubernetes.io/desired-replicas': '3' }, 3),
      want: true,
    },
    {
      name: 'not all available',
      rs: rs(3, { 'deployment.kubernetes.io/desired-replicas': '3' }, 2),
      want: false,
    },
    {
      name: 'annotation differs',
      rs: rs(3, { 'deployment.kubernetes.io/desired-replicas': '2' }, 3),
      want: false,
    },
    { name: 'no annotation', rs: rs(3, {}, 3), want: false },
  ])('DEPLOY-9 IsSaturated: $name', ({ rs: r, want }) => {
    expect(isSaturated(dep({ replicas: 3, strategy: rolling(1, 0) }), r)).toBe(want)
  })
})
