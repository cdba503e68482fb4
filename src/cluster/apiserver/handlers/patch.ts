/**
 * PATCH with the three patch types kube-apiserver accepts for built-in kinds; the patched
 * object then takes the update path (so a stale resourceVersion in a patch is a conflict).
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go
 */
import type { JsonValue, KubeObject, Status, StoredObject } from '../../api/types'
import * as status from '../../api/status'
import { applyJsonPatch, applyMergePatchBody, applyStrategicMergePatch, patchMetaForKind, type FieldValidation } from '../patch'
import { parseJson } from '../body'
import { header } from '../request'
import type { ApiRequest } from '../request'
import { isObject } from '../../util/json'

/** The patch media types, by header value. */
export type PatchType = 'json' | 'merge' | 'strategic'

const acceptedTypes =
  'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json'

/** Read the patch type from Content-Type; a 415 Status for anything else (server-side apply included). */
export function patchTypeOf(req: ApiRequest): PatchType | Status {
  const ct = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  switch (ct) {
    case 'application/json-patch+json':
      return 'json'
    case 'application/merge-patch+json':
      return 'merge'
    case 'application/strategic-merge-patch+json':
      return 'strategic'
    case 'application/apply-patch+yaml':
      return status.unsupportedMediaType('server-side apply (application/apply-patch+yaml) is not supported by this cluster; use kubectl apply (client-side) or another patch type')
    default:
      return status.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${acceptedTypes}`)
  }
}

/** Apply a patch to an object's JSON; the patched object (and any warnings) or a Status. */
export function applyPatch(
  type: PatchType,
  kind: string,
  existing: StoredObject | KubeObject,
  body: unknown,
  fieldValidation: FieldValidation = 'Warn',
): { ok: true; object: KubeObject; warnings: string[] } | { ok: false; status: Status } {
  const parsed = parseJson(body)
  if (!parsed.ok) return { ok: false, status: status.badRequest(`error decoding patch: ${parsed.message}`) }
  const patch = parsed.value as JsonValue
  const original = existing as unknown as JsonValue
  const r =
    type === 'json'
      ? applyJsonPatch(original, patch, { fieldValidation })
      : type === 'merge'
        ? applyMergePatchBody(original, patch, { fieldValidation })
        : isObject(patch)
          ? applyStrategicMergePatch(original, patch, patchMetaForKind(kind))
          : applyMergePatchBody(original, patch, { fieldValidation })
  if (!r.ok) return { ok: false, status: r.status }
  if (!isObject(r.value)) return { ok: false, status: status.badRequest('the patched object is not a JSON object') }
  return { ok: true, object: r.value as KubeObject, warnings: r.warnings ?? [] }
}
