/**
 * syncDeployment: the Deployment controller's reconcile. Claims the ReplicaSets the
 * Deployment should own, then does the one thing its state calls for: status only (being
 * deleted), scaling (paused, or a scaling event), or a step of its rollout strategy.
 * Mirrors pkg/controller/deployment/deployment_controller.go (syncDeployment,
 * getReplicaSetsForDeployment, getPodMapForDeployment)
 */
import { deepCopy, deepEqual } from '../../util/json'
import type { ReconcileResult } from '../runtime/controller'
import { claimObjects } from '../replicaset/claim'
import { byControllerUID, claimCandidates } from '../replicaset/indexes'
import { specSelector } from '../replicaset/selectors'
import { appsV1, type Deployment, type Pod, type ReplicaSet } from '../replicaset/types'
import { updateDeploymentStatus, type DeploymentContext, type Err } from './context'
import { rolloutRecreate } from './recreate'
import { rolloutRolling } from './rolling'
import { checkPausedConditions, isScalingEvent, sync, syncStatusOnly } from './sync'

/** getReplicaSetsForDeployment: adopt and release ReplicaSets; those the Deployment owns. */
export function getReplicaSetsForDeployment(
  dc: DeploymentContext,
  d: Deployment,
): { ok: true; rsList: ReplicaSet[] } | { ok: false; error: string } {
  const sel = specSelector(d)
  if (!sel.ok)
    return {
      ok: false,
      error: `deployment ${d.metadata.namespace ?? ''}/${d.metadata.name} has invalid label selector: ${sel.error}`,
    }
  const selector = sel.selector
  const claim = claimObjects<ReplicaSet>(claimCandidates(dc.rsInformer, d), {
    controller: d,
    controllerApiVersion: appsV1,
    controllerKind: 'Deployment',
    objectKind: 'ReplicaSet',
    match: (rs) => selector.matches(rs.metadata.labels),
    client: dc.client,
  })
  if (claim.error !== undefined) return { ok: false, error: claim.error }
  return { ok: true, rsList: claim.claimed }
}

/**
 * getPodMapForDeployment: the pods the Deployment selects, by the uid of the ReplicaSet (of
 * rsList) that controls them; inactive pods included (Recreate waits for them).
 */
export function getPodMapForDeployment(
  dc: DeploymentContext,
  d: Deployment,
  rsList: readonly ReplicaSet[],
): Map<string, Pod[]> {
  const podMap = new Map<string, Pod[]>()
  const sel = specSelector(d)
  for (const rs of rsList) {
    const pods = dc.podInformer.byIndex(byControllerUID, rs.metadata.uid)
    podMap.set(
      rs.metadata.uid,
      sel.ok
        ? pods.filter(
            (p) =>
              p.metadata.namespace === d.metadata.namespace &&
              sel.selector.matches(p.metadata.labels),
          )
        : [],
    )
  }
  return podMap
}

// handleErr forgets, rather than retries, a failure caused by the namespace being terminated:
// every later create would fail the same way (the NamespaceTerminating cause's message).
const terminating = / because it is being terminated$/
const asResult = (err: Err): ReconcileResult =>
  err === undefined || terminating.test(err) ? undefined : { retry: err }

/** Reconcile one Deployment by key. */
export function syncDeployment(dc: DeploymentContext, key: string): ReconcileResult {
  const cached = dc.dInformer.get(key)
  if (!cached) return undefined
  // Work on a copy: informer objects are shared and frozen.
  const d = deepCopy(cached) as Deployment

  if (deepEqual(d.spec?.selector ?? null, {})) {
    dc.recorder.event(
      d,
      'Warning',
      'SelectingAll',
      'This deployment is selecting all pods. A non-empty selector is required.',
    )
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      d.status = { ...d.status, observedGeneration: d.metadata.generation ?? 0 }
      updateDeploymentStatus(dc, d)
    }
    return undefined
  }

  const claimed = getReplicaSetsForDeployment(dc, d)
  if (!claimed.ok) return { retry: claimed.error }
  const rsList = claimed.rsList

  if (d.metadata.deletionTimestamp) return asResult(syncStatusOnly(dc, d, rsList))

  // Pausing and resuming set Progressing to Unknown, so a resumed Deployment does not time out.
  const pausedErr = checkPausedConditions(dc, d)
  if (pausedErr !== undefined) return { retry: pausedErr }

  if (d.spec?.paused) return asResult(sync(dc, d, rsList))

  // (spec.rollbackTo does not exist in apps/v1: `kubectl rollout undo` rewrites the template.)
  const scaling = isScalingEvent(dc, d, rsList)
  if (!scaling.ok) return { retry: scaling.error }
  if (scaling.value) return asResult(sync(dc, d, rsList))

  switch (d.spec?.strategy?.type) {
    case 'Recreate':
      return asResult(rolloutRecreate(dc, d, rsList, getPodMapForDeployment(dc, d, rsList)))
    case 'RollingUpdate':
      return asResult(rolloutRolling(dc, d, rsList))
  }
  return { retry: `unexpected deployment strategy type: ${d.spec?.strategy?.type ?? ''}` }
}
