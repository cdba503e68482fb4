/**
 * Deletion as the generic registry does it: preconditions, graceful deletion (pods on a
 * node wait for their kubelet), finalizers and the propagation policy that adds the orphan
 * or foregroundDeletion finalizer; namespaces go Terminating first.
 * Mirrors staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Delete,
 * updateForGracefulDeletionAndFinalizers) and pkg/registry/core/namespace/storage/storage.go
 */
import type { KubeObject, Status, StoredObject } from '../api/types'
import * as status from '../api/status'
import { formatTime } from '../clock'
import { deepCopy, isObject } from '../util/json'
import { admitDelete } from './admission'
import { releaseService } from './allocators'
import type { ServerContext } from './context'
import { objectKey } from './context'
import type { ResourceInfo } from './resources'
import { storageKey } from './resources'

/** metav1.DeleteOptions as far as the simulation honours it. */
export interface DeleteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground'
  preconditions?: { uid?: string; resourceVersion?: string }
  dryRun: boolean
}

/** The outcome: the deleted object, the object now being deleted, or a failure. */
export type DeleteResult = { ok: true; object: KubeObject; deleted: boolean } | { ok: false; status: Status }

const orphanFinalizer = 'orphan'
const foregroundFinalizer = 'foregroundDeletion'

/** Read DeleteOptions from the query and an optional body; a Status when they are malformed. */
export function parseDeleteOptions(query: (name: string) => string | undefined, body: unknown, dryRun: boolean): DeleteOptions | Status {
  const opts: DeleteOptions = { dryRun }
  const b = isObject(body) ? body : {}
  const grace = query('gracePeriodSeconds') ?? (b.gracePeriodSeconds !== undefined && b.gracePeriodSeconds !== null ? String(b.gracePeriodSeconds) : undefined)
  if (grace !== undefined) {
    const n = Number(grace)
    if (!Number.isInteger(n)) return status.badRequest(`strconv.ParseInt: parsing "${grace}": invalid syntax`)
    opts.gracePeriodSeconds = n
  }
  const policy = query('propagationPolicy') ?? (typeof b.propagationPolicy === 'string' ? b.propagationPolicy : undefined)
  const orphan = query('orphanDependents') ?? (typeof b.orphanDependents === 'boolean' ? String(b.orphanDependents) : undefined)
  if (policy !== undefined) {
    if (policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') {
      return status.invalid({ group: 'meta.k8s.io', name: 'DeleteOptions' }, '', [
        { type: 'FieldValueNotSupported', field: 'propagationPolicy', value: policy, detail: 'supported values: "Foreground", "Background", "Orphan", "nil"' },
      ])
    }
    if (orphan !== undefined) {
      return status.invalid({ group: 'meta.k8s.io', name: 'DeleteOptions' }, '', [
        { type: 'FieldValueInvalid', field: 'propagationPolicy', value: policy, detail: 'orphanDependents and deletionPropagation cannot be both set' },
      ])
    }
    opts.propagationPolicy = policy
  } else if (orphan !== undefined) {
    opts.propagationPolicy = orphan === 'true' ? 'Orphan' : 'Background'
  }
  if (isObject(b.preconditions)) {
    const p = b.preconditions
    opts.preconditions = {}
    if (typeof p.uid === 'string') opts.preconditions.uid = p.uid
    if (typeof p.resourceVersion === 'string') opts.preconditions.resourceVersion = p.resourceVersion
  }
  return opts
}

/** Pods scheduled to a node and still running wait for their kubelet; everything else goes at once. */
function gracePeriodFor(info: ResourceInfo, obj: StoredObject, requested: number | undefined): number {
  if (info.kind !== 'Pod') return 0
  // Mirrors pkg/registry/core/pod/strategy.go CheckGracefulDelete
  const spec = isObject(obj.spec) ? obj.spec : {}
  const st = isObject(obj.status) ? obj.status : {}
  let grace = requested ?? (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30)
  if (!spec.nodeName) grace = 0
  if (st.phase === 'Failed' || st.phase === 'Succeeded') grace = 0
  // A negative grace period means "as soon as possible": 1 second, as upstream.
  if (grace < 0) grace = 1
  return grace
}

