/**
 * The attemptToDelete worker: an object whose owners may all be gone is deleted (with the
 * propagation its own finalizers ask for); references to absent owners are dropped while a
 * solid owner remains; an owner in a foreground deletion loses its finalizer once no
 * blocking dependent is left.
 * Mirrors pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem
 */
import type { OwnerReference, StoredObject } from '../../api/types'
import type { ReconcileResult } from '../runtime/controller'
import { blockingDependents, dependentsOf, identityString, type GraphNode } from './graph'
import { foregroundFinalizer, orphanFinalizer, type GraphBuilder } from './graphBuilder'
import { apiResource, GcError, type Operations } from './operations'

/** A reference's owner: gone (dangling), waiting for its dependents, or solid. */
type Classified = { solid: OwnerReference[]; dangling: OwnerReference[]; waiting: OwnerReference[] }

/** What the worker needs. */
export interface AttemptToDeleteDeps {
  graph: GraphBuilder
  ops: Operations
  enqueue(uid: string): void
}

// Mirrors garbagecollector.go classifyReferences and isDangling (absentOwnerCache omitted: reads are local).
function classify(ops: Operations, item: GraphNode, refs: readonly OwnerReference[]): Classified | GcError | 'clusterScopedWithNamespacedOwner' {
  const out: Classified = { solid: [], dangling: [], waiting: [] }
  for (const ref of refs) {
    const info = apiResource(ref.apiVersion, ref.kind)
    if (info instanceof GcError) return info
    if (item.identity.namespace === '' && info.namespaced) return 'clusterScopedWithNamespacedOwner'
    const owner = ops.getObject({ apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace: info.namespaced ? item.identity.namespace : '' })
    if (owner instanceof GcError) return owner
    if (!owner || owner.metadata.uid !== ref.uid) {
      out.dangling.push(ref)
      continue
    }
    if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(foregroundFinalizer)) out.waiting.push(ref)
    else out.solid.push(ref)
  }
  return out
}

function failed(item: GraphNode, e: GcError): ReconcileResult {
  return { retry: e.message.startsWith('unable to get REST mapping') ? e.message : `error syncing item ${identityString(item.identity)}: ${e.message}` }
}

/** Reconcile one uid of the attemptToDelete queue. */
export function attemptToDelete(deps: AttemptToDeleteDeps, uid: string): ReconcileResult {
  const { graph, ops } = deps
  const item = graph.uidToNode.get(uid)
  if (!item) return
  // Being deleted is a one-way trip: wait for the final deletion, then process the dependents.
  if (item.beingDeleted && !item.deletingDependents) return

  const latest = ops.getObject(item.identity)
  if (latest instanceof GcError) return failed(item, latest)
  if (!latest || latest.metadata.uid !== uid) {
    graph.virtualDelete(item)
    return
  }
  if (item.deletingDependents) return processDeletingDependents(deps, item)

  const refs = latest.metadata.ownerReferences ?? []
  if (refs.length === 0) return
  const c = classify(ops, item, refs)
  if (c === 'clusterScopedWithNamespacedOwner') return
  if (c instanceof GcError) return failed(item, c)

  if (c.solid.length > 0) {
    if (c.dangling.length === 0 && c.waiting.length === 0) return
    // Waiting references must go too, or their owners would wait for this object forever.
    const res = ops.deleteOwnerRefs(item, [...c.dangling, ...c.waiting].map((r) => r.uid))
    return res instanceof GcError ? failed(item, res) : undefined
  }
  if (c.waiting.length > 0 && (item.dependents?.size ?? 0) > 0) {
    for (const dep of dependentsOf(item)) {
      if (!dep.deletingDependents) continue
      // A possible cycle: make this object's references non-blocking before deleting it.
      const res = ops.unblockOwnerRefs(item, latest)
      if (res instanceof GcError) return failed(item, res)
      break
    }
    return deleteItem(deps, item, latest, 'Foreground')
  }
  const finalizers = latest.metadata.finalizers ?? []
  const policy = finalizers.includes(orphanFinalizer) ? 'Orphan' : finalizers.includes(foregroundFinalizer) ? 'Foreground' : 'Background'
  return deleteItem(deps, item, latest, policy)
}

function deleteItem(deps: AttemptToDeleteDeps, item: GraphNode, latest: StoredObject, policy: 'Background' | 'Foreground' | 'Orphan'): ReconcileResult {
  const res = deps.ops.deleteObject(item.identity, latest.metadata.resourceVersion, latest.metadata.ownerReferences, policy)
  if (res instanceof GcError) return failed(item, res)
  if (res === 'notFound') deps.graph.virtualDelete(item)
}

// Mirrors garbagecollector.go processDeletingDependentsItem
function processDeletingDependents(deps: AttemptToDeleteDeps, item: GraphNode): ReconcileResult {
  const blocking = blockingDependents(item)
  if (blocking.length === 0) {
    const res = deps.ops.removeFinalizer(item, foregroundFinalizer)
    return res instanceof GcError ? failed(item, res) : undefined
  }
  for (const dep of blocking) if (!dep.deletingDependents) deps.enqueue(dep.identity.uid)
}
