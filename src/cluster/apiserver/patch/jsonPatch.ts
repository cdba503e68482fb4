/**
 * JSON patch (RFC 6902), as application/json-patch+json bodies are applied by kube-apiserver:
 * decoded strictly first (fieldValidation Warn/Strict), then by evanphx/json-patch v4, whose
 * operation semantics and error texts are reproduced; an operation that fails answers the
 * generic 422 of patch.go, which drops the error text.
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyJSPatch) and
 * vendor/gopkg.in/evanphx/json-patch.v4/patch.go (DecodePatch, ApplyIndent and the operations).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { invalid as fieldInvalid } from '../../api/field'
import { invalid as invalidStatus } from '../../api/status'
import { cloneJson } from '../../util/json'
import { isJsonObject, isJsonValue, jsonEqual } from './json'
import { jsonKindWord } from './goPrint'
import { goJsonMarshal } from './goJson'
import * as doc from './jsonPatchDocument'
import {
  badRequestResult,
  failed,
  genericUnprocessable,
  requestEntityTooLarge,
  type PatchOptions,
  type PatchResult,
} from './result'

/** maxJSONPatchOperations in patch.go. */
export const maxJSONPatchOperations = 10000

/** One operation as evanphx holds it: a map of raw members (null for a JSON null element). */
type Operation = JsonObject | null

type Read = { ok: true; value: string } | { ok: false; error: string }

const member = (op: Operation, name: string): JsonValue | undefined =>
  op !== null && Object.hasOwn(op, name) ? op[name] : undefined

/** Operation.Kind(): "unknown" unless "op" is a string. */
function kindOf(op: Operation): string {
  const v = member(op, 'op')
  return typeof v === 'string' ? v : 'unknown'
}

/** Operation.Path() / From(): a missing or null member is ErrMissing wrapped with `missing`. */
function readString(op: Operation, name: 'path' | 'from', missing: string): Read {
  const v = member(op, name)
  if (v === undefined || v === null) return { ok: false, error: `${missing}: ${doc.ErrMissing}` }
  if (typeof v !== 'string')
    return {
      ok: false,
      error: `json: cannot unmarshal ${jsonKindWord(v)} into Go value of type string`,
    }
  return { ok: true, value: v }
}
const pathOf = (op: Operation): Read => readString(op, 'path', 'operation missing path field')
const fromOf = (op: Operation): Read => readString(op, 'from', 'operation, missing from field')

/** Operation.value(): undefined when the member is absent (a nil node); the value copied in. */
function valueOf(op: Operation): JsonValue | undefined {
  const v = member(op, 'value')
  return v === undefined ? undefined : cloneJson(v)
}

/** lazyNode.equal, on JSON values (null stands for a nil node). */
function nodesEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return jsonEqual(a ?? null, b ?? null)
}

const missingPath = (verb: string, path: string): string =>
  `${verb} operation does not apply: doc is missing path: "${path}": ${doc.ErrMissing}`

function opAdd(root: doc.Root, op: Operation): doc.Failure {
  const path = pathOf(op)
  if (!path.ok) return `add operation failed to decode path: ${doc.ErrMissing}`
  const found = doc.findObject(root, path.value)
  if (!found) return missingPath('add', path.value)
  const err = doc.add(found.con, found.key, valueOf(op) ?? null)
  return err === undefined ? undefined : `error in add for path: '${path.value}': ${err}`
}

function opRemove(root: doc.Root, op: Operation): doc.Failure {
  const path = pathOf(op)
  if (!path.ok) return `remove operation failed to decode path: ${doc.ErrMissing}`
  const found = doc.findObject(root, path.value)
  if (!found) return missingPath('remove', path.value)
  const err = doc.remove(found.con, found.key)
  return err === undefined ? undefined : `error in remove for path: '${path.value}': ${err}`
}

