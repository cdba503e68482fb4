/**
 * The garbage collector's API operations: map an owner reference to a served resource, read an
 * object (from the shared informers, which the synchronous watch keeps current), delete with
 * preconditions, drop owner references and remove a finalizer.
 * Mirrors pkg/controller/garbagecollector/operations.go and patch.go
 */
import type { Status, StoredObject } from '../../api/types'
import { resourceForKind, type ResourceInfo } from '../../apiserver/resources'
import type { ComponentContext } from '../runtime/context'
import { keyOf } from '../runtime/informer'
import { identityString, type GraphNode, type ObjectIdentity } from './graph'

/** A failure worth a retry, with the text the collector reports. */
export class GcError extends Error {}

/** The resource an apiVersion and kind map to, or a REST mapping error. */
// Mirrors errors.go restMappingError.Error()
export function apiResource(apiVersion: string, kind: string): ResourceInfo | GcError {
  const slash = apiVersion.indexOf('/')
  const group = slash < 0 ? '' : apiVersion.slice(0, slash)
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1)
  const info = resourceForKind(kind)
  if (!info || info.group !== group || info.version !== version) return new GcError(`unable to get REST mapping for ${apiVersion}/${kind}.`)
  return info
}

/** The collector's view of the API. */
export interface Operations {
  /** The live object (undefined when not found), or an error. */
  getObject(id: ObjectIdentity): StoredObject | undefined | GcError
  /** Delete with uid and resourceVersion preconditions; true when the object is gone or going. */
  deleteObject(id: ObjectIdentity, resourceVersion: string, owners: StoredObject['metadata']['ownerReferences'], policy: 'Background' | 'Foreground' | 'Orphan'): 'ok' | 'notFound' | GcError
  /** Remove the references to these owner uids from an object (strategic merge `$patch: delete`). */
  deleteOwnerRefs(item: GraphNode, ownerUids: readonly string[]): 'ok' | 'notFound' | GcError
  /** Set blockOwnerDeletion to false on every blocking reference of an object. */
  unblockOwnerRefs(item: GraphNode, latest: StoredObject): 'ok' | 'notFound' | GcError
  /** Remove a finalizer from an object (merge patch with its resourceVersion). */
  removeFinalizer(owner: GraphNode, finalizer: string): void | GcError
}

const message = (s: Status): string => s.message ?? s.reason ?? `status ${s.code}`

/** Operations through a component's client and informers; `monitored` kinds are read from informers. */
export function createOperations(ctx: ComponentContext, monitored: ReadonlySet<string>): Operations {
  const { client } = ctx

  function getObject(id: ObjectIdentity): StoredObject | undefined | GcError {
    const info = apiResource(id.apiVersion, id.kind)
    if (info instanceof GcError) return info
    const namespace = info.namespaced ? id.namespace : ''
    if (monitored.has(info.kind)) return ctx.informers.informer(info.kind).get(keyOf({ metadata: { name: id.name, namespace } }))
    const res = client.get<StoredObject>(info.kind, namespace || undefined, id.name)
    if (res.ok) return res.object
    if (res.status.code === 404) return undefined
    return new GcError(message(res.status))
  }

  function patch(item: GraphNode, body: unknown): 'ok' | 'notFound' | GcError {
    const info = apiResource(item.identity.apiVersion, item.identity.kind)
    if (info instanceof GcError) return info
    const res = client.patch(info.kind, info.namespaced ? item.identity.namespace : undefined, item.identity.name, body, 'strategic')
    if (res.ok) return 'ok'
    if (res.status.code === 404) return 'notFound'
    return new GcError(message(res.status))
  }

  return {
    getObject,
    deleteObject(id, resourceVersion, owners, policy) {
      const info = apiResource(id.apiVersion, id.kind)
      if (info instanceof GcError) return info
      const ns = info.namespaced ? id.namespace : undefined
      const preconditions: Record<string, string> = { uid: id.uid }
      if (resourceVersion) preconditions.resourceVersion = resourceVersion
      let res = client.delete(info.kind, ns, id.name, { propagationPolicy: policy, preconditions })
      if (!res.ok && res.status.code === 409 && resourceVersion) {
        // A conflict on resourceVersion alone is retried with the uid precondition if the
        // owner references are unchanged (operations.go deleteObject).
        const live = getObject(id)
        if (live === undefined) return 'ok'
        if (!(live instanceof GcError) && live.metadata.uid === id.uid && live.metadata.resourceVersion !== resourceVersion && JSON.stringify(live.metadata.ownerReferences ?? []) === JSON.stringify(owners ?? [])) {
          res = client.delete(info.kind, ns, id.name, { propagationPolicy: policy, preconditions: { uid: id.uid } })
        }
      }
      if (res.ok) return 'ok'
      if (res.status.code === 404) return 'notFound'
      return new GcError(message(res.status))
    },
    deleteOwnerRefs(item, ownerUids) {
      // Mirrors pkg/controller/controller_utils.go GenerateDeleteOwnerRefStrategicMergeBytes
      return patch(item, { metadata: { ownerReferences: ownerUids.map((uid) => ({ $patch: 'delete', uid })), uid: item.identity.uid } })
    },
    unblockOwnerRefs(item, latest) {
      // Mirrors graph.go unblockOwnerReferencesStrategicMergePatch
      const refs = (latest.metadata.ownerReferences ?? []).filter((r) => r.blockOwnerDeletion === true).map((r) => ({ uid: r.uid, blockOwnerDeletion: false }))
      if (refs.length === 0) return 'ok'
      return patch(item, { metadata: { ownerReferences: refs, uid: item.identity.uid } })
    },
    removeFinalizer(owner, finalizer) {
      // Mirrors garbagecollector.go removeFinalizer (retry.RetryOnConflict, DefaultBackoff: 4 steps).
      for (let attempt = 0; attempt < 4; attempt++) {
        const obj = getObject(owner.identity)
        if (obj === undefined) return
        if (obj instanceof GcError) return new GcError(`cannot finalize owner ${identityString(owner.identity)}, because cannot get it: ${obj.message}. The garbage collector will retry later`)
        const finalizers = obj.metadata.finalizers ?? []
        if (!finalizers.includes(finalizer)) return
        const rest = finalizers.filter((f) => f !== finalizer)
        const info = apiResource(owner.identity.apiVersion, owner.identity.kind)
        if (info instanceof GcError) return info
        const res = client.patch(
          info.kind,
          info.namespaced ? owner.identity.namespace : undefined,
          owner.identity.name,
          { metadata: { resourceVersion: obj.metadata.resourceVersion, finalizers: rest.length ? rest : null } },
          'merge',
        )
        if (res.ok || res.status.code === 404) return
        if (res.status.code !== 409) return new GcError(message(res.status))
      }
      return new GcError(`updateMaxRetries(4) has reached. The garbage collector will retry later for owner ${identityString(owner.identity)}`)
    },
  }
}
