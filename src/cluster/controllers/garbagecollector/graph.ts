/**
 * The garbage collector's dependency graph: one node per object uid, with its owners (from
 * ownerReferences) and the nodes that name it as an owner. Owners referenced but not (yet)
 * observed are "virtual" nodes, to be verified against the API.
 * Mirrors pkg/controller/garbagecollector/graph.go
 */
import type { OwnerReference } from '../../api/types'

/** Where an object lives and what it is: an owner reference plus the namespace. */
export interface ObjectIdentity {
  apiVersion: string
  kind: string
  name: string
  uid: string
  /** Empty for cluster-scoped objects. */
  namespace: string
}

/** A node of the graph. */
export interface GraphNode {
  identity: ObjectIdentity
  /** The object's ownerReferences as last observed. */
  owners: readonly OwnerReference[]
  /** Nodes naming this one as an owner; made on first use (most objects own nothing). */
  dependents: Set<GraphNode> | undefined
  /** Seen through an informer (false for a virtual node made from a dependent's reference). */
  observed: boolean
  /** Has a deletionTimestamp. */
  beingDeleted: boolean
  /** Has a deletionTimestamp and the foregroundDeletion finalizer. */
  deletingDependents: boolean
}

/** The `[apps/v1/ReplicaSet, namespace: default, name: web, uid: …]` form upstream logs and reports. */
export function identityString(id: ObjectIdentity): string {
  return `[${id.apiVersion}/${id.kind}, namespace: ${id.namespace}, name: ${id.name}, uid: ${id.uid}]`
}

/** Add a dependent to a node. */
export function addDependent(owner: GraphNode, dependent: GraphNode): void {
  if (!owner.dependents) owner.dependents = new Set()
  owner.dependents.add(dependent)
}

/** The node's dependents, as an array (empty when it has none). */
export function dependentsOf(n: GraphNode): GraphNode[] {
  return n.dependents ? [...n.dependents] : []
}

/** Dependents whose reference to this node has blockOwnerDeletion: true. */
export function blockingDependents(n: GraphNode): GraphNode[] {
  const out: GraphNode[] = []
  for (const dep of n.dependents ?? []) {
    for (const ref of dep.owners) {
      if (ref.uid === n.identity.uid && ref.blockOwnerDeletion === true) {
        out.push(dep)
        break
      }
    }
  }
  return out
}

/** A changed owner reference (same uid). */
export interface OwnerRefPair {
  oldRef: OwnerReference
  newRef: OwnerReference
}

function sameRef(a: OwnerReference, b: OwnerReference): boolean {
  return a.uid === b.uid && a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && a.controller === b.controller && a.blockOwnerDeletion === b.blockOwnerDeletion
}

/** Owner references added, removed and changed between two lists, matched by uid. */
// Mirrors pkg/controller/garbagecollector/graph_builder.go referencesDiffs
export function referencesDiffs(
  oldRefs: readonly OwnerReference[],
  newRefs: readonly OwnerReference[],
): { added: OwnerReference[]; removed: OwnerReference[]; changed: OwnerRefPair[] } {
  const added: OwnerReference[] = []
  const removed: OwnerReference[] = []
  const changed: OwnerRefPair[] = []
  // The usual case: nothing changed, in the same order.
  if (oldRefs.length === newRefs.length && oldRefs.every((r, i) => sameRef(r, newRefs[i] as OwnerReference))) return { added, removed, changed }
  const oldByUid = new Map(oldRefs.map((r) => [r.uid, r]))
  for (const ref of newRefs) {
    const old = oldByUid.get(ref.uid)
    if (!old) {
      added.push(ref)
      continue
    }
    if (!sameRef(old, ref)) changed.push({ oldRef: old, newRef: ref })
    oldByUid.delete(ref.uid)
  }
  removed.push(...oldByUid.values())
  return { added, removed, changed }
}

/** The reference's coordinates match an identity (apiVersion, kind, name, uid). */
export function referenceMatches(ref: OwnerReference, id: ObjectIdentity): boolean {
  return ref.uid === id.uid && ref.apiVersion === id.apiVersion && ref.kind === id.kind && ref.name === id.name
}
