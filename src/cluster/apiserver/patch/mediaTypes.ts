/**
 * The patch media types (Content-Type of a PATCH request) and which resources accept which.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/types/patch.go, the supportedTypes list of
 * staging/src/k8s.io/apiserver/pkg/endpoints/installer.go, the CRD handler's list in
 * apiextensions-apiserver, and negotiation.NewUnsupportedMediaTypeError.
 */
import type { Status } from '../../api/types'
import { unsupportedMediaType } from '../../api/status'

/** types.JSONPatchType (RFC 6902) */
export const JSON_PATCH_TYPE = 'application/json-patch+json'
/** types.MergePatchType (RFC 7386) */
export const MERGE_PATCH_TYPE = 'application/merge-patch+json'
/** types.StrategicMergePatchType */
export const STRATEGIC_MERGE_PATCH_TYPE = 'application/strategic-merge-patch+json'
/** types.ApplyYAMLPatchType: server-side apply, not simulated (answered with 415, see PATCH-31). */
export const APPLY_PATCH_TYPE = 'application/apply-patch+yaml'

/** A patch media type. */
export type PatchType =
  | typeof JSON_PATCH_TYPE
  | typeof MERGE_PATCH_TYPE
  | typeof STRATEGIC_MERGE_PATCH_TYPE
  | typeof APPLY_PATCH_TYPE

/** What a built-in resource accepts, in the order the 415 message lists them. */
export const BUILTIN_PATCH_TYPES: readonly PatchType[] = [
  JSON_PATCH_TYPE,
  MERGE_PATCH_TYPE,
  STRATEGIC_MERGE_PATCH_TYPE,
  APPLY_PATCH_TYPE,
]

/** What a custom resource accepts: no strategic merge patch. */
export const CUSTOM_RESOURCE_PATCH_TYPES: readonly PatchType[] = [
  JSON_PATCH_TYPE,
  MERGE_PATCH_TYPE,
  APPLY_PATCH_TYPE,
]

/** The patch type of a Content-Type header ("; charset=..." cut off, as PatchResource does). */
export function patchTypeOf(contentType: string): string {
  const idx = contentType.indexOf(';')
  return idx > 0 ? contentType.slice(0, idx) : contentType
}

/** 415 "the body of the request was in an unknown format - accepted media types include: ..." */
export function unsupportedPatchType(accepted: readonly string[]): Status {
  return unsupportedMediaType(
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  )
}
