/**
 * What an admission plugin sees of a request, and the errors it answers with.
 * Mirrors staging/src/k8s.io/apiserver/pkg/admission (attributes.go, errors.go) and the
 * kind-to-resource guess of apimachinery meta/restmapper.go.
 */
import type { PriorityClass } from 'kubernetes-types/scheduling/v1'
import type { ServiceAccount } from 'kubernetes-types/core/v1'
import { forbidden, type GroupName } from '../../api/status'
import type { KubeObject, Status } from '../../api/types'

/** An admission operation. */
export type Operation = 'CREATE' | 'UPDATE' | 'DELETE'

/**
 * What admission plugins may read of the cluster; the API server implements it over its store.
 * Optional members have fallbacks so a smaller implementation still works.
 */
export interface AdmissionContext {
  /** The phase of a namespace ("Active" or "Terminating"); undefined when it does not exist. */
  namespacePhase(name: string): string | undefined
  /** Whether a namespace exists; defaults to namespacePhase(name) !== undefined. */
  namespaceExists?(name: string): boolean
  /** A ServiceAccount by namespace and name; undefined when it does not exist. */
  getServiceAccount?(namespace: string, name: string): ServiceAccount | undefined
  /** Whether a ServiceAccount exists; used when getServiceAccount is not given. */
  serviceAccountExists?(namespace: string, name: string): boolean
  /** Every PriorityClass. A cluster that stores none still knows the two system classes. */
  listPriorityClasses?(): PriorityClass[]
  /** Seeded randomness: n characters of apimachinery's rand.String alphabet. */
  random: { string(n: number): string }
}

/** Look a ServiceAccount up through whichever accessor the context offers. */
export function lookupServiceAccount(
  ctx: AdmissionContext,
  namespace: string,
  name: string,
): ServiceAccount | undefined {
  if (ctx.getServiceAccount) return ctx.getServiceAccount(namespace, name)
  // Without the object only existence is known: no automount opt-out, no imagePullSecrets.
  return ctx.serviceAccountExists?.(namespace, name) ? { metadata: { namespace, name } } : undefined
}

/** Whether a namespace exists, through whichever accessor the context offers. */
export function namespaceExists(ctx: AdmissionContext, name: string): boolean {
  return ctx.namespaceExists ? ctx.namespaceExists(name) : ctx.namespacePhase(name) !== undefined
}

/** The request as admission plugins see it (admission.Attributes). */
export interface AdmissionAttributes {
  kind: string
  /** The API group ("" for core). */
  group: string
  /** The resource: the lowercase plural of kind. */
  resource: string
  operation: Operation
  /** The object's namespace; "" for cluster-scoped objects. */
  namespace: string
  /** The object's name ("" before generateName is resolved). */
  name: string
  subresource: string
  /** The new object (CREATE, UPDATE) or, for DELETE, the object being deleted when known. */
  object: KubeObject | undefined
  oldObject: KubeObject | undefined
}

/** One admission plugin: admit() may change the object or refuse the request. */
export interface AdmissionPlugin {
  name: string
  /** The operations it handles (admission.NewHandler). */
  operations: readonly Operation[]
  admit?(a: AdmissionAttributes, ctx: AdmissionContext): Status | undefined
}

// Mirrors staging/src/k8s.io/apimachinery/pkg/api/meta/restmapper.go unpluralizedSuffixes
const unpluralizedSuffixes = ['endpoints']

/** Mirrors meta.UnsafeGuessKindToResource: the plural resource of a kind. */
export function guessResource(kind: string): string {
  const singular = kind.toLowerCase()
  if (singular === '' || unpluralizedSuffixes.some((s) => singular.endsWith(s))) return singular
  if (singular.endsWith('s')) return singular + 'es'
  if (singular.endsWith('y')) return singular.slice(0, -1) + 'ies'
  return singular + 's'
}

/** The API group of an apiVersion ("apps/v1" → "apps", "v1" → ""). */
export function groupOf(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return ''
  const slash = apiVersion.indexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}

/** Build the attributes of a request from its kind, operation and objects. */
export function attributesFor(
  kind: string,
  operation: Operation,
  object: KubeObject | undefined,
  oldObject: KubeObject | undefined,
  subresource = '',
): AdmissionAttributes {
  const meta = object?.metadata ?? oldObject?.metadata
  return {
    kind,
    group: groupOf(object?.apiVersion ?? oldObject?.apiVersion),
    resource: guessResource(kind),
    operation,
    namespace: meta?.namespace ?? '',
    name: meta?.name ?? '',
    subresource,
    object,
    oldObject,
  }
}

/** The group and resource of the request, as errors name it. */
export function groupResource(a: AdmissionAttributes): GroupName {
  return { group: a.group, name: a.resource }
}

/**
 * Mirrors admission.NewForbidden: 403 naming the object by name, else generateName, else
 * "Unknown" (names are not generated yet when admission runs).
 */
export function admissionForbidden(a: AdmissionAttributes, message: string): Status {
  const meta = a.object?.metadata
  const name = meta?.name || meta?.generateName || (a.object ? 'Unknown' : a.name || 'Unknown')
  return forbidden(groupResource(a), name, message)
}
