/**
 * Controller references: who controls an object, the reference a controller puts on what it
 * creates, and the strategic-merge patches that adopt and release.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go and
 * pkg/controller/controller_ref_manager.go (ownerRefControllerPatch,
 * deleteOwnerRefStrategicMergePatch)
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1'
import type { StoredObject } from '../../api/types'

/** GetControllerOf: the owner reference with controller: true, if any. */
export function getControllerOf(obj: {
  metadata?: { ownerReferences?: readonly OwnerReference[] }
}): OwnerReference | undefined {
  const refs = obj.metadata?.ownerReferences
  if (!Array.isArray(refs)) return undefined
  return refs.find((r) => r.controller === true)
}

/** NewControllerRef: controller and blockOwnerDeletion both true, in Go's field order. */
export function newControllerRef(
  owner: StoredObject,
  apiVersion: string,
  kind: string,
): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** The patch that makes `owner` the controller of the object with uid `uid` (adoption). */
export function adoptPatch(
  owner: StoredObject,
  apiVersion: string,
  kind: string,
  uid: string,
): unknown {
  return { metadata: { ownerReferences: [newControllerRef(owner, apiVersion, kind)], uid } }
}

/** The patch that removes the owner reference to `ownerUID` from the object `uid` (release). */
export function releasePatch(uid: string, ownerUID: string): unknown {
  return { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUID }], uid } }
}