function opReplace(root: doc.Root, op: Operation): doc.Failure {
  const path = pathOf(op)
  if (!path.ok) return `replace operation failed to decode path: ${path.error}`
  if (path.value === '') {
    const val = valueOf(op)
    // Go wraps a nil error here, which fmt prints as %!w(<nil>).
    if (val === undefined || (val !== null && typeof val !== 'object')) {
      return 'replace operation value must be object or array: %!w(<nil>)'
    }
    root.value = val
    return undefined
  }
  const found = doc.findObject(root, path.value)
  if (!found)
    return `replace operation does not apply: doc is missing path: ${path.value}: ${doc.ErrMissing}`
  if (!doc.get(found.con, found.key).ok) {
    return `replace operation does not apply: doc is missing key: ${path.value}: ${doc.ErrMissing}`
  }
  const err = doc.set(found.con, found.key, valueOf(op) ?? null)
  // sic: upstream says "remove" here.
  return err === undefined ? undefined : `error in remove for path: '${path.value}': ${err}`
}

function opMove(root: doc.Root, op: Operation): doc.Failure {
  const from = fromOf(op)
  if (!from.ok) return `move operation failed to decode from: ${from.error}`
  const src = doc.findObject(root, from.value)
  if (!src)
    return `move operation does not apply: doc is missing from path: ${from.value}: ${doc.ErrMissing}`
  const val = doc.get(src.con, src.key)
  if (!val.ok) return `error in move for path: '${src.key}': ${val.error}`
  const removed = doc.remove(src.con, src.key)
  if (removed !== undefined) return `error in move for path: '${src.key}': ${removed}`
  const path = pathOf(op)
  if (!path.ok) return `move operation failed to decode path: ${path.error}`
  const dst = doc.findObject(root, path.value)
  if (!dst)
    return `move operation does not apply: doc is missing destination path: ${path.value}: ${doc.ErrMissing}`
  const err = doc.add(dst.con, dst.key, val.value ?? null)
  return err === undefined ? undefined : `error in move for path: '${path.value}': ${err}`
}

function opTest(root: doc.Root, op: Operation): doc.Failure {
  const path = pathOf(op)
  if (!path.ok) return `test operation failed to decode path: ${path.error}`
  const expected = valueOf(op)
  const failedTest = `testing value ${path.value} failed: ${doc.ErrTestFailed}`
  if (path.value === '')
    return expected !== undefined && nodesEqual(root.value, expected) ? undefined : failedTest
  const found = doc.findObject(root, path.value)
  if (!found)
    return `test operation does not apply: is missing path: ${path.value}: ${doc.ErrMissing}`
  const got = doc.get(found.con, found.key)
  if (!got.ok) return `error in test for path: '${path.value}': ${got.error}`
  // A missing or null member passes against an absent or null value.
  if (got.value === undefined || got.value === null)
    return expected === undefined || expected === null ? undefined : failedTest
  if (expected === undefined) return failedTest
  return nodesEqual(got.value, expected) ? undefined : failedTest
}

function opCopy(root: doc.Root, op: Operation): doc.Failure {
  const from = fromOf(op)
  if (!from.ok) return `copy operation failed to decode from: ${from.error}`
  const src = doc.findObject(root, from.value)
  if (!src)
    return `copy operation does not apply: doc is missing from path: ${from.value}: ${doc.ErrMissing}`
  const val = doc.get(src.con, src.key)
  if (!val.ok) return `error in copy for from: '${from.value}': ${val.error}`
  const path = pathOf(op)
  if (!path.ok) return `copy operation failed to decode path: ${doc.ErrMissing}`
  const dst = doc.findObject(root, path.value)
  if (!dst)
    return `copy operation does not apply: doc is missing destination path: ${path.value}: ${doc.ErrMissing}`
  const err = doc.add(dst.con, dst.key, cloneJson(val.value ?? null))
  return err === undefined ? undefined : `error while adding value during copy: ${err}`
}

const operations: Record<string, (root: doc.Root, op: Operation) => doc.Failure> = {
  add: opAdd,
  remove: opRemove,
  replace: opReplace,
  move: opMove,
  test: opTest,
  copy: opCopy,
}

/**
 * kjson.UnmarshalStrict(patchBytes, &[]jsonPatchOp{}): the decode patch.go runs first when
 * fieldValidation is Warn or Strict. Returns the fatal error, or the unknown members found.
 */
