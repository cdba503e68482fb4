/**
 * Error texts as Go builds them from API errors: err.Error() of an API Status is its message,
 * and a list of errors prints as utilerrors.NewAggregate does.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go (aggregate.Error)
 */
import type { Status } from '../../api/types'

/** err.Error() of a StatusError: the Status message. */
export function statusText(status: Status): string {
  return status.message ?? ''
}

/** aggregate.Error(): one error as itself, several de-duplicated in brackets; '' for none. */
export function aggregateErrors(errs: readonly string[]): string {
  if (errs.length === 0) return ''
  if (errs.length === 1) return errs[0] ?? ''
  const seen: string[] = []
  for (const e of errs) if (!seen.includes(e)) seen.push(e)
  return seen.length === 1 ? (seen[0] ?? '') : `[${seen.join(', ')}]`
}

/** Is the failure a 404 (errors.IsNotFound)? */
export function isNotFound(status: Status): boolean {
  return status.code === 404 || status.reason === 'NotFound'
}

/** Is the failure a 409 AlreadyExists (errors.IsAlreadyExists)? */
export function isAlreadyExists(status: Status): boolean {
  return status.reason === 'AlreadyExists'
}

/** Is the failure a 422 Invalid (errors.IsInvalid)? */
export function isInvalid(status: Status): boolean {
  return status.reason === 'Invalid'
}

/** Does the Status carry a cause of this type (errors.HasStatusCause)? */
export function hasStatusCause(status: Status, cause: string): boolean {
  return (status.details?.causes ?? []).some((c) => c.reason === cause)
}

/** v1.NamespaceTerminatingCause, carried by creates in a terminating namespace. */
export const namespaceTerminatingCause = 'NamespaceTerminating'
