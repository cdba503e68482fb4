/**
 * Per-kind REST strategies: what the registry does to an object on create and update beyond
 * defaulting and validation (status reset, generation, computed fields).
 * Mirrors pkg/registry/<group>/<resource>/strategy.go for the kinds served.
 */
import type { KubeObject } from '../api/types'
import { deepEqual, isObject } from '../util/json'
import type { ResourceInfo } from './resources'
import { qosClass } from './qos'
import { addNamespaceFinalizerOnCreate } from '../api/defaults'
import { encodeStdBase64, utf8Bytes } from '../api/schema/goBase64'

/** Kinds whose status can only be written through the /status subresource. */
export function hasStatusSubresource(info: ResourceInfo): boolean {
  return info.subresources.includes('status')
}

/** Kinds that may be created by an update (PUT) of a missing object (AllowCreateOnUpdate). */
// Lease: pkg/registry/coordination/lease/strategy.go AllowCreateOnUpdate is true.
const createOnUpdate = new Set(['Endpoints', 'Event', 'Lease', 'ServiceAccount'])

/** Does PUT of a missing object create it? */
export function allowCreateOnUpdate(info: ResourceInfo): boolean {
  return createOnUpdate.has(info.kind)
}

function specOf(obj: KubeObject): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') out[k] = v
  return out
}

/** PrepareForCreate: reset what clients may not set on create; compute server-set status. */
export function prepareForCreate(info: ResourceInfo, obj: KubeObject): void {
  const meta = obj.metadata ?? {}
  obj.metadata = meta
  if (info.tracksGeneration) meta.generation = 1
  else delete meta.generation
  switch (info.kind) {
    case 'Pod':
      // Mirrors pkg/registry/core/pod/strategy.go PrepareForCreate
      obj.status = { phase: 'Pending', qosClass: qosClass(obj) }
      break
    case 'Namespace':
      addNamespaceFinalizerOnCreate(obj)
      obj.status = { phase: 'Active' }
      break
    case 'Service':
      obj.status = { loadBalancer: {} }
      break
    case 'Deployment':
    case 'ReplicaSet':
    case 'HorizontalPodAutoscaler':
    case 'Ingress':
      obj.status = info.kind === 'Ingress' ? { loadBalancer: {} } : {}
      if (info.kind === 'HorizontalPodAutoscaler') obj.status = { currentReplicas: 0, desiredReplicas: 0 }
      break
    case 'Secret':
      mergeStringData(obj)
      break
  }
}

/** PrepareForUpdate of the main resource: status is kept from the old object; generation bumps on spec change. */
export function prepareForUpdate(info: ResourceInfo, obj: KubeObject, old: KubeObject, finalizing = false): void {
  const meta = obj.metadata ?? {}
  obj.metadata = meta
  if (info.kind === 'Namespace' && !finalizing) {
    // Mirrors pkg/registry/core/namespace/strategy.go: spec.finalizers change only through /finalize.
    const oldSpec = isObject(old.spec) ? old.spec : {}
    const spec = isObject(obj.spec) ? { ...obj.spec } : {}
    if (oldSpec.finalizers === undefined) delete spec.finalizers
    else spec.finalizers = oldSpec.finalizers
    obj.spec = spec
  }
  if (hasStatusSubresource(info)) {
    if (old.status === undefined) delete obj.status
    else obj.status = old.status
  }
  if (info.tracksGeneration) {
    const oldGen = old.metadata?.generation ?? 1
    // Deployments also bump on annotation changes (the deprecated rollback annotation).
    const annotationsChanged = info.kind === 'Deployment' && !deepEqual(meta.annotations, old.metadata?.annotations)
    meta.generation = !deepEqual(specOf(obj), specOf(old)) || annotationsChanged ? oldGen + 1 : oldGen
  } else {
    delete meta.generation
  }
  if (info.kind === 'Secret') mergeStringData(obj)
}

/** Secrets: stringData is write-only and merged into base64 data (SecretStrategy). */
function mergeStringData(obj: KubeObject): void {
  const stringData = obj.stringData
  if (!isObject(stringData)) return
  const data: Record<string, unknown> = isObject(obj.data) ? { ...obj.data } : {}
  for (const [k, v] of Object.entries(stringData)) data[k] = encodeStdBase64(utf8Bytes(typeof v === 'string' ? v : String(v)))
  obj.data = data
  delete obj.stringData
}