/** Delete one object. */
export function deleteObject(ctx: ServerContext, info: ResourceInfo, existing: StoredObject, opts: DeleteOptions): DeleteResult {
  const res: status.GroupName = { group: info.group, name: info.resource }
  const name = existing.metadata.name
  const pre = opts.preconditions
  if (pre?.uid && pre.uid !== existing.metadata.uid) {
    return { ok: false, status: status.conflict(res, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`) }
  }
  if (pre?.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion) {
    return {
      ok: false,
      status: status.conflict(res, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`),
    }
  }
  const denied = admitDelete(info.kind, existing)
  if (denied) return { ok: false, status: denied }
  if (info.kind === 'Namespace') return deleteNamespace(ctx, info, existing, opts)

  const now = ctx.clock.now()
  const next = deepCopy(existing) as StoredObject
  const meta = next.metadata
  let finalizers = [...(meta.finalizers ?? [])]
  let changed = false
  // The propagation policy is recorded as a finalizer the garbage collector acts on.
  if (opts.propagationPolicy === 'Orphan' && !finalizers.includes(orphanFinalizer)) {
    finalizers = finalizers.filter((f) => f !== foregroundFinalizer).concat(orphanFinalizer)
    changed = true
  } else if (opts.propagationPolicy === 'Foreground' && !finalizers.includes(foregroundFinalizer)) {
    finalizers = finalizers.filter((f) => f !== orphanFinalizer).concat(foregroundFinalizer)
    changed = true
  } else if (opts.propagationPolicy === 'Background' && (finalizers.includes(orphanFinalizer) || finalizers.includes(foregroundFinalizer))) {
    finalizers = finalizers.filter((f) => f !== orphanFinalizer && f !== foregroundFinalizer)
    changed = true
  }
  // A foreground or orphan finalizer is only added when there are dependents to act on
  // in upstream's sense; adding it always is harmless: the garbage collector removes it.
  if (finalizers.length) meta.finalizers = finalizers
  else delete meta.finalizers

  const grace = gracePeriodFor(info, existing, opts.gracePeriodSeconds)
  const graceful = grace > 0
  if (graceful) {
    const current = meta.deletionGracePeriodSeconds
    // A pending graceful deletion may only be shortened, never lengthened.
    if (!meta.deletionTimestamp || current === undefined || grace < current) {
      meta.deletionTimestamp = formatTime(now + grace * 1000)
      meta.deletionGracePeriodSeconds = grace
      changed = true
    }
  } else if (finalizers.length > 0) {
    if (!meta.deletionTimestamp) {
      meta.deletionTimestamp = formatTime(now)
      changed = true
    }
    if (meta.deletionGracePeriodSeconds !== 0) {
      meta.deletionGracePeriodSeconds = 0
      changed = true
    }
  }
  const rkey = storageKey(info)
  const key = objectKey(info, meta.namespace, name)
  if (graceful || finalizers.length > 0) {
    if (opts.dryRun || !changed) return { ok: true, object: opts.dryRun ? next : existing, deleted: false }
    return { ok: true, object: ctx.store.put(rkey, key, next), deleted: false }
  }
  if (opts.dryRun) return { ok: true, object: existing, deleted: true }
  if (info.kind === 'Service') releaseService(existing, ctx.allocators)
  return { ok: true, object: ctx.store.remove(rkey, key) ?? existing, deleted: true }
}

function deleteNamespace(ctx: ServerContext, info: ResourceInfo, existing: StoredObject, opts: DeleteOptions): DeleteResult {
  const spec = isObject(existing.spec) ? existing.spec : {}
  const specFinalizers = Array.isArray(spec.finalizers) ? spec.finalizers : []
  const meta = existing.metadata
  if (!meta.deletionTimestamp) {
    const next = deepCopy(existing) as StoredObject
    next.metadata.deletionTimestamp = formatTime(ctx.clock.now())
    next.metadata.deletionGracePeriodSeconds = 0
    if (opts.propagationPolicy === 'Orphan') next.metadata.finalizers = [...(meta.finalizers ?? []), orphanFinalizer]
    next.status = { ...(isObject(existing.status) ? existing.status : {}), phase: 'Terminating' }
    if (opts.dryRun) return { ok: true, object: next, deleted: false }
    return { ok: true, object: ctx.store.put(storageKey(info), meta.name, next), deleted: false }
  }
  if (specFinalizers.length > 0) {
    return {
      ok: false,
      status: status.conflict(
        { group: '', name: 'namespaces' },
        meta.name,
        'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
      ),
    }
  }
  if ((meta.finalizers ?? []).length > 0) return { ok: true, object: existing, deleted: false }
  if (opts.dryRun) return { ok: true, object: existing, deleted: true }
  return { ok: true, object: ctx.store.remove(storageKey(info), meta.name) ?? existing, deleted: true }
}
