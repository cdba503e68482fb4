/**
 * Status errors as kube-apiserver returns them.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go
 */
import type { Status, StatusDetails } from './types'
import { aggregateText, errorBody, type FieldError } from './field'

/** A group and a resource (plural) or kind: "deployments" + "apps" prints "deployments.apps". */
export interface GroupName {
  group: string
  name: string
}

/** GroupResource.String() / GroupKind.String(): "pods", "deployments.apps". */
export function qualified(g: GroupName): string {
  return g.group ? `${g.name}.${g.group}` : g.name
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }
  if (details) s.details = details
  return s
}

/** A success Status (returned by delete of some kinds and deletecollection in some modes). */
export function success(details?: StatusDetails): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 }
  if (details) s.details = details
  return s
}

/** 404 `pods "x" not found` */
export const notFound = (resource: GroupName, name: string): Status =>
  failure(404, 'NotFound', `${qualified(resource)} "${name}" not found`, { name, group: resource.group, kind: resource.name })

/** 409 `deployments.apps "web" already exists` */
export const alreadyExists = (resource: GroupName, name: string): Status =>
  failure(409, 'AlreadyExists', `${qualified(resource)} "${name}" already exists`, {
    name,
    group: resource.group,
    kind: resource.name,
  })

/** The detail of a stale-resourceVersion conflict (registry/generic OptimisticLockErrorMsg). */
export const optimisticLockErrorMsg = 'the object has been modified; please apply your changes to the latest version and try again'

/** 409 `Operation cannot be fulfilled on deployments.apps "web": …` */
export const conflict = (resource: GroupName, name: string, message: string = optimisticLockErrorMsg): Status =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(resource)} "${name}": ${message}`, {
    name,
    group: resource.group,
    kind: resource.name,
  })

/** 422 `Deployment.apps "web" is invalid: …` with one cause per field error. */
export function invalid(kind: GroupName, name: string, errs: readonly FieldError[]): Status {
  const message = errs.length
    ? `${qualified(kind)} "${name}" is invalid: ${aggregateText(errs)}`
    : `${qualified(kind)} "${name}" is invalid`
  return failure(422, 'Invalid', message, {
    name,
    group: kind.group,
    kind: kind.name,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  })
}

/** 400 BadRequest with a free message. */
export const badRequest = (message: string): Status => failure(400, 'BadRequest', message)

/** 403 `pods "x" is forbidden: …` */
export function forbidden(resource: GroupName, name: string, message: string): Status {
  const text = name ? `${qualified(resource)} "${name}" is forbidden: ${message}` : `${qualified(resource)} is forbidden: ${message}`
  return failure(403, 'Forbidden', text, { name, group: resource.group, kind: resource.name })
}

/** 405 `update is not supported on resources of kind "bindings"` */
export const methodNotSupported = (resource: GroupName, action: string): Status =>
  failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualified(resource)}"`, {
    group: resource.group,
    kind: resource.name,
  })

/** 410 Expired: a watch or list from a resourceVersion the server no longer keeps. */
export const resourceExpired = (message: string): Status => failure(410, 'Expired', message)

/** 404 for a path the server does not serve at all. */
export const pathNotFound = (): Status => failure(404, 'NotFound', 'the server could not find the requested resource', {})

/** 415 for a body or patch in a media type the server does not accept. */
export const unsupportedMediaType = (message: string): Status => failure(415, 'UnsupportedMediaType', message)

/** 500 `Internal error occurred: …` */
export const internalError = (message: string): Status =>
  failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] })
