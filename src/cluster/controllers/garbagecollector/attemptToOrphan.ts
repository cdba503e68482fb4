/**
 * The attemptToOrphan worker: an owner deleted with propagationPolicy Orphan has its reference
 * removed from every dependent, then its `orphan` finalizer removed, which lets the API server
 * delete it.
 * Mirrors pkg/controller/garbagecollector/garbagecollector.go attemptToOrphanWorker and orphanDependents
 */
import type { ReconcileResult } from '../runtime/controller'
import { dependentsOf, identityString } from './graph'
import { orphanFinalizer, type GraphBuilder } from './graphBuilder'
import { GcError, type Operations } from './operations'

/** Reconcile one uid of the attemptToOrphan queue. */
export function attemptToOrphan(graph: GraphBuilder, ops: Operations, uid: string): ReconcileResult {
  const owner = graph.uidToNode.get(uid)
  if (!owner) return
  const errors: string[] = []
  for (const dep of dependentsOf(owner)) {
    const res = ops.deleteOwnerRefs(dep, [uid])
    // A dependent already gone needs no orphaning.
    if (res instanceof GcError) errors.push(`orphaning ${identityString(dep.identity)} failed, ${res.message}`)
  }
  if (errors.length) {
    const aggregate = errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`
    return { retry: `orphanDependents for ${identityString(owner.identity)} failed with failed to orphan dependents of owner ${identityString(owner.identity)}, got errors: ${aggregate}` }
  }
  const res = ops.removeFinalizer(owner, orphanFinalizer)
  if (res instanceof GcError) return { retry: `removeOrphanFinalizer for ${identityString(owner.identity)} failed with ${res.message}` }
}
