/**
 * Scaling a Deployment's ReplicaSets: one at a time with the ScalingReplicaSet event, and
 * proportionally across all active ReplicaSets when the Deployment is scaled during a rollout
 * or while paused.
 * Mirrors pkg/controller/deployment/sync.go (scale, scaleReplicaSetAndRecordEvent,
 * scaleReplicaSet)
 */
import { deepCopy } from '../../util/json'
import { statusText } from '../replicaset/errors'
import type { Deployment, ReplicaSet } from '../replicaset/types'
import type { DeploymentContext, Err } from './context'
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util/annotations'
import { desiredReplicas, isRollingUpdate, maxSurge } from './util/intOrPercent'
import {
  bySizeNewer,
  bySizeOlder,
  filterActive,
  findActiveOrLatest,
  replicaCount,
  specReplicas,
} from './util/replicaSets'
import { getProportion, isSaturated } from './util/rollout'

/** The outcome of scaling one ReplicaSet. */
export type ScaleResult =
  { ok: true; scaled: boolean; rs: ReplicaSet } | { ok: false; error: string }

/** scaleReplicaSetAndRecordEvent: scale up or down to newScale (nothing when already there). */
export function scaleReplicaSetAndRecordEvent(
  dc: DeploymentContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): ScaleResult {
  if (specReplicas(rs) === newScale) return { ok: true, scaled: false, rs }
  return scaleReplicaSet(dc, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down')
}

/**
 * scaleReplicaSet: write spec.replicas and the desired/max-replicas annotations if either
 * changed; the event says "Scaled <up|down> replica set <name> to <n> from <m>".
 */
export function scaleReplicaSet(
  dc: DeploymentContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
  operation: string,
): ScaleResult {
  const desired = desiredReplicas(d)
  const max = desired + maxSurge(d)
  const sizeNeedsUpdate = specReplicas(rs) !== newScale
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max))
    return { ok: true, scaled: false, rs }
  const oldScale = specReplicas(rs)
  const copy = deepCopy(rs)
  const body = { ...copy, spec: { ...copy.spec, replicas: newScale } } as ReplicaSet
  setReplicasAnnotations(body, desired, max)
  const res = dc.client.update<ReplicaSet>('ReplicaSet', body)
  if (!res.ok) return { ok: false, error: statusText(res.status) }
  if (sizeNeedsUpdate)
    dc.recorder.event(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${operation} replica set ${res.object.metadata.name} to ${newScale} from ${oldScale}`,
    )
  return { ok: true, scaled: sizeNeedsUpdate, rs: res.object }
}

/**
 * scale: on a scaling event (or while paused), bring the ReplicaSets to the Deployment's size.
 * One active ReplicaSet takes all the replicas; a saturated new one lets the old ones go to
 * zero; otherwise a rolling Deployment spreads the change over its active ReplicaSets in
 * proportion to their size, leftovers to the largest.
 */
export function scale(
  dc: DeploymentContext,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): Err {
  const replicas = desiredReplicas(d)
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs)
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return undefined
    const r = scaleReplicaSetAndRecordEvent(dc, activeOrLatest, replicas, d)
    return r.ok ? undefined : r.error
  }
  // A saturated new ReplicaSet (e.g. after adopting one): scale the old ones down fully.
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) {
      const r = scaleReplicaSetAndRecordEvent(dc, old, 0, d)
      if (!r.ok) return r.error
    }
    return undefined
  }
  if (!isRollingUpdate(d)) return undefined
  const allRSs = filterActive([...oldRSs, newRS])
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0
  const toAdd = allowedSize - replicaCount(allRSs)
  // Scaling up, newer ReplicaSets of equal size go first; scaling down, older ones.
  let operation = ''
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer)
    operation = 'up'
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder)
    operation = 'down'
  }
  let added = 0
  const sizes = new Map<string, number>()
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added)
      sizes.set(rs.metadata.name, specReplicas(rs) + proportion)
      added += proportion
    } else sizes.set(rs.metadata.name, specReplicas(rs))
  }
  for (let i = 0; i < allRSs.length; i++) {
    const rs = allRSs[i] as ReplicaSet
    let size = sizes.get(rs.metadata.name) ?? specReplicas(rs)
    // Leftovers go to (or come from) the largest ReplicaSet.
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added)
    const r = scaleReplicaSet(dc, rs, size, d, operation)
    if (!r.ok) return r.error
  }
  return undefined
}
