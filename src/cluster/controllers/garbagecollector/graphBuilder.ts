/**
 * The graph builder: informer events of every monitored kind update the dependency graph and
 * queue the nodes whose fate may have changed (dependents of a deleted owner, owners starting a
 * foreground or orphan deletion, owners unblocked by a removed reference). It only updates an
 * in-memory index and queues uids, as an informer handler should; the API writes happen in
 * the reconcilers.
 * Mirrors pkg/controller/garbagecollector/graph_builder.go processGraphChanges
 */
import type { OwnerReference, StoredObject } from '../../api/types'
import { addDependent, referenceMatches, referencesDiffs, type GraphNode, type ObjectIdentity, type OwnerRefPair } from './graph'

/** The finalizer of propagationPolicy Foreground (metav1.FinalizerDeleteDependents). */
export const foregroundFinalizer = 'foregroundDeletion'
/** The finalizer of propagationPolicy Orphan (metav1.FinalizerOrphanDependents). */
export const orphanFinalizer = 'orphan'

/** What the builder tells the collector. */
export interface GraphBuilderSinks {
  attemptToDelete(uid: string): void
  attemptToOrphan(uid: string): void
  /** A dependent names an observed owner that lives in another namespace. */
  invalidNamespaceOwnerRef(dependent: GraphNode, ownerRef: OwnerReference): void
}

/** The graph and the entry points that change it. */
export interface GraphBuilder {
  uidToNode: Map<string, GraphNode>
  /** An informer event: add, update (with the old object) or delete. */
  observe(type: 'add' | 'update' | 'delete', obj: StoredObject, old?: StoredObject): void
  /** The API says a virtual node's object does not exist: drop it and re-check its dependents. */
  virtualDelete(n: GraphNode): void
}

const hasFinalizer = (obj: StoredObject | undefined, f: string): boolean => (obj?.metadata.finalizers ?? []).includes(f)
const beingDeleted = (obj: StoredObject | undefined): boolean => !!obj?.metadata.deletionTimestamp

function identityOf(obj: StoredObject): ObjectIdentity {
  const m = obj.metadata
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: m.name, uid: m.uid, namespace: m.namespace ?? '' }
}

function sameIdentity(a: ObjectIdentity, b: ObjectIdentity): boolean {
  return a.uid === b.uid && a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace
}

/** A deletion starts with this finalizer now (it did not before). */
function deletionStartsWithFinalizer(old: StoredObject | undefined, obj: StoredObject, finalizer: string): boolean {
  if (!beingDeleted(obj) || !hasFinalizer(obj, finalizer)) return false
  if (!old) return true
  return !beingDeleted(old) || !hasFinalizer(old, finalizer)
}

