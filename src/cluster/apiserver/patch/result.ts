/**
 * What a patch engine returns, and the Status bodies kube-apiserver answers patch failures with.
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyJSPatch,
 * interpretStrategicMergePatchError) and responsewriters/status.go (ErrorToAPIStatus).
 */
import type { JsonValue, Status } from '../../api/types'
import { badRequest } from '../../api/status'

/** A patched object, or the Status the API server would answer with. */
export type PatchResult =
  | {
      ok: true
      value: JsonValue
      /** Warning header texts (fieldValidation=Warn), e.g. `json patch unknown field "[0].foo"`. */
      warnings?: string[]
    }
  | {
      ok: false
      status: Status
      /** The Go error text behind the Status, also where the Status hides it (the generic 422). */
      cause?: string
    }

/** fieldValidation as PatchOptions carries it; an absent directive means Warn upstream. */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict'

/** Options the API server passes down to the patch engines. */
export interface PatchOptions {
  /** PatchOptions.fieldValidation; default Warn, as handlers/rest.go fieldValidation() resolves "". */
  fieldValidation?: FieldValidation
}

/** A failure result carrying its Status and the Go error text. */
export function failed(status: Status, cause?: string): PatchResult {
  return cause === undefined ? { ok: false, status } : { ok: false, status, cause }
}

/**
 * errors.NewGenericServerResponse(422, "", GroupResource{}, "", msg, 0, false): reason Invalid and a
 * fixed message; the Go error text is dropped (no causes), which is what kubectl then prints.
 */
export function genericUnprocessable(cause: string): PatchResult {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server rejected our request due to an error in our request',
    reason: 'Invalid',
    details: {},
    code: 422,
  }
  return failed(status, cause)
}

/**
 * A plain Go error that reached the response writer: ErrorToAPIStatus makes it a 500 with
 * reason "" (StatusReasonUnknown, omitted from JSON) and the error text as message.
 */
export function unknownServerError(message: string): PatchResult {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    code: 500,
  }
  return failed(status, message)
}

/** errors.NewBadRequest(msg): 400 BadRequest. */
export function badRequestResult(message: string): PatchResult {
  return failed(badRequest(message), message)
}

/** errors.NewRequestEntityTooLargeError(msg): 413 RequestEntityTooLarge. */
export function requestEntityTooLarge(message: string): PatchResult {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Request entity too large: ${message}`,
    reason: 'RequestEntityTooLarge',
    code: 413,
  }
  return failed(status, message)
}
