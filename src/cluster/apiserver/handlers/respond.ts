/** Turning a Status into a response, and errors several verbs share. */
import type { Status } from '../../api/types'
import type { ApiResponse } from '../request'

/** A response carrying a Status, with its code as the HTTP status. */
export function respond(s: Status, headers?: Record<string, string>): ApiResponse {
  return headers ? { status: s.code, body: s, headers } : { status: s.code, body: s }
}

/** 504 for a resourceVersion the server has not reached yet. */
export function tooLargeResourceVersion(rv: number, current: number): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Timeout: Too large resource version: ${rv}, current: ${current}`,
    reason: 'Timeout',
    details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 },
    code: 504,
  }
}
