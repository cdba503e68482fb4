/**
 * The write path every mutating verb shares, in kube-apiserver's order: defaulting,
 * mutating admission, the REST strategy, validation, validating admission, then storage.
 * Mirrors staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go and
 * staging/src/k8s.io/apiserver/pkg/registry/rest/create.go, update.go
 */
import type { KubeObject, Status, StoredObject } from '../api/types'
import * as status from '../api/status'
import type { FieldError } from '../api/field'
import { applyDefaults } from '../api/defaults'
import { validatorFor } from '../api/validation'
import { formatTime } from '../clock'
import { deepEqual } from '../util/json'
import { admit, type AdmissionContext } from './admission'
import { beginServiceCreate, beginServiceUpdate, dropServiceTypeDependentFields, releaseService, type ServiceAllocation } from './allocators'
import type { ServerContext } from './context'
import { objectKey } from './context'
import type { ResourceInfo } from './resources'
import { storageKey } from './resources'
import { prepareForCreate, prepareForUpdate } from './strategy'

/** How a write is carried out. */
export interface WriteOptions {
  dryRun: boolean
}

/** A write's outcome: the stored (or would-be stored) object, or a failure Status. */
export type WriteResult = { ok: true; object: StoredObject | KubeObject } | { ok: false; status: Status }

const fail = (s: Status): WriteResult => ({ ok: false, status: s })

/** What admission plugins may read, answered from the store. */
export function admissionContext(ctx: ServerContext): AdmissionContext {
  return {
    namespaceExists: (name) => ctx.store.get('namespaces', name) !== undefined,
    namespacePhase: (name) => {
      const ns = ctx.store.get('namespaces', name)
      const st = ns?.status as { phase?: string } | undefined
      return st?.phase
    },
    serviceAccountExists: (ns, name) => ctx.store.get('serviceaccounts', `${ns}/${name}`) !== undefined,
    random: ctx.random,
  }
}

function kindName(info: ResourceInfo): status.GroupName {
  return { group: info.group, name: info.kind }
}

function resourceName(info: ResourceInfo): status.GroupName {
  return { group: info.group, name: info.resource }
}

/** Create an object that has been decoded; namespace is the request's. Takes ownership of `input`. */
export function createObject(ctx: ServerContext, info: ResourceInfo, input: KubeObject, namespace: string | undefined, opts: WriteOptions): WriteResult {
  // The caller hands over a fresh object (the decoder's output, or its own copy): no second copy.
  const obj = input
  const meta = (obj.metadata ??= {})
  if (info.namespaced) {
    if (meta.namespace && namespace && meta.namespace !== namespace) {
      return fail(status.badRequest('the namespace of the provided object does not match the namespace sent on the request'))
    }
    meta.namespace = meta.namespace || namespace || ''
  } else {
    delete meta.namespace
  }
  if (meta.resourceVersion) return fail(status.internalError('resourceVersion should not be set on objects to be created'))
  applyDefaults(info.kind, obj)
  const denied = admit(info.kind, 'CREATE', obj, undefined, admissionContext(ctx))
  if (denied) return fail(denied)
  // Mirrors rest.BeforeCreate: system fields are the server's to set.
  meta.uid = ctx.random.uuid()
  meta.creationTimestamp = formatTime(ctx.clock.now())
  delete meta.deletionTimestamp
  delete meta.deletionGracePeriodSeconds
  delete meta.managedFields
  prepareForCreate(info, obj)
  const generated = !meta.name && !!meta.generateName
  if (generated) meta.name = `${meta.generateName}${ctx.random.string(5)}`
  // The Service registry allocates before validation and gives back on any later failure.
  const alloc = info.kind === 'Service' ? beginServiceCreate(obj, ctx.allocators, { dryRun: opts.dryRun }) : undefined
  if (alloc?.errors.length) return fail(alloc.errors.status ?? status.invalid(kindName(info), meta.name ?? '', alloc.errors))
  const failAndRevert = (s: Status): WriteResult => {
    alloc?.revert()
    return fail(s)
  }
  const errs = validatorFor(info.kind)?.validate(obj) ?? []
  if (errs.length) return failAndRevert(status.invalid(kindName(info), meta.name ?? '', errs))
  const rkey = storageKey(info)
  // A generated name that collides is retried with a new suffix, as the registry does.
  for (let attempt = 0; generated && ctx.store.get(rkey, objectKey(info, meta.namespace, meta.name ?? '')) && attempt < 8; attempt++) {
    meta.name = `${meta.generateName}${ctx.random.string(5)}`
  }
  const name = meta.name ?? ''
  const key = objectKey(info, meta.namespace, name)
  if (ctx.store.get(rkey, key)) {
    return failAndRevert(generated ? generateNameConflict(info, name) : status.alreadyExists(resourceName(info), name))
  }
  if (opts.dryRun) {
    alloc?.revert()
    return { ok: true, object: obj }
  }
  const stored = ctx.store.put(rkey, key, obj as StoredObject)
  alloc?.commit()
  return { ok: true, object: stored }
}

function generateNameConflict(info: ResourceInfo, name: string): Status {
  const s = status.alreadyExists(resourceName(info), name)
  s.message += ', the server was not able to generate a unique name for the object'
  if (s.details) s.details.retryAfterSeconds = 1
  return s
}

