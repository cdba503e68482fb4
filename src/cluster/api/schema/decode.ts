/**
 * Decodes a request body into a served kind the way kube-apiserver's JSON serializer does
 * (sigs.k8s.io/json: encoding/json, case-sensitive keys, strict mode): type mismatches fail
 * with Go's exact "json: cannot unmarshal ..." text, Quantity/Time/IntOrString/[]byte run
 * their own UnmarshalJSON, unknown fields are collected as paths and dropped, and the
 * result is a new object in the form the API server writes back.
 * Mirrors sigs.k8s.io/json internal/golang/encoding/json/decode.go (object, array,
 * literalStore, saveError/addErrorContext, saveStrictError) and
 * staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go (Decode, unmarshal).
 */
import { goQuote } from '../goFormat'
import { parseQuantity } from '../quantity'
import type { KubeObject } from '../types'
import { cloneJson, setMember } from '../../util/json'
import { corruptInputError, decodeStdBase64, encodeStdBase64 } from './goBase64'
import { formatGoTime, parseGoTime } from './goTime'
import { memoize } from '../../util/memo'

// Quantities and timestamps repeat constantly (every pod of a ReplicaSet, every status write in
// the same second): their canonical forms are pure functions of the text, so they are memoized.
const canonicalQuantity = memoize(4096, (key) => {
  const parsed = parseQuantity(key[0] === 'n' ? Number(key.slice(1)) : key.slice(1))
  return parsed.ok ? { ok: true as const, canonical: parsed.q.canonical } : parsed
})
const timeNormalizer = (layout: 'RFC3339' | 'RFC3339Micro') =>
  memoize(4096, (text) => {
    const parsed = parseGoTime(layout, text)
    return parsed.ok ? { ok: true as const, text: formatGoTime(layout, parsed.time) } : parsed
  })
const normalTime = timeNormalizer('RFC3339')
const normalMicroTime = timeNormalizer('RFC3339Micro')
import { interpretGvk, jsonKindOf } from './interpret'
import { fieldType, goStruct, goTypeName, kindInfo, type StructLookup } from './schema'
import type { FieldType, GoStruct, ScalarType } from './schemaTypes'

export { kindInfo, schemaForKind } from './schema'

/** What decodeObject returns: the decoded object and its unknown fields, or upstream's error text. */
export type DecodeResult =
  | { ok: true; object: KubeObject; unknownFields: string[] }
  | {
      ok: false
      message: string
      /**
       * Set when the body could not even be read for apiVersion/kind (upstream wraps these as
       * "the object provided is unrecognized (must be of type X): <message> (<body>)"
       * instead of "X in version "v" cannot be handled as a X: <message>").
       */
      unrecognized?: true
    }

/** Options: strict fails on unknown fields (fieldValidation=Strict) instead of returning them. */
export interface DecodeOptions {
  strict: boolean
}

// sigs.k8s.io/json saveStrictError keeps at most this many strict errors.
const maxStrictErrors = 100

/** The text of one unknown-field strict error, as the Warning header and error list print it. */
export function unknownFieldMessage(path: string): string {
  return `unknown field ${goQuote(path)}`
}

/** runtime.strictDecodingError's text for a list of unknown field paths. */
export function strictDecodingMessage(unknownFields: readonly string[]): string {
  return `strict decoding error: ${unknownFields.map(unknownFieldMessage).join(', ')}`
}

// encoding/json's errorContext: the innermost struct and the JSON field names from the root.
interface GoContext {
  struct: string
  fields: readonly string[]
}

// An UnmarshalJSON error: it ends decoding at once, unlike a saved type error.
class Abort {
  constructor(readonly message: string) {}
}

const drop: unique symbol = Symbol('drop')
type Decoded = unknown

const inInt32 = (n: number): boolean => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647
const inInt64 = (n: number): boolean => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63

