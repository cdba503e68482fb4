/**
 * Which field labels each resource supports in a field selector, and their values for an
 * object.
 * Mirrors pkg/apis/core/v1/conversion.go and pkg/apis/batch/v1/conversion.go
 * (AddFieldLabelConversionFunc), staging/src/k8s.io/apimachinery/pkg/runtime/conversion.go
 * (DefaultMetaV1FieldSelectorConversion) and the registries' ToSelectableFields / GetAttrs
 * (pkg/registry/core/{pod,node,namespace,secret,event,service,replicationcontroller}/strategy.go,
 * pkg/registry/apps/replicaset/strategy.go, pkg/registry/batch/job/strategy.go).
 */
import { isObject } from '../../util/json'
import { goQuote } from '../goFormat'
import {
  fieldSelectorFromRequirements,
  type FieldRequirement,
  type FieldSelector,
  type Fields,
} from './selector'

// Reads a nested value; anything missing or of another type reads as undefined.
function at(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj
  for (const p of path) {
    if (typeof p === 'number') cur = Array.isArray(cur) ? cur[p] : undefined
    else cur = isObject(cur) ? cur[p] : undefined
  }
  return cur
}

const str = (obj: unknown, ...path: (string | number)[]): string => {
  const v = at(obj, ...path)
  return typeof v === 'string' ? v : ''
}
const bool = (obj: unknown, ...path: string[]): string => String(at(obj, ...path) === true)
const int = (obj: unknown, ...path: string[]): string => {
  const v = at(obj, ...path)
  return typeof v === 'number' ? String(Math.trunc(v)) : '0'
}

// generic.ObjectMetaFieldsSet: a cluster-scoped object has no namespace, which reads as "" either way.
const metaFields = (obj: unknown): Fields => ({
  'metadata.name': str(obj, 'metadata', 'name'),
  'metadata.namespace': str(obj, 'metadata', 'namespace'),
})

interface KindFields {
  /** The field labels the conversion function accepts, and what it renames. */
  accepts: readonly string[]
  renames?: Readonly<Record<string, string>>
  /** The error text for any other label. */
  reject: (label: string) => string
  /** ToSelectableFields. */
  fields: (obj: unknown) => Fields
}

const notSupported = (label: string): string => `field label not supported: ${label}`