/** Mirrors rest.BeforeUpdate: fields an update may not change are carried over from the old object. */
function carryOverSystemFields(obj: KubeObject, old: StoredObject): void {
  const meta = (obj.metadata ??= {})
  const oldMeta = old.metadata
  if (!meta.uid) meta.uid = oldMeta.uid
  if (oldMeta.creationTimestamp) meta.creationTimestamp = oldMeta.creationTimestamp
  if (oldMeta.deletionTimestamp) meta.deletionTimestamp = oldMeta.deletionTimestamp
  else delete meta.deletionTimestamp
  if (oldMeta.deletionGracePeriodSeconds !== undefined && meta.deletionGracePeriodSeconds === undefined) {
    meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds
  }
  if (oldMeta.generation !== undefined) meta.generation = oldMeta.generation
  delete meta.managedFields
}

/**
 * A /status write changes status and metadata but never the spec: everything outside metadata
 * and status stays as stored. Deployments also keep their labels, and Pods their
 * ownerReferences and status.qosClass. Mirrors the status strategies' PrepareForUpdate in pkg/registry/<group>/<resource>/strategy.go
 */
function keepSpecForStatusUpdate(info: ResourceInfo, obj: KubeObject, old: StoredObject): void {
  const own = (k: string): boolean => k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind'
  for (const k of Object.keys(obj)) if (!own(k)) delete obj[k]
  for (const [k, v] of Object.entries(old)) if (!own(k)) obj[k] = v
  const meta = (obj.metadata ??= {})
  if (info.kind === 'Deployment') {
    if (old.metadata.labels) meta.labels = old.metadata.labels
    else delete meta.labels
  }
  if (info.kind === 'Pod') {
    if (old.metadata.ownerReferences) meta.ownerReferences = old.metadata.ownerReferences
    else delete meta.ownerReferences
    // The QoS class is set at creation and immutable: a status write cannot change it.
    const qos = (old.status as { qosClass?: unknown } | undefined)?.qosClass
    if (qos !== undefined && typeof obj.status === 'object' && obj.status !== null) obj.status = { ...obj.status, qosClass: qos }
  }
}

/** The kind of update: the main resource or its status subresource. */
export type UpdateTarget = 'main' | 'status' | 'finalize'

/**
 * Update an existing object with a decoded new version (PUT, and PATCH after applying the
 * patch). The caller has checked that name and namespace match the request. Takes ownership of `input`.
 */
export function updateObject(
  ctx: ServerContext,
  info: ResourceInfo,
  input: KubeObject,
  old: StoredObject,
  target: UpdateTarget,
  opts: WriteOptions,
): WriteResult {
  const name = old.metadata.name
  const rv = input.metadata?.resourceVersion
  if (rv && rv !== old.metadata.resourceVersion) return fail(status.conflict(resourceName(info), name))
  // As for create, the object is the caller's fresh copy and becomes the server's.
  const obj: KubeObject = input
  const meta = (obj.metadata ??= {})
  if (info.namespaced) meta.namespace = meta.namespace || old.metadata.namespace
  if (target === 'status') {
    keepSpecForStatusUpdate(info, obj, old)
    carryOverSystemFields(obj, old)
  } else {
    applyDefaults(info.kind, obj)
    carryOverSystemFields(obj, old)
    prepareForUpdate(info, obj, old, target === 'finalize')
  }
  const denied = admit(info.kind, 'UPDATE', obj, old, admissionContext(ctx))
  if (denied) return fail(denied)
  let alloc: ServiceAllocation | undefined
  if (info.kind === 'Service' && target === 'main') {
    dropServiceTypeDependentFields(obj, old)
    alloc = beginServiceUpdate(obj, old, ctx.allocators, { dryRun: opts.dryRun })
    if (alloc.errors.length) return fail(alloc.errors.status ?? status.invalid(kindName(info), name, alloc.errors))
  }
  const validator = validatorFor(info.kind)
  const errs: FieldError[] =
    target === 'status' && validator?.validateStatusUpdate
      ? validator.validateStatusUpdate(obj, old)
      : target === 'finalize' && validator?.validateFinalizeUpdate
        ? validator.validateFinalizeUpdate(obj, old)
        : (validator?.validateUpdate(obj, old) ?? [])
  if (errs.length) {
    alloc?.revert()
    return fail(status.invalid(kindName(info), name, errs))
  }
  if (opts.dryRun) {
    alloc?.revert()
    return { ok: true, object: { ...obj, metadata: { ...obj.metadata, resourceVersion: old.metadata.resourceVersion } } }
  }
  const rkey = storageKey(info)
  const key = objectKey(info, old.metadata.namespace, name)
  alloc?.commit()
  // An update that changes nothing writes nothing: the resourceVersion stays (as etcd3's GuaranteedUpdate).
  const candidate = { ...obj, metadata: { ...obj.metadata, resourceVersion: old.metadata.resourceVersion } }
  if (deepEqual(candidate, old)) return { ok: true, object: old }
  if (shouldDeleteDuringUpdate(obj)) {
    if (info.kind === 'Service') releaseService(old, ctx.allocators)
    return { ok: true, object: ctx.store.remove(rkey, key) ?? old }
  }
  return { ok: true, object: ctx.store.put(rkey, key, obj as StoredObject) }
}

/**
 * An object being deleted whose last finalizer is gone is removed by the update that removes
 * it; a Namespace also needs its spec.finalizers empty.
 * Mirrors registry/generic/registry/store.go ShouldDeleteDuringUpdate and
 * pkg/registry/core/namespace/storage/storage.go ShouldDeleteNamespaceDuringUpdate
 */
function shouldDeleteDuringUpdate(obj: KubeObject): boolean {
  const meta = obj.metadata
  if (!meta?.deletionTimestamp) return false
  if (meta.finalizers && meta.finalizers.length > 0) return false
  if (obj.kind === 'Namespace') {
    const spec = obj.spec as { finalizers?: unknown[] } | undefined
    if (spec?.finalizers && spec.finalizers.length > 0) return false
  }
  return !meta.deletionGracePeriodSeconds
}
