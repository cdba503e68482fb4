/**
 * Turns the walked kubernetes-types structs into the generated schema: applies the Go type
 * tables, checks that every table entry names a real field and every integer is classified,
 * and renders the two generated files with sorted keys so that re-running is byte-identical.
 */
import type { FieldType, GoStruct, KindInfo } from '../../src/cluster/api/schema/schemaTypes'
import {
  byValueFields,
  byteFields,
  float64Fields,
  int32Fields,
  int64Fields,
  namedMaps,
  namedStrings,
} from './goTypes'
import { rootKinds } from './roots'
import type { TsType, WalkResult } from './walk'

/** The generated schema before rendering. */
export interface BuiltSchema {
  structs: Record<string, GoStruct>
  kinds: Record<string, KindInfo>
  descriptions: Record<string, { description: string; fields: Record<string, string> }>
}

function packageOf(module: string): string {
  const version = module.split('/')[1]
  if (!version) throw new Error(`bad module ${module}`)
  return version
}

/** Applies the Go tables to the walk result; throws on anything unclassified or unused. */
export function buildSchema(walk: WalkResult): BuiltSchema {
  const used = new Set<string>()
  const int64 = new Set(int64Fields)
  const int32 = new Set(int32Fields)
  const float64 = new Set(float64Fields)
  const bytes = new Set(byteFields)
  const byValue = new Set(byValueFields)

  const convert = (t: TsType, key: string): FieldType => {
    if (typeof t === 'string') {
      switch (t) {
        case 'number': {
          const classes = [int64.has(key), int32.has(key), float64.has(key)].filter(Boolean).length
          if (classes !== 1)
            throw new Error(`${key}: number must be in exactly one of int64/int32/float64 tables`)
          used.add(key)
          return int64.has(key) ? 'int64' : int32.has(key) ? 'int32' : 'number'
        }
        case 'string': {
          if (bytes.has(key)) {
            used.add(key)
            return 'bytes'
          }
          const named = namedStrings[key]
          if (named) {
            used.add(key)
            return { scalar: 'string', go: named }
          }
          return 'string'
        }
        case 'IntOrString':
        case 'Quantity':
          if (byValue.has(key)) used.add(key)
          return t
        default:
          return t
      }
    }
    if ('list' in t) return { list: convert(t.list, key) }
    if ('map' in t) {
      const go = namedMaps[key]
      if (go) used.add(key)
      const elem = convert(t.map, key)
      return go ? { map: elem, go } : { map: elem }
    }
    return { object: t.object }
  }

  const structs: Record<string, GoStruct> = {}
  const descriptions: BuiltSchema['descriptions'] = {}
  for (const name of [...walk.structs.keys()].sort()) {
    const ts = walk.structs.get(name)
    if (!ts) continue
    const fields: Record<string, FieldType> = {}
    const fieldDocs: Record<string, string> = {}
    const values: string[] = []
    for (const fieldName of [...ts.fields.keys()].sort()) {
      const field = ts.fields.get(fieldName)
      if (!field) continue
      const key = `${name}.${fieldName}`
      fields[fieldName] = convert(field.type, key)
      if (byValue.has(key)) values.push(fieldName)
      if (field.description) fieldDocs[fieldName] = field.description
    }
    const struct: GoStruct = { go: `${packageOf(ts.module)}.${name}`, fields }
    structs[name] = values.length > 0 ? { ...struct, byValue: values } : struct
    descriptions[name] = { description: ts.description, fields: fieldDocs }
  }

  const tableKeys = [
    ...int64Fields,
    ...int32Fields,
    ...float64Fields,
    ...Object.keys(namedStrings),
    ...Object.keys(namedMaps),
    ...byteFields,
    ...byValueFields,
  ]
  const unused = tableKeys.filter((k) => !used.has(k))
  if (unused.length > 0)
    throw new Error(`Go type table entries match no field: ${unused.join(', ')}`)

  const kinds: Record<string, KindInfo> = {}
  for (const root of [...rootKinds].sort((a, b) => a.kind.localeCompare(b.kind))) {
    const lit = walk.literals.get(root.kind)
    if (lit?.apiVersion !== undefined && lit.apiVersion !== root.apiVersion) {
      throw new Error(
        `${root.kind}: kubernetes-types says apiVersion ${lit.apiVersion}, roots say ${root.apiVersion}`,
      )
    }
    if (lit?.kind !== undefined && lit.kind !== root.kind)
      throw new Error(`${root.kind}: kind literal ${lit.kind}`)
    const slash = root.apiVersion.indexOf('/')
    kinds[root.kind] = {
      apiVersion: root.apiVersion,
      group: slash < 0 ? '' : root.apiVersion.slice(0, slash),
      version: slash < 0 ? root.apiVersion : root.apiVersion.slice(slash + 1),
      kind: root.kind,
      type: root.kind,
    }
  }
  return { structs, kinds, descriptions }
}

/** JSON with object keys sorted at every depth (arrays keep their order). */
export function sortedJson(value: unknown, indent?: number): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort)
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) out[k] = sort((v as Record<string, unknown>)[k])
      return out
    }
    return v
  }
  return JSON.stringify(sort(value), null, indent)
}