const kinds: Readonly<Record<string, KindFields>> = {
  pods: {
    accepts: [
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.podIPs',
      'status.nominatedNodeName',
    ],
    // Old v1 clients send spec.host.
    renames: { 'spec.host': 'spec.nodeName' },
    reject: notSupported,
    fields: (pod) => ({
      ...metaFields(pod),
      'spec.nodeName': str(pod, 'spec', 'nodeName'),
      'spec.restartPolicy': str(pod, 'spec', 'restartPolicy'),
      'spec.schedulerName': str(pod, 'spec', 'schedulerName'),
      'spec.serviceAccountName': str(pod, 'spec', 'serviceAccountName'),
      'spec.hostNetwork': bool(pod, 'spec', 'hostNetwork'),
      'status.phase': str(pod, 'status', 'phase'),
      // The primary IP is podIPs[0]; v1 status.podIP alone converts into podIPs[0].
      'status.podIP': str(pod, 'status', 'podIPs', 0, 'ip') || str(pod, 'status', 'podIP'),
      'status.nominatedNodeName': str(pod, 'status', 'nominatedNodeName'),
    }),
  },
  nodes: {
    accepts: ['metadata.name', 'spec.unschedulable'],
    reject: notSupported,
    fields: (node) => ({
      'metadata.name': str(node, 'metadata', 'name'),
      'spec.unschedulable': bool(node, 'spec', 'unschedulable'),
    }),
  },
  namespaces: {
    accepts: ['status.phase', 'metadata.name'],
    reject: notSupported,
    fields: (ns) => ({
      'metadata.name': str(ns, 'metadata', 'name'),
      'status.phase': str(ns, 'status', 'phase'),
    }),
  },
  secrets: {
    accepts: ['type', 'metadata.namespace', 'metadata.name'],
    reject: notSupported,
    fields: (s) => ({ ...metaFields(s), type: str(s, 'type') }),
  },
  services: {
    accepts: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
    reject: notSupported,
    fields: (s) => ({
      ...metaFields(s),
      'spec.clusterIP': str(s, 'spec', 'clusterIP'),
      'spec.type': str(s, 'spec', 'type'),
    }),
  },
  replicationcontrollers: {
    accepts: ['metadata.name', 'metadata.namespace', 'status.replicas'],
    reject: notSupported,
    fields: (rc) => ({ ...metaFields(rc), 'status.replicas': int(rc, 'status', 'replicas') }),
  },
  events: {
    accepts: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
      'metadata.namespace',
      'metadata.name',
    ],
    reject: notSupported,
    fields: (e) => ({
      ...metaFields(e),
      'involvedObject.kind': str(e, 'involvedObject', 'kind'),
      'involvedObject.namespace': str(e, 'involvedObject', 'namespace'),
      'involvedObject.name': str(e, 'involvedObject', 'name'),
      'involvedObject.uid': str(e, 'involvedObject', 'uid'),
      'involvedObject.apiVersion': str(e, 'involvedObject', 'apiVersion'),
      'involvedObject.resourceVersion': str(e, 'involvedObject', 'resourceVersion'),
      'involvedObject.fieldPath': str(e, 'involvedObject', 'fieldPath'),
      reason: str(e, 'reason'),
      reportingComponent: str(e, 'reportingComponent'),
      // source is the legacy source.component, else the reporting controller.
      source: str(e, 'source', 'component') || str(e, 'reportingComponent'),
      type: str(e, 'type'),
    }),
  },
  jobs: {
    accepts: ['metadata.name', 'metadata.namespace', 'status.successful'],
    reject: (label) => `field label ${goQuote(label)} not supported for batchv1.Job`,
    fields: (j) => ({ ...metaFields(j), 'status.successful': int(j, 'status', 'succeeded') }),
  },
  // The registry selects on status.replicas, but apps/v1 registers no conversion for it,
  // so a real API server rejects the label (kubernetes/kubernetes#135136).
  replicasets: {
    accepts: ['metadata.name', 'metadata.namespace'],
    reject: defaultReject,
    fields: (rs) => ({ ...metaFields(rs), 'status.replicas': int(rs, 'status', 'replicas') }),
  },
}

function defaultReject(label: string): string {
  return `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`
}

const defaultKind: KindFields = {
  accepts: ['metadata.name', 'metadata.namespace'],
  reject: defaultReject,
  fields: metaFields,
}

function kindFor(resource: string): KindFields {
  return Object.hasOwn(kinds, resource) ? (kinds[resource] ?? defaultKind) : defaultKind
}

/** The field labels a resource (plural, e.g. "pods") accepts in a field selector. */
export function supportedFieldLabels(resource: string): readonly string[] {
  return kindFor(resource).accepts
}

// Stored objects are frozen and never change, so their fields are computed once per version.
const fieldCache = new WeakMap<object, Fields>()

/** The selectable fields of an object of a resource (ToSelectableFields / GetAttrs). */
export function fieldSetFor(resource: string, obj: unknown): Fields {
  if (typeof obj !== 'object' || obj === null || !Object.isFrozen(obj)) return kindFor(resource).fields(obj)
  let fields = fieldCache.get(obj)
  if (!fields) fieldCache.set(obj, (fields = kindFor(resource).fields(obj)))
  return fields
}

/**
 * The selector with labels converted for the resource (ConvertFieldLabel over
 * Selector.Transform), or the conversion function's error for the first unsupported label.
 */
export function transformFieldSelector(
  resource: string,
  sel: FieldSelector,
): { ok: true; selector: FieldSelector } | { ok: false; error: string } {
  const k = kindFor(resource)
  const out: FieldRequirement[] = []
  for (const r of sel.requirements()) {
    const renamed = k.renames && Object.hasOwn(k.renames, r.field) ? k.renames[r.field] : undefined
    if (renamed !== undefined) out.push({ ...r, field: renamed })
    else if (k.accepts.includes(r.field)) out.push(r)
    else return { ok: false, error: k.reject(r.field) }
  }
  return { ok: true, selector: fieldSelectorFromRequirements(out) }
}

/** The upstream error text for the first field label the resource does not support, if any. */
export function checkFieldSelector(resource: string, sel: FieldSelector): string | undefined {
  const r = transformFieldSelector(resource, sel)
  return r.ok ? undefined : r.error
}
