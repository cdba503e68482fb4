/**
 * The errors strategic merge patch raises, with the class of answer kube-apiserver gives each:
 * the mergepatch sentinels it recognises become 400 or the generic 422, every other error is a
 * plain Go error and reaches the client as a 500 with an empty reason.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/mergepatch/errors.go and
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (interpretStrategicMergePatchError).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { goS, goTypeName, goV } from './goPrint'

/** How the API server answers an error: 400, the generic 422, or 500 (a plain error). */
export type SmpErrorClass = 'badRequest' | 'unprocessable' | 'internal'

/** An error raised while merging; caught at the entry point and turned into a Status. */
export class SmpError extends Error {
  constructor(
    readonly errorClass: SmpErrorClass,
    message: string,
  ) {
    super(message)
  }
}

/** mergepatch.ErrBadPatchFormatForPrimitiveList (400) */
export const errBadPatchFormatForPrimitiveList = (): SmpError =>
  new SmpError('badRequest', 'invalid patch format of primitive list')
/** mergepatch.ErrBadPatchFormatForRetainKeys (400) */
export const errBadPatchFormatForRetainKeys = (): SmpError =>
  new SmpError('badRequest', 'invalid patch format of retainKeys')
/** mergepatch.ErrBadPatchFormatForSetElementOrderList (400) */
export const errBadPatchFormatForSetElementOrderList = (): SmpError =>
  new SmpError('badRequest', 'invalid patch format of setElementOrder list')
/** mergepatch.ErrNoListOfLists (generic 422) */
export const errNoListOfLists = (): SmpError =>
  new SmpError('unprocessable', 'lists of lists are not supported')

/** mergepatch.ErrNoMergeKey: "map: map[image:nginx] does not contain declared merge key: name" (500) */
export const errNoMergeKey = (m: JsonObject, key: string): SmpError =>
  new SmpError('internal', `map: ${goV(m)} does not contain declared merge key: ${key}`)

/** mergepatch.ErrBadArgType: "expected a map[string]interface {}, but received a string" (500) */
export const errBadArgType = (expected: string, actual: JsonValue | undefined): SmpError =>
  new SmpError(
    'internal',
    `expected a ${expected}, but received a ${actual === undefined || actual === null ? '%!s(<nil>)' : goTypeName(actual)}`,
  )

/** mergepatch.ErrBadPatchType: "unknown patch type: foo in map: map[$patch:foo]" (500) */
export const errBadPatchType = (t: JsonValue | undefined, m: JsonObject): SmpError =>
  new SmpError('internal', `unknown patch type: ${goS(t ?? null)} in map: ${goV(m)}`)

/** Any other plain error (500). */
export const errInternal = (message: string): SmpError => new SmpError('internal', message)

/** The Go type name of a decoded JSON object, as the messages quote it. */
export const goMapType = 'map[string]interface {}'
/** The Go type name of a decoded JSON list. */
export const goSliceType = '[]interface {}'