// The Go zero value a JSON null leaves in a list element or map value.
function zeroValue(t: FieldType): unknown {
  const scalar: ScalarType | undefined =
    typeof t === 'string' ? t : 'scalar' in t ? t.scalar : undefined
  if (scalar === undefined) return typeof t !== 'string' && 'object' in t ? {} : null
  switch (scalar) {
    case 'string':
    case 'bytes':
      return ''
    case 'boolean':
      return false
    case 'int32':
    case 'int64':
    case 'number':
    case 'IntOrString':
      return 0
    case 'Quantity':
      return '0'
    default:
      return null
  }
}

class Decoder {
  saved: string | undefined
  readonly unknown: string[] = []

  constructor(private readonly lookup: StructLookup) {}

  typeError(value: string, goType: string, ctx: GoContext | undefined): string {
    return ctx
      ? `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${goType}`
      : `json: cannot unmarshal ${value} into Go value of type ${goType}`
  }

  // saveError: only the first error is kept, and decoding goes on.
  save(message: string): typeof drop {
    this.saved ??= message
    return drop
  }

  unknownField(path: string): void {
    if (this.unknown.length >= maxStrictErrors || this.unknown.includes(path)) return
    this.unknown.push(path)
  }

  value(v: unknown, t: FieldType, ctx: GoContext | undefined, path: string): Decoded | typeof drop {
    const kind = jsonKindOf(v)
    if (typeof t === 'string') return this.scalar(v, kind, t, goTypeName(t, this.lookup), ctx)
    if ('scalar' in t) return this.scalar(v, kind, t.scalar, t.go, ctx)
    if (kind === 'null') return drop
    if ('list' in t) {
      if (kind !== 'array') return this.save(this.typeError(kind, goTypeName(t, this.lookup), ctx))
      return (v as unknown[]).map((elem, i) => this.element(elem, t.list, ctx, `${path}[${i}]`))
    }
    if ('map' in t) {
      if (kind !== 'object') return this.save(this.typeError(kind, goTypeName(t, this.lookup), ctx))
      const out: Record<string, unknown> = {}
      const entries = Object.entries(v as Record<string, unknown>)
      const decoded = entries.map(
        ([k, x]) => [k, this.element(x, t.map, ctx, `${path}.${k}`)] as const,
      )
      // encoding/json writes map keys sorted, so that is the shape the server hands back.
      for (const [k, x] of decoded.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        setMember(out, k, x)
      return out
    }
    const struct = this.lookup(t.object)
    if (!struct) throw new Error(`schema has no struct ${t.object}`)
    if (kind !== 'object') return this.save(this.typeError(kind, struct.go, ctx))
    return this.struct(v as Record<string, unknown>, t.object, struct, ctx, path)
  }

  // A list element or map value: null there stores the element type's zero value.
  element(v: unknown, t: FieldType, ctx: GoContext | undefined, path: string): unknown {
    if (v === null || v === undefined) return zeroValue(t)
    const out = this.value(v, t, ctx, path)
    return out === drop ? zeroValue(t) : out
  }

  struct(
    body: Record<string, unknown>,
    name: string,
    struct: GoStruct,
    ctx: GoContext | undefined,
    path: string,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(body)) {
      const childPath = path === '' ? key : `${path}.${key}`
      const t = fieldType(struct, key)
      if (!t) {
        this.unknownField(childPath)
        continue
      }
      const childCtx: GoContext = { struct: name, fields: [...(ctx?.fields ?? []), key] }
      if (v === null && struct.byValue?.includes(key)) {
        // UnmarshalJSON("null") on a value (not pointer) IntOrString or Quantity: zero value.
        setMember(out, key, zeroValue(t))
        continue
      }
      const decoded = this.value(v, t, childCtx, childPath)
      if (decoded !== drop) setMember(out, key, decoded)
    }
    return out
  }

