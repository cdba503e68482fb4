/** Patch types kube-apiserver accepts: JSON patch, JSON merge patch and strategic merge patch. */
export { applyMergePatch, applyMergePatchBody } from './mergePatch'
export { applyJsonPatch, maxJSONPatchOperations } from './jsonPatch'
export { applyStrategicMergePatch } from './strategicMergePatch'
export {
  hasPatchMeta,
  lookupPatchMeta,
  patchMetaFor,
  patchMetaForKind,
  untypedPatchMeta,
  type FieldPatchMeta,
  type PatchLookup,
  type PatchMeta,
} from './patchMeta'
export type { FieldValidation, PatchOptions, PatchResult } from './result'
export {
  APPLY_PATCH_TYPE,
  BUILTIN_PATCH_TYPES,
  CUSTOM_RESOURCE_PATCH_TYPES,
  JSON_PATCH_TYPE,
  MERGE_PATCH_TYPE,
  STRATEGIC_MERGE_PATCH_TYPE,
  patchTypeOf,
  unsupportedPatchType,
  type PatchType,
} from './mediaTypes'
