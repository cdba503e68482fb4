/**
 * Patch metadata by kind: the descriptions strategic merge patch merges with.
 * Mirrors how kube-apiserver picks the schema: patch.go passes the versioned Go type of the
 * resource (schemaReferenceObj) to strategicpatch.NewPatchMetaFromStruct.
 */
import {
  lookupPatchMeta,
  untypedPatchMeta,
  type PatchLookup,
  type PatchMeta,
} from './patchMetaModel'
import { patchMetaKinds } from './patchMetaTypes'

export type { FieldPatchMeta, PatchLookup, PatchMeta } from './patchMetaModel'
export { lookupPatchMeta, untypedPatchMeta } from './patchMetaModel'

/**
 * The patch metadata of a kind. An unknown kind (a custom resource) gets the untyped meta, under
 * which every list is atomic; a real API server refuses strategic merge patch for custom
 * resources with 415 instead (see PATCH-30), so the API server should check first.
 */
export function patchMetaForKind(kind: string): PatchMeta {
  return Object.hasOwn(patchMetaKinds, kind)
    ? (patchMetaKinds[kind] ?? untypedPatchMeta)
    : untypedPatchMeta
}

/** Does the cluster know the patch metadata of this kind (a built-in kind it serves)? */
export function hasPatchMeta(kind: string): boolean {
  return Object.hasOwn(patchMetaKinds, kind)
}

/**
 * The tags and type of the field at a dotted path of a kind, lists walked through to their
 * elements: patchMetaFor('Deployment', 'spec.template.spec.containers') gives merge by name.
 * The empty path gives the kind itself, without tags.
 */
export function patchMetaFor(kind: string, path: string): PatchLookup {
  let lookup: PatchLookup = { meta: patchMetaForKind(kind), strategies: [], mergeKey: '' }
  for (const key of path.split('.').filter((s) => s !== ''))
    lookup = lookupPatchMeta(lookup.meta, key)
  return lookup
}