  scalar(
    v: unknown,
    kind: ReturnType<typeof jsonKindOf>,
    t: ScalarType,
    go: string,
    ctx: GoContext | undefined,
  ): Decoded | typeof drop {
    if (kind === 'null' && t !== 'any') return drop
    switch (t) {
      case 'string':
        return kind === 'string' ? v : this.save(this.typeError(kind, go, ctx))
      case 'boolean':
        return kind === 'bool' ? v : this.save(this.typeError(kind, go, ctx))
      case 'number':
        return kind === 'number' ? Number(v) : this.save(this.typeError(kind, go, ctx))
      case 'int32':
      case 'int64': {
        if (kind !== 'number') return this.save(this.typeError(kind, go, ctx))
        const n = Number(v)
        if (t === 'int32' ? inInt32(n) : inInt64(n)) return n
        return this.save(this.typeError(`number ${String(v)}`, go, ctx))
      }
      case 'bytes': {
        if (kind !== 'string') return this.save(this.typeError(kind, go, ctx))
        const decoded = decodeStdBase64(String(v))
        // The base64 error is not a type error, so it carries no field context.
        if (!decoded.ok) return this.save(corruptInputError(decoded.offset))
        return encodeStdBase64(decoded.bytes)
      }
      case 'any':
        return kind === 'null' ? drop : cloneJson(v)
      case 'IntOrString': {
        // IntOrString.UnmarshalJSON: a string, else json.Unmarshal into int32.
        if (kind === 'string') return v
        const n = Number(v)
        if (kind === 'number' && inInt32(n)) return n
        throw new Abort(
          this.typeError(kind === 'number' ? `number ${String(v)}` : kind, 'int32', ctx),
        )
      }
      case 'Quantity': {
        // Quantity.UnmarshalJSON: strip the quotes, trim, ParseQuantity the text.
        const text =
          kind === 'string' ? String(v).trim() : kind === 'number' ? Number(v) : JSON.stringify(v)
        const parsed = canonicalQuantity(typeof text === 'number' ? `n${text}` : `s${text}`)
        if (!parsed.ok) throw new Abort(parsed.error)
        return parsed.canonical
      }
      case 'Time':
      case 'MicroTime': {
        // Time.UnmarshalJSON: json.Unmarshal into a string, then time.Parse.
        if (kind !== 'string') throw new Abort(this.typeError(kind, 'string', ctx))
        const parsed = (t === 'Time' ? normalTime : normalMicroTime)(String(v))
        if (!parsed.ok) throw new Abort(parsed.message)
        return parsed.text
      }
    }
  }
}

/**
 * Decodes `body` into the struct `rootType` of a schema (the generated one unless `lookup`
 * is given), after the serializer's apiVersion/kind read. decodeObject is this for a kind.
 */
export function decodeAs(
  rootType: string,
  body: unknown,
  opts: DecodeOptions,
  lookup: StructLookup = goStruct,
): DecodeResult {
  const root = lookup(rootType)
  if (!root) throw new Error(`decode: no struct ${rootType} in the schema`)
  const gvk = interpretGvk(body)
  if (!gvk.ok) return { ok: false, message: gvk.message, unrecognized: true }
  if (body === null) return { ok: true, object: {}, unknownFields: [] }

  const decoder = new Decoder(lookup)
  let object: Record<string, unknown>
  try {
    object = decoder.struct(body as Record<string, unknown>, rootType, root, undefined, '')
  } catch (err) {
    if (err instanceof Abort) return { ok: false, message: err.message }
    throw err
  }
  // A type error is fatal and hides strict errors, as UnmarshalStrict returns it alone.
  if (decoder.saved !== undefined) return { ok: false, message: decoder.saved }
  const unknownFields = [...decoder.unknown]
  if (opts.strict && unknownFields.length > 0)
    return { ok: false, message: strictDecodingMessage(unknownFields) }
  return { ok: true, object: object as KubeObject, unknownFields }
}

/**
 * Decodes `body` as a `kind` the cluster serves. Never mutates `body`. On success the object
 * holds only known fields, in the server's canonical form (Quantity, Time, []byte); unknown
 * fields are returned as paths (spec.template.spec.containers[0].imagee) for warnings, or,
 * with opts.strict, fail the decode with upstream's "strict decoding error: ..." text.
 */
export function decodeObject(kind: string, body: unknown, opts: DecodeOptions): DecodeResult {
  const info = kindInfo(kind)
  if (!info) throw new Error(`decodeObject: ${kind} is not a served kind`)
  return decodeAs(info.type, body, opts)
}
