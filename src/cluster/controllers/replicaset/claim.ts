/**
 * The ControllerRefManager: a controller claims the objects it should own. It keeps what it
 * owns and still selects, adopts orphans it selects (after re-reading itself from the API to
 * be sure it is not being deleted), and releases what it owns but no longer selects.
 * Mirrors pkg/controller/controller_ref_manager.go (ClaimObject, ClaimPods,
 * ClaimReplicaSets, RecheckDeletionTimestamp)
 */
import type { StoredObject } from '../../api/types'
import type { Client } from '../runtime/apiClient'
import { aggregateErrors, isInvalid, isNotFound, statusText } from './errors'
import { adoptPatch, getControllerOf, releasePatch } from './ownerRefs'

/** What a claim pass needs to know about the controller. */
export interface ClaimOptions<T extends StoredObject> {
  /** The controller (a fresh copy from its informer). */
  controller: StoredObject
  /** The controller's apiVersion and kind, for the owner reference. */
  controllerApiVersion: string
  controllerKind: string
  /** The kind of the objects claimed ("Pod" or "ReplicaSet"), for the patches. */
  objectKind: 'Pod' | 'ReplicaSet'
  /** Does the controller's selector (and any filter) match the object? */
  match(obj: T): boolean
  client: Client
}

/** The claimed objects and, if any reconciliation failed, the aggregated error. */
export interface ClaimResult<T> {
  claimed: T[]
  error?: string
}

/** ClaimPods / ClaimReplicaSets: claim each object in turn. */
export function claimObjects<T extends StoredObject>(
  objects: readonly T[],
  o: ClaimOptions<T>,
): ClaimResult<T> {
  const claimed: T[] = []
  const errors: string[] = []
  const ctrl = o.controller
  const ctrlUID = ctrl.metadata.uid
  const beingDeleted = Boolean(ctrl.metadata.deletionTimestamp)
  // CanAdopt is checked at most once per pass (sync.Once), and only if an adoption is tried.
  let canAdopt: { error?: string } | undefined
  const checkCanAdopt = (): string | undefined => {
    if (!canAdopt) canAdopt = recheckDeletionTimestamp(o)
    return canAdopt.error
  }
  for (const obj of objects) {
    const ref = getControllerOf(obj)
    if (ref) {
      // Owned by someone else: ignore.
      if (ref.uid !== ctrlUID) continue
      // Owned and selected: ours, even while we are being deleted (that takes no action).
      if (o.match(obj)) {
        claimed.push(obj)
        continue
      }
      if (beingDeleted) continue
      const res = o.client.patch(
        o.objectKind,
        obj.metadata.namespace,
        obj.metadata.name,
        releasePatch(obj.metadata.uid, ctrlUID),
      )
      // A gone object, or one whose reference or uid no longer matches (422), needs no release.
      if (!res.ok && !isNotFound(res.status) && !isInvalid(res.status))
        errors.push(statusText(res.status))
      continue
    }
    // An orphan: adopt it if we select it and neither side is being deleted.
    if (beingDeleted || !o.match(obj)) continue
    if (obj.metadata.deletionTimestamp) continue
    if (ctrl.metadata.namespace && ctrl.metadata.namespace !== obj.metadata.namespace) continue
    const cannot = checkCanAdopt()
    if (cannot !== undefined) {
      errors.push(
        `can't adopt ${o.objectKind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name} (${obj.metadata.uid}): ${cannot}`,
      )
      continue
    }
    const res = o.client.patch(
      o.objectKind,
      obj.metadata.namespace,
      obj.metadata.name,
      adoptPatch(ctrl, o.controllerApiVersion, o.controllerKind, obj.metadata.uid),
    )
    if (!res.ok) {
      if (!isNotFound(res.status)) errors.push(statusText(res.status))
      continue
    }
    claimed.push(obj)
  }
  return errors.length ? { claimed, error: aggregateErrors(errors) } : { claimed }
}

/** RecheckDeletionTimestamp: a live GET of the controller; adoption is refused if it is going. */
function recheckDeletionTimestamp<T extends StoredObject>(o: ClaimOptions<T>): { error?: string } {
  const ctrl = o.controller
  const res = o.client.get(o.controllerKind, ctrl.metadata.namespace, ctrl.metadata.name)
  if (!res.ok) return { error: `can't recheck DeletionTimestamp: ${statusText(res.status)}` }
  const fresh = res.object
  if (fresh.metadata.uid !== ctrl.metadata.uid) {
    const what = o.controllerKind
    return {
      error: `can't recheck DeletionTimestamp: original ${what} ${ctrl.metadata.namespace ?? ''}/${ctrl.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${ctrl.metadata.uid}`,
    }
  }
  if (fresh.metadata.deletionTimestamp) {
    return {
      error: `${fresh.metadata.namespace ?? ''}/${fresh.metadata.name} has just been deleted at ${goTime(fresh.metadata.deletionTimestamp)}`,
    }
  }
  return {}
}

/** A metav1.Time as Go's %v prints it: "2026-01-01 00:00:00 +0000 UTC". */
function goTime(t: string): string {
  return t.replace('T', ' ').replace('Z', ' +0000 UTC')
}