/** Create the builder. */
export function createGraphBuilder(sinks: GraphBuilderSinks): GraphBuilder {
  const uidToNode = new Map<string, GraphNode>()

  // Mirrors graph_builder.go addDependentToOwners: unknown owners become virtual nodes to verify.
  function addDependentToOwners(n: GraphNode, owners: readonly OwnerReference[]): void {
    let potentiallyInvalid = false
    for (const ref of owners) {
      let owner = uidToNode.get(ref.uid)
      if (!owner) {
        owner = {
          identity: { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace: n.identity.namespace },
          owners: [],
          dependents: undefined,
          observed: false,
          beingDeleted: false,
          deletingDependents: false,
        }
        uidToNode.set(ref.uid, owner)
        addDependent(owner, n)
        sinks.attemptToDelete(ref.uid)
        continue
      }
      addDependent(owner, n)
      if (potentiallyInvalid) continue
      const ownerNamespaced = owner.identity.namespace !== ''
      if (ownerNamespaced && owner.identity.namespace !== n.identity.namespace) {
        if (owner.observed) sinks.invalidNamespaceOwnerRef(n, ref)
        potentiallyInvalid = true
      } else if (!referenceMatches(ref, owner.identity)) {
        potentiallyInvalid = true
      } else if (!ownerNamespaced && owner.identity.namespace !== n.identity.namespace && !owner.observed) {
        potentiallyInvalid = true
      }
    }
    if (potentiallyInvalid) sinks.attemptToDelete(n.identity.uid)
  }

  function removeDependentFromOwners(n: GraphNode, owners: readonly OwnerReference[]): void {
    for (const ref of owners) uidToNode.get(ref.uid)?.dependents?.delete(n)
  }

  function removeNode(n: GraphNode): void {
    uidToNode.delete(n.identity.uid)
    removeDependentFromOwners(n, n.owners)
  }

  // A removed or unblocked blocking reference may let a foreground deletion finish.
  function addUnblockedOwnersToDeleteQueue(removed: readonly OwnerReference[], changed: readonly OwnerRefPair[]): void {
    for (const ref of removed) if (ref.blockOwnerDeletion === true && uidToNode.has(ref.uid)) sinks.attemptToDelete(ref.uid)
    for (const { oldRef, newRef } of changed) {
      if (oldRef.blockOwnerDeletion === true && newRef.blockOwnerDeletion !== true && uidToNode.has(newRef.uid)) sinks.attemptToDelete(newRef.uid)
    }
  }

  function processTransitions(old: StoredObject | undefined, obj: StoredObject, n: GraphNode): void {
    if (deletionStartsWithFinalizer(old, obj, orphanFinalizer)) {
      sinks.attemptToOrphan(n.identity.uid)
      return
    }
    if (deletionStartsWithFinalizer(old, obj, foregroundFinalizer)) {
      n.deletingDependents = true
      for (const dep of n.dependents ?? []) sinks.attemptToDelete(dep.identity.uid)
      sinks.attemptToDelete(n.identity.uid)
    }
  }

  function observeRemoval(n: GraphNode): void {
    removeNode(n)
    for (const dep of n.dependents ?? []) sinks.attemptToDelete(dep.identity.uid)
    for (const ref of n.owners) {
      const owner = uidToNode.get(ref.uid)
      // Lets a foreground deletion waiting on this dependent check whether it is done.
      if (owner?.deletingDependents) sinks.attemptToDelete(ref.uid)
    }
  }

  return {
    uidToNode,
    observe(type, obj, old) {
      const identity = identityOf(obj)
      let existing = uidToNode.get(identity.uid)
      if (type === 'delete') {
        if (existing) observeRemoval(existing)
        return
      }
      if (existing && !existing.observed) {
        if (!sameIdentity(existing.identity, identity)) {
          // Dependents that named the owner by other coordinates are checked again.
          for (const dep of existing.dependents ?? []) {
            if (!dep.owners.some((r) => r.uid === identity.uid && referenceMatches(r, identity)) || (identity.namespace !== '' && dep.identity.namespace !== identity.namespace)) {
              sinks.attemptToDelete(dep.identity.uid)
            }
          }
          existing.identity = identity
        }
        existing.observed = true
      }
      const refs = obj.metadata.ownerReferences ?? []
      if (!existing) {
        existing = {
          identity,
          owners: refs,
          dependents: undefined,
          observed: true,
          beingDeleted: beingDeleted(obj),
          deletingDependents: beingDeleted(obj) && hasFinalizer(obj, foregroundFinalizer),
        }
        uidToNode.set(identity.uid, existing)
        addDependentToOwners(existing, refs)
        processTransitions(old, obj, existing)
        return
      }
      if (existing.identity.apiVersion !== identity.apiVersion || existing.identity.kind !== identity.kind) existing.identity = identity
      const { added, removed, changed } = referencesDiffs(existing.owners, refs)
      if (added.length || removed.length || changed.length) {
        addUnblockedOwnersToDeleteQueue(removed, changed)
        existing.owners = refs
        addDependentToOwners(existing, added)
        removeDependentFromOwners(existing, removed)
      }
      if (beingDeleted(obj)) existing.beingDeleted = true
      processTransitions(old, obj, existing)
    },
    virtualDelete(n) {
      if (uidToNode.get(n.identity.uid) !== n || n.observed) return
      observeRemoval(n)
    },
  }
}
