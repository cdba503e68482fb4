/**
 * Patch metadata: which lists merge by which key, which maps retain keys. A PatchMeta is the
 * description of one Go type, reused wherever the type appears (a PodSpec describes both
 * Pod.spec and Deployment.spec.template.spec).
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/meta.go (PatchMeta,
 * LookupPatchMeta, PatchMetaFromStruct) and the patchStrategy/patchMergeKey struct tags that
 * third_party/forked/golang/json/fields.go (LookupPatchMetadataForStruct) reads.
 */

/** One field's struct tags: patchStrategy ("merge", "retainKeys", "merge,retainKeys", "replace") and patchMergeKey. */
export interface FieldPatchMeta {
  readonly patchStrategy?: string
  readonly patchMergeKey?: string
  /** The field's type; for a list, the type of its elements. Absent: untyped (nothing merges below). */
  readonly type?: PatchMeta
}

/** The description of one Go type, as far as strategic merge patch cares. */
export interface PatchMeta {
  /** The Go type name, e.g. "PodSpec". */
  readonly name: string
  /**
   * struct: `fields` lists the tagged fields (and the ones leading to them); a field not listed
   * has no tags. map: every key holds an `elem`. untyped: nothing is known, every list is atomic.
   */
  readonly kind: 'struct' | 'map' | 'untyped'
  readonly fields: Readonly<Record<string, FieldPatchMeta>>
  readonly elem?: PatchMeta
}

/** What LookupPatchMetadataForStruct/ForSlice answer for one key: the sub-schema and the tags. */
export interface PatchLookup {
  /** The field's type (for a list, its element type). */
  readonly meta: PatchMeta
  /** The patchStrategy tag split on ",": [] when the field has none. */
  readonly strategies: readonly string[]
  /** The patchMergeKey tag, "" when none. */
  readonly mergeKey: string
}

/** The type nothing is known about: maps merge key by key, every list is replaced whole. */
export const untypedPatchMeta: PatchMeta = { name: '', kind: 'untyped', fields: {} }

/** A struct description. */
export function struct(
  name: string,
  fields: Readonly<Record<string, FieldPatchMeta>> = {},
): PatchMeta {
  return { name, kind: 'struct', fields }
}

/** A Go map type, map[string]elem. */
export function mapOf(elem: PatchMeta = untypedPatchMeta): PatchMeta {
  return { name: `map[string]${elem.name || 'interface {}'}`, kind: 'map', fields: {}, elem }
}

/** A list tagged patchStrategy:"merge" patchMergeKey:key (key "" for a list of scalars, a set). */
export function mergeList(mergeKey: string, type?: PatchMeta): FieldPatchMeta {
  return mergeKey
    ? { patchStrategy: 'merge', patchMergeKey: mergeKey, type }
    : { patchStrategy: 'merge', type }
}

/** A list or struct without patch tags: replaced whole (atomic). Listed for documentation. */
export const atomic: FieldPatchMeta = {}

/** PatchMetaFromStruct.LookupPatchMetadataForStruct / ForSlice for one key of `meta`. */
export function lookupPatchMeta(meta: PatchMeta, key: string): PatchLookup {
  if (meta.kind === 'map')
    return { meta: meta.elem ?? untypedPatchMeta, strategies: [], mergeKey: '' }
  const field =
    meta.kind === 'struct' && Object.hasOwn(meta.fields, key) ? meta.fields[key] : undefined
  if (!field) return { meta: untypedPatchMeta, strategies: [], mergeKey: '' }
  return {
    meta: field.type ?? untypedPatchMeta,
    strategies: field.patchStrategy ? field.patchStrategy.split(',') : [],
    mergeKey: field.patchMergeKey ?? '',
  }
}

/** PatchMetaFromStruct.Name(): the reflect.Kind of the described type, e.g. "struct". */
export function patchMetaKindName(meta: PatchMeta): string {
  return meta.kind === 'untyped' ? 'interface' : meta.kind
}
