/**
 * The subresources served: /scale (Deployments, ReplicaSets), /binding (Pods, and the
 * bindings resource the scheduler posts to) and /finalize (Namespaces).
 * Mirrors pkg/registry/apps/deployment/storage/storage.go ScaleREST and
 * pkg/registry/core/pod/storage/storage.go BindingREST
 */
import type { KubeObject, StoredObject } from '../../api/types'
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import * as status from '../../api/status'
import { fieldPath, invalid, notSupported, required } from '../../api/field'
import { selectorFromLabelSelector } from '../../api/labels'
import { formatTime } from '../../clock'
import { deepCopy, isObject } from '../../util/json'
import { parseJson } from '../body'
import type { ServerContext } from '../context'
import { getObject } from '../context'
import type { ApiResponse } from '../request'
import type { ResourceInfo } from '../resources'
import { resourceForKind } from '../resources'
import { updateObject, type WriteOptions } from '../write'
import { respond } from './respond'

/** The autoscaling/v1 Scale of a Deployment or ReplicaSet. */
export function scaleOf(obj: StoredObject): KubeObject {
  const spec = isObject(obj.spec) ? obj.spec : {}
  const st = isObject(obj.status) ? obj.status : {}
  const sel = selectorFromLabelSelector(spec.selector as LabelSelector | undefined)
  const meta = obj.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 0 },
    status: { replicas: typeof st.replicas === 'number' ? st.replicas : 0, selector: sel.ok ? sel.selector.toString() : '' },
  }
}

/** Write a Scale back to its Deployment or ReplicaSet. */
export function writeScale(ctx: ServerContext, info: ResourceInfo, existing: StoredObject, scale: unknown, opts: WriteOptions): ApiResponse {
  const name = existing.metadata.name
  if (!isObject(scale)) return respond(status.badRequest('the body of the request is not a Scale object'))
  if (scale.kind !== undefined && scale.kind !== 'Scale') {
    return respond(status.badRequest(`${String(scale.kind)} in version "v1" cannot be handled as a Scale: the kind in the data (${String(scale.kind)}) does not match the expected kind (Scale)`))
  }
  const meta = isObject(scale.metadata) ? scale.metadata : {}
  if ((meta.name ?? '') !== name) return respond(status.badRequest(`the name of the object (${String(meta.name ?? '')}) does not match the name on the URL (${name})`))
  const spec = isObject(scale.spec) ? scale.spec : {}
  const replicas = spec.replicas ?? 0
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    return respond(status.badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas === 'string' ? 'string' : 'number ' + String(replicas)} into Go struct field ScaleSpec.spec.replicas of type int32`))
  }
  if (replicas < 0) {
    return respond(status.invalid({ group: 'autoscaling', name: 'Scale' }, name, [invalid(fieldPath('spec', 'replicas'), replicas, 'must be greater than or equal to 0')]))
  }
  const rv = typeof meta.resourceVersion === 'string' ? meta.resourceVersion : undefined
  const next = deepCopy(existing) as KubeObject
  next.spec = { ...(isObject(next.spec) ? next.spec : {}), replicas }
  next.metadata = { ...next.metadata, resourceVersion: rv }
  const result = updateObject(ctx, info, next, existing, 'main', opts)
  if (!result.ok) return respond(result.status)
  return { status: 200, body: scaleOf(result.object as StoredObject) }
}

/** POST of a Binding: assign a pod to a node, as the scheduler does. */
export function bind(ctx: ServerContext, namespace: string | undefined, podName: string | undefined, body: unknown, opts: WriteOptions): ApiResponse {
  const parsed = parseJson(body)
  if (!parsed.ok || !isObject(parsed.value)) return respond(status.badRequest('the body of the request is not a Binding object'))
  const binding = parsed.value
  const meta = isObject(binding.metadata) ? binding.metadata : {}
  const name = typeof meta.name === 'string' ? meta.name : ''
  if (podName !== undefined && name !== podName) return respond(status.badRequest('name in URL does not match name in Binding object'))
  const target = isObject(binding.target) ? binding.target : {}
  // Mirrors pkg/apis/core/validation ValidatePodBinding
  const errs = []
  if (typeof target.kind === 'string' && target.kind !== '' && target.kind !== 'Node') {
    errs.push(notSupported(fieldPath('target', 'kind'), target.kind, ['Node', '<empty>']))
  }
  if (typeof target.name !== 'string' || target.name === '') errs.push(required(fieldPath('target', 'name')))
  if (errs.length) return respond(status.invalid({ group: '', name: 'Binding' }, name, errs))
  const pods = resourceForKind('Pod') as ResourceInfo
  const pod = getObject(ctx, pods, namespace, name)
  const podsBinding = { group: '', name: 'pods/binding' }
  if (!pod) return respond(status.notFound({ group: '', name: 'pods' }, name))
  const spec = isObject(pod.spec) ? pod.spec : {}
  if (pod.metadata.deletionTimestamp) return respond(status.conflict(podsBinding, name, `pod ${name} is being deleted, cannot be assigned to a host`))
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') {
    return respond(status.conflict(podsBinding, name, `pod ${name} is already assigned to node "${spec.nodeName}"`))
  }
  const next = deepCopy(pod) as StoredObject
  next.spec = { ...spec, nodeName: target.name as string }
  if (isObject(meta.annotations)) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...(meta.annotations as Record<string, string>) }
  const st = isObject(next.status) ? next.status : {}
  const conditions = (Array.isArray(st.conditions) ? st.conditions : []).filter((c) => !(isObject(c) && c.type === 'PodScheduled'))
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: formatTime(ctx.clock.now()) })
  next.status = { ...st, conditions }
  if (!opts.dryRun) {
    // The binding writes spec and status together, as BindingREST's GuaranteedUpdate does.
    ctx.store.put('pods', `${namespace ?? ''}/${name}`, next)
  }
  return { status: 201, body: { ...status.success(), code: 201 } }
}

/** PUT of /finalize: only the namespace's spec.finalizers change. */
export function finalize(ctx: ServerContext, info: ResourceInfo, existing: StoredObject, body: unknown, opts: WriteOptions): ApiResponse {
  const parsed = parseJson(body)
  if (!parsed.ok || !isObject(parsed.value)) return respond(status.badRequest('the body of the request is not a Namespace object'))
  const spec = isObject(parsed.value.spec) ? parsed.value.spec : {}
  const next = deepCopy(existing) as KubeObject
  next.spec = { ...(isObject(next.spec) ? next.spec : {}), finalizers: Array.isArray(spec.finalizers) ? spec.finalizers : [] }
  const meta = isObject(parsed.value.metadata) ? parsed.value.metadata : {}
  next.metadata = { ...next.metadata, resourceVersion: typeof meta.resourceVersion === 'string' ? meta.resourceVersion : undefined }
  if (!(next.spec as { finalizers: unknown[] }).finalizers.length) delete (next.spec as { finalizers?: unknown[] }).finalizers
  const result = updateObject(ctx, info, next, existing, 'finalize', opts)
  if (!result.ok) return respond(result.status)
  return { status: 200, body: result.object }
}
