/**
 * Reading request bodies as kube-apiserver's decoder does: JSON text or an already parsed
 * value, a version/kind check against the endpoint, then a typed decode with the schema.
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go transformDecodeError
 */
import type { KubeObject, Status } from '../api/types'
import { badRequest } from '../api/status'
import { decodeObject } from '../api/schema/decode'
import { depthExceeds, isObject } from '../util/json'
import type { ResourceInfo } from './resources'
import { groupVersion } from './resources'

/** The most a body may nest: well past any real object, well short of a stack overflow. */
const maxDepth = 64

/** The decoded body, or the Status to answer with. */
export type Decoded = { ok: true; object: KubeObject; warnings: string[] } | { ok: false; status: Status }

/** Parse JSON text or accept a parsed value; never throws. */
export function parseJson(body: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof body !== 'string') return { ok: true, value: body }
  try {
    return { ok: true, value: JSON.parse(body) as unknown }
  } catch (e) {
    return { ok: false, message: goJsonSyntaxError(body, e) }
  }
}

function goJsonSyntaxError(text: string, e: unknown): string {
  if (text.trim() === '') return 'unexpected end of JSON input'
  const msg = e instanceof Error ? e.message : String(e)
  const at = /position (\d+)/.exec(msg)
  const ch = at ? text[Number(at[1])] : undefined
  return ch === undefined ? 'unexpected end of JSON input' : `invalid character '${ch}' looking for beginning of value`
}

function jsonKindOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v === 'boolean' ? 'bool' : typeof v
}

/** Decode a create/update body for a resource: version/kind check, typed decode, strictness. */
export function decodeBody(info: ResourceInfo, body: unknown, fieldValidation: FieldValidation): Decoded {
  const parsed = parseJson(body)
  if (!parsed.ok) return { ok: false, status: badRequest(`couldn't get version/kind; json parse error: ${parsed.message}`) }
  const value = parsed.value
  if (!isObject(value)) {
    return {
      ok: false,
      status: badRequest(
        `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKindOf(value)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
      ),
    }
  }
  if (depthExceeds(value, maxDepth)) return { ok: false, status: badRequest(`couldn't get version/kind; json parse error: exceeded max depth of ${maxDepth}`) }
  for (const f of ['apiVersion', 'kind'] as const) {
    const v = value[f]
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return { ok: false, status: badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKindOf(v)} into Go struct field .${f} of type string`) }
    }
  }
  const gv = groupVersion(info)
  const apiVersion = typeof value.apiVersion === 'string' && value.apiVersion ? value.apiVersion : gv
  const kind = typeof value.kind === 'string' && value.kind ? value.kind : info.kind
  if (kind !== info.kind) {
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion
    return {
      ok: false,
      status: badRequest(`${kind} in version "${version}" cannot be handled as a ${info.kind}: the kind in the data (${kind}) does not match the expected kind (${info.kind})`),
    }
  }
  if (apiVersion !== gv) {
    return { ok: false, status: badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${gv})`) }
  }
  const decoded = decodeObject(info.kind, { ...value, apiVersion: gv, kind: info.kind }, { strict: fieldValidation === 'Strict' })
  if (!decoded.ok) {
    return { ok: false, status: badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${decoded.message}`) }
  }
  const unknown = decoded.unknownFields
  if (unknown.length > 0 && fieldValidation === 'Strict') {
    return {
      ok: false,
      status: badRequest(
        `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
      ),
    }
  }
  const warnings = fieldValidation === 'Warn' ? unknown.map((f) => `unknown field "${f}"`) : []
  return { ok: true, object: decoded.object, warnings }
}

/** The fieldValidation query parameter's values. */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict'

/** Parse fieldValidation (default Warn, as kube-apiserver); undefined when invalid. */
export function parseFieldValidation(v: string | undefined): FieldValidation | undefined {
  if (v === undefined || v === '') return 'Warn'
  return v === 'Ignore' || v === 'Warn' || v === 'Strict' ? v : undefined
}