function strictDecode(patch: JsonValue): { error: string } | { unknown: string[] } {
  if (patch === null) return { unknown: [] }
  if (!Array.isArray(patch)) {
    return {
      error: `json: cannot unmarshal ${jsonKindWord(patch)} into Go value of type []handlers.jsonPatchOp`,
    }
  }
  const unknown: string[] = []
  let first: string | undefined
  patch.forEach((op, i) => {
    if (op === null) return
    if (!isJsonObject(op)) {
      first ??= `json: cannot unmarshal ${jsonKindWord(op)} into Go value of type handlers.jsonPatchOp`
      return
    }
    for (const [key, v] of Object.entries(op)) {
      if (key === 'value') continue
      if (key === 'op' || key === 'path' || key === 'from') {
        if (v !== null && typeof v !== 'string') {
          first ??= `json: cannot unmarshal ${jsonKindWord(v)} into Go struct field jsonPatchOp.${key} of type string`
        }
      } else {
        unknown.push(`json patch unknown field "[${i}].${key}"`)
      }
    }
  })
  return first === undefined ? { unknown } : { error: first }
}

/** jsonpatch.DecodePatch: json.Unmarshal into []map[string]*json.RawMessage. */
function decodePatch(patch: JsonValue): { error: string } | { ops: Operation[] } {
  if (patch === null) return { ops: [] }
  if (!Array.isArray(patch))
    return {
      error: `json: cannot unmarshal ${jsonKindWord(patch)} into Go value of type jsonpatch.Patch`,
    }
  for (const op of patch) {
    if (op !== null && !isJsonObject(op)) {
      return {
        error: `json: cannot unmarshal ${jsonKindWord(op)} into Go value of type jsonpatch.Operation`,
      }
    }
  }
  return { ops: patch as Operation[] }
}

/** NewInvalid(GroupKind{}, "", patch: Invalid value: <patched JSON>: strict decoding error: ...). */
function strictInvalid(patched: JsonValue, unknown: string[]): PatchResult {
  const detail = `strict decoding error: ${unknown.join(', ')}`
  const status = invalidStatus({ group: '', name: '' }, '', [
    fieldInvalid('patch', goJsonMarshal(patched), detail),
  ])
  // Upstream details are omitempty: the empty group, kind and name do not appear.
  status.details = { causes: status.details?.causes ?? [] }
  return failed(status, detail)
}

/**
 * Applies an RFC 6902 patch body to the stored object, as kube-apiserver does. Decode errors are
 * 400 BadRequest, more than 10000 operations 413, a failing operation the generic 422.
 */
export function applyJsonPatch(
  original: JsonValue,
  patch: unknown,
  options: PatchOptions = {},
): PatchResult {
  if (!isJsonValue(patch))
    return badRequestResult('json: cannot unmarshal value into Go value of type jsonpatch.Patch')
  const directive = options.fieldValidation ?? 'Warn'
  let unknown: string[] = []
  if (directive !== 'Ignore') {
    const strict = strictDecode(patch)
    if ('error' in strict) return badRequestResult(`error decoding patch: ${strict.error}`)
    unknown = strict.unknown
  }
  const decoded = decodePatch(patch)
  if ('error' in decoded) return badRequestResult(decoded.error)
  if (decoded.ops.length > maxJSONPatchOperations) {
    return requestEntityTooLarge(
      `The allowed maximum operations in a JSON patch is ${maxJSONPatchOperations}, got ${decoded.ops.length}`,
    )
  }
  if (original === null || typeof original !== 'object') {
    return genericUnprocessable(
      `json: cannot unmarshal ${jsonKindWord(original)} into Go value of type jsonpatch.partialDoc`,
    )
  }
  const root: doc.Root = { value: cloneJson(original) }
  for (const op of decoded.ops) {
    const kind = kindOf(op)
    const apply = Object.hasOwn(operations, kind) ? operations[kind] : undefined
    const err = apply ? apply(root, op) : `Unexpected kind: ${kind}`
    if (err !== undefined) return genericUnprocessable(err)
  }
  if (unknown.length && directive === 'Strict') return strictInvalid(root.value, unknown)
  return unknown.length
    ? { ok: true, value: root.value, warnings: unknown }
    : { ok: true, value: root.value }
}
