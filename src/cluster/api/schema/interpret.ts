/**
 * The JSON serializer's first look at a body, before it picks a Go struct: read apiVersion
 * and kind with the standard (case-insensitive) encoding/json into an anonymous struct.
 * Its failures reach the client as "the object provided is unrecognized ...".
 * Mirrors staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/meta.go
 * (SimpleMetaFactory.Interpret) and pkg/runtime/schema/group_version.go (ParseGroupVersion).
 */

/** What Interpret read: the group, version and kind written in the body (each may be ""). */
export interface InterpretedGvk {
  group: string
  version: string
  kind: string
}

// reflect's String() of Interpret's anonymous struct, as encoding/json names it in errors.
const findKindType =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'

/** The JSON kind encoding/json names in "cannot unmarshal X": object, array, string, number, bool. */
export function jsonKindOf(v: unknown): 'null' | 'bool' | 'number' | 'string' | 'array' | 'object' {
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v)) return 'array'
  switch (typeof v) {
    case 'boolean':
      return 'bool'
    case 'number':
    case 'bigint':
      return 'number'
    case 'object':
      return 'object'
    default:
      return 'string'
  }
}

// encoding/json's equalFold for ASCII keys, with the two non-ASCII folds that reach
// these names: U+017F (long s) folds to s and U+212A (Kelvin sign) to k.
function foldKey(s: string): string {
  return s
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k')
    .toLowerCase()
}

/** ParseGroupVersion: "" and "/" are empty, one slash splits, more is an error. */
export function parseGroupVersion(
  gv: string,
): { group: string; version: string } | { error: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' }
  const parts = gv.split('/')
  if (parts.length === 1) return { group: '', version: gv }
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '' }
  return { error: `unexpected GroupVersion string: ${gv}` }
}

/** Interpret(body): the written group/version/kind, or the error text upstream returns. */
export function interpretGvk(
  body: unknown,
): { ok: true; gvk: InterpretedGvk } | { ok: false; message: string } {
  const prefix = "couldn't get version/kind; json parse error: "
  if (body === undefined) return { ok: false, message: `${prefix}unexpected end of JSON input` }
  const kind = jsonKindOf(body)
  if (kind === 'null') return { ok: true, gvk: { group: '', version: '', kind: '' } }
  if (kind !== 'object') {
    return {
      ok: false,
      message: `${prefix}json: cannot unmarshal ${kind} into Go value of type ${findKindType}`,
    }
  }
  let apiVersion = ''
  let kindName = ''
  let saved: string | undefined
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const folded = foldKey(key)
    const field = folded === 'apiversion' ? 'apiVersion' : folded === 'kind' ? 'kind' : undefined
    if (!field) continue
    const vk = jsonKindOf(value)
    if (vk === 'null') continue
    if (vk !== 'string') {
      saved ??= `json: cannot unmarshal ${vk} into Go struct field .${field} of type string`
      continue
    }
    if (field === 'apiVersion') apiVersion = String(value)
    else kindName = String(value)
  }
  if (saved) return { ok: false, message: prefix + saved }
  const gv = parseGroupVersion(apiVersion)
  if ('error' in gv) return { ok: false, message: gv.error }
  return { ok: true, gvk: { ...gv, kind: kindName } }
}
