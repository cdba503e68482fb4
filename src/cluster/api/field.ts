/**
 * Field-level validation errors, as apimachinery's util/validation/field package.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go
 */
import { goQuote, goSharpV } from './goFormat'

/** The machine-readable error types; they double as StatusCause reasons. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid'

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
}

/** Marker for "no value to print" (field.omitValue upstream). */
export const omitValue: unique symbol = Symbol('omitValue')

/** One field error: type, field path, the bad value and a detail. */
export interface FieldError {
  type: FieldErrorType
  field: string
  value: unknown
  detail: string
}

/** A field path such as spec.template.spec.containers[0].image. */
export class FieldPath {
  private constructor(private readonly text: string) {}
  /** A root path: new FieldPath('spec'). */
  static root(name: string): FieldPath {
    return new FieldPath(name)
  }
  /** A child: path.child('template', 'spec'). */
  child(...names: string[]): FieldPath {
    return new FieldPath([this.text, ...names].filter((s) => s !== '').join('.'))
  }
  /** An element of a list: path.index(0) → containers[0]. */
  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`)
  }
  /** An element of a map: path.key('app') → labels[app]. */
  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`)
  }
  /** The path as text. */
  toString(): string {
    return this.text
  }
}

/** A root field path (field.NewPath upstream). */
export function fieldPath(name: string, ...more: string[]): FieldPath {
  return FieldPath.root(name).child(...more)
}

const make = (type: FieldErrorType, path: FieldPath | string, value: unknown, detail: string): FieldError => ({
  type,
  field: String(path),
  value,
  detail,
})

/** field.Invalid */
export const invalid = (p: FieldPath | string, value: unknown, detail: string): FieldError =>
  make('FieldValueInvalid', p, value, detail)
/** field.Required */
export const required = (p: FieldPath | string, detail = ''): FieldError => make('FieldValueRequired', p, '', detail)
/** field.Duplicate */
export const duplicate = (p: FieldPath | string, value: unknown): FieldError => make('FieldValueDuplicate', p, value, '')
/** field.NotFound */
export const notFound = (p: FieldPath | string, value: unknown): FieldError => make('FieldValueNotFound', p, value, '')
/** field.Forbidden */
export const forbidden = (p: FieldPath | string, detail: string): FieldError => make('FieldValueForbidden', p, '', detail)
/** field.NotSupported: detail lists the supported values quoted. */
export const notSupported = (p: FieldPath | string, value: unknown, valid: readonly string[]): FieldError =>
  make('FieldValueNotSupported', p, value, valid.length ? 'supported values: ' + valid.map(goQuote).join(', ') : '')
/** field.TooLong */
export const tooLong = (p: FieldPath | string, value: unknown, max: number): FieldError =>
  make('FieldValueTooLong', p, value, `must have at most ${max} bytes`)
/** field.TypeInvalid */
export const typeInvalid = (p: FieldPath | string, value: unknown, detail: string): FieldError =>
  make('FieldValueTypeInvalid', p, value, detail)
/** field.InternalError */
export const internalError = (p: FieldPath | string, message: string): FieldError => make('InternalError', p, null, message)

/** The message without the field name (ErrorBody upstream). */
export function errorBody(e: FieldError): string {
  const t = typeText[e.type]
  let s: string
  if (
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError' ||
    e.value === omitValue
  ) {
    s = t
  } else {
    s = `${t}: ${goSharpV(e.value)}`
  }
  if (e.detail) s += `: ${e.detail}`
  return s
}

/** The whole message: "field: body" (Error() upstream). */
export function errorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`
}

/** ErrorList.ToAggregate().Error(): deduplicated, one message bare, several in brackets. */
export function aggregateText(errs: readonly FieldError[]): string {
  const seen = new Set<string>()
  const msgs: string[] = []
  for (const e of errs) {
    const m = errorText(e)
    if (!seen.has(m)) {
      seen.add(m)
      msgs.push(m)
    }
  }
  if (msgs.length === 0) return ''
  if (msgs.length === 1) return msgs[0] ?? ''
  return `[${msgs.join(', ')}]`
}
