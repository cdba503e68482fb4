/**
 * Lookups over the generated structural schema: which kinds the cluster serves, the Go
 * struct behind each, and how reflect names a field's Go type in decode errors.
 */
import type { FieldType, GoStruct, KindInfo } from './schemaTypes'
import { goStructs, kindInfos } from './types.generated'

export type { FieldType, GoStruct, KindInfo } from './schemaTypes'

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined

/** The served kind's apiVersion, group, version and root struct name, or undefined. */
export function kindInfo(kind: string): KindInfo | undefined {
  return own(kindInfos, kind)
}

/** The Go struct a served kind's body decodes into, or undefined for an unknown kind. */
export function schemaForKind(kind: string): GoStruct | undefined {
  const info = kindInfo(kind)
  return info ? own(goStructs, info.type) : undefined
}

/** A Go struct by its Go type name (DeploymentSpec, ObjectMeta, ...), or undefined. */
export function goStruct(name: string): GoStruct | undefined {
  return own(goStructs, name)
}

/** Every served kind, sorted. */
export function servedKinds(): string[] {
  return Object.keys(kindInfos).sort()
}

/** A field's type of one JSON field of a struct, or undefined when the struct has no such field. */
export function fieldType(struct: GoStruct, field: string): FieldType | undefined {
  return own(struct.fields, field)
}

const scalarGoNames: Record<string, string> = {
  string: 'string',
  boolean: 'bool',
  int32: 'int32',
  int64: 'int64',
  number: 'float64',
  bytes: '[]uint8',
  IntOrString: 'intstr.IntOrString',
  Quantity: 'resource.Quantity',
  Time: 'v1.Time',
  MicroTime: 'v1.MicroTime',
  any: 'runtime.RawExtension',
}

/** Finds a struct by Go type name; the generated schema unless a caller brings its own. */
export type StructLookup = (name: string) => GoStruct | undefined

/** The Go type as reflect's Type.String() prints it in "... of type X" (v1.Container, []string). */
export function goTypeName(t: FieldType, lookup: StructLookup = goStruct): string {
  if (typeof t === 'string') return scalarGoNames[t] ?? t
  if ('scalar' in t) return t.go
  if ('list' in t) return t.go ?? `[]${goTypeName(t.list, lookup)}`
  if ('map' in t) return t.go ?? `map[string]${goTypeName(t.map, lookup)}`
  return lookup(t.object)?.go ?? t.object
}
