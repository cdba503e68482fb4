/**
 * The Recreate strategy: scale every old ReplicaSet to zero, wait until no old pod is left
 * running, then create (or reuse) the new ReplicaSet at full size.
 * Mirrors pkg/controller/deployment/recreate.go (rolloutRecreate,
 * scaleDownOldReplicaSetsForRecreate, oldPodsRunning, scaleUpNewReplicaSetForRecreate)
 */
import type { Deployment, Pod, ReplicaSet } from '../replicaset/types'
import type { DeploymentContext, Err } from './context'
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet'
import { scaleReplicaSetAndRecordEvent } from './scale'
import { syncRolloutStatus } from './status'
import { cleanupDeployment } from './sync'
import { desiredReplicas } from './util/intOrPercent'
import { actualReplicaCount, filterActive, specReplicas } from './util/replicaSets'
import { deploymentComplete } from './util/rollout'

/** rolloutRecreate: one step of a Recreate rollout; podMap is pods by their ReplicaSet's uid. */
export function rolloutRecreate(
  dc: DeploymentContext,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): Err {
  // Don't create the new ReplicaSet yet: scale down before scaling up.
  let all = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false)
  if (!all.ok) return all.error
  let newRS = all.newRS
  let oldRSs = all.oldRSs
  let allRSs = [...oldRSs, newRS]
  const activeOld = filterActive(oldRSs)

  // Scale down old replica sets.
  let scaledDown = false
  for (const rs of activeOld) {
    if (specReplicas(rs) === 0) continue
    const r = scaleReplicaSetAndRecordEvent(dc, rs, 0, d)
    if (!r.ok) return r.error
    if (r.scaled) scaledDown = true
  }
  if (scaledDown) return syncRolloutStatus(dc, allRSs, newRS, d)

  // Do not go on while old pods still run.
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(dc, allRSs, newRS, d)

  if (!newRS) {
    all = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true)
    if (!all.ok) return all.error
    newRS = all.newRS
    oldRSs = all.oldRSs
    allRSs = [...oldRSs, newRS]
  }
  if (newRS) {
    const r = scaleReplicaSetAndRecordEvent(dc, newRS, desiredReplicas(d), d)
    if (!r.ok) return r.error
  }
  if (deploymentComplete(d, d.status ?? {})) {
    const err = cleanupDeployment(dc, oldRSs, d)
    if (err !== undefined) return err
  }
  return syncRolloutStatus(dc, allRSs, newRS, d)
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or an old pod is not yet finished. */
function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podMap: Map<string, Pod[]>,
): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue
    // Succeeded and Failed pods do not count; Unknown does (the node may still run it).
    if (pods.some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'))
      return true
  }
  return false
}
