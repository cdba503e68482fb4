/**
 * Informer indexes the workload controllers share: objects by the uid of their controller,
 * and orphans (no controller) by namespace. They replace upstream's "list the whole namespace
 * and filter" with lookups, so a sync costs what its own pods cost, not the cluster's.
 */
import type { StoredObject } from '../../api/types'
import type { Informer } from '../runtime/informer'
import { getControllerOf } from './ownerRefs'

/** Index name: objects by their controller's uid. */
export const byControllerUID = 'kubeplay/controller-uid'

/** Index name: objects without a controller, by namespace. */
export const orphansByNamespace = 'kubeplay/orphans-by-namespace'

const indexed = new WeakSet<object>()

/** Add both indexes to a shared informer, once. */
export function ensureOwnerIndexes<T extends StoredObject>(informer: Informer<T>): void {
  if (indexed.has(informer)) return
  indexed.add(informer)
  informer.addIndex(byControllerUID, (obj) => {
    const ref = getControllerOf(obj)
    return ref ? [ref.uid] : []
  })
  informer.addIndex(orphansByNamespace, (obj) =>
    getControllerOf(obj) ? [] : [obj.metadata.namespace ?? ''],
  )
}

/**
 * The objects a controller could claim: those it controls and the namespace's orphans (objects
 * controlled by anyone else are never claimed, so they need not be read).
 */
export function claimCandidates<T extends StoredObject>(
  informer: Informer<T>,
  controller: StoredObject,
): T[] {
  const ns = controller.metadata.namespace ?? ''
  // Upstream lists one namespace; a reference from another namespace is not ours to claim.
  const owned = informer
    .byIndex(byControllerUID, controller.metadata.uid)
    .filter((o) => (o.metadata.namespace ?? '') === ns)
  const orphans = informer.byIndex(orphansByNamespace, ns)
  return orphans.length ? owned.concat(orphans) : owned
}
