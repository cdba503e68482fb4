/**
 * Walks the kubernetes-types declarations with the TypeScript compiler API, from the
 * served kinds down through every interface they reference, and records each field's
 * TypeScript shape and JSDoc. Go-specific detail (int64, named types) is added later from
 * the explicit tables in goTypes.ts: kubernetes-types only knows `number` and `string`.
 */
import path from 'node:path'
import ts from 'typescript'
import { extraTypes, rootKinds } from './roots'

/** A field's type as kubernetes-types declares it. */
export type TsType =
  | 'string'
  | 'boolean'
  | 'number'
  | 'IntOrString'
  | 'Quantity'
  | 'Time'
  | 'MicroTime'
  | 'any'
  | { list: TsType }
  | { map: TsType }
  | { object: string }

/** One field of a walked interface. */
export interface TsField {
  type: TsType
  description: string
}

/** One walked interface: the module that declares it (e.g. core/v1), its doc and fields. */
export interface TsStruct {
  module: string
  description: string
  fields: Map<string, TsField>
}

/** What the walk found: every reachable struct by name, and each root's apiVersion/kind literals. */
export interface WalkResult {
  structs: Map<string, TsStruct>
  literals: Map<string, { apiVersion?: string; kind?: string }>
}

/** Type aliases and empty interfaces that stand for Go types with their own JSON form. */
const specialRefs: Record<string, TsType> = {
  Time: 'Time',
  MicroTime: 'MicroTime',
  Quantity: 'Quantity',
  RawExtension: 'any',
  FieldsV1: 'any',
}

function moduleOf(fileName: string, typesDir: string): string {
  const rel = path.relative(typesDir, fileName).split(path.sep).join('/')
  return rel.replace(/\.d\.ts$/, '')
}

function docOf(checker: ts.TypeChecker, node: ts.Node & { name?: ts.Node }): string {
  const sym = node.name ? checker.getSymbolAtLocation(node.name) : undefined
  if (!sym) return ''
  return ts.displayPartsToString(sym.getDocumentationComment(checker)).trim()
}

/** Walks kubernetes-types from the root kinds; throws on any shape it does not understand. */
export function walkKubernetesTypes(typesDir: string): WalkResult {
  const modules = [
    ...new Set([...rootKinds.map((r) => r.module), ...extraTypes.map((e) => e.module)]),
  ]
  const files = modules.map((m) => path.join(typesDir, `${m}.d.ts`))
  // noLib: Array<T> is read from the syntax, so the default lib would only cost load time.
  const program = ts.createProgram(files, {
    noEmit: true,
    noLib: true,
    skipLibCheck: true,
    types: [],
  })
  const checker = program.getTypeChecker()

  const structs = new Map<string, TsStruct>()
  const literals = new Map<string, { apiVersion?: string; kind?: string }>()
  const queue: ts.InterfaceDeclaration[] = []

  const findInterface = (module: string, name: string): ts.InterfaceDeclaration => {
    const sf = program.getSourceFile(path.join(typesDir, `${module}.d.ts`))
    if (!sf) throw new Error(`kubernetes-types module ${module} not found`)
    const decl = sf.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
    )
    if (!decl) throw new Error(`interface ${name} not found in ${module}`)
    return decl
  }

  const enqueue = (decl: ts.InterfaceDeclaration): void => {
    const name = decl.name.text
    const module = moduleOf(decl.getSourceFile().fileName, typesDir)
    const seen = structs.get(name)
    if (seen) {
      // Go type names must be unique across the walked packages for the table to be keyed by name.
      if (seen.module !== module)
        throw new Error(`type ${name} in both ${seen.module} and ${module}`)
      return
    }
    structs.set(name, { module, description: docOf(checker, decl), fields: new Map() })
    queue.push(decl)
  }

  const mapType = (node: ts.TypeNode, where: string): TsType => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return 'string'
      case ts.SyntaxKind.BooleanKeyword:
        return 'boolean'
      case ts.SyntaxKind.NumberKeyword:
        return 'number'
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return 'string'
    if (ts.isUnionTypeNode(node)) {
      const kinds = node.types.map((t) => t.kind).sort()
      if (
        kinds.length === 2 &&
        kinds[0] === ts.SyntaxKind.NumberKeyword &&
        kinds[1] === ts.SyntaxKind.StringKeyword
      ) {
        return 'IntOrString'
      }
    }
    if (ts.isTypeLiteralNode(node) && node.members.length === 1) {
      const sig = node.members[0]
      if (sig && ts.isIndexSignatureDeclaration(sig)) return { map: mapType(sig.type, where) }
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText()
      if (name === 'Array') {
        const arg = node.typeArguments?.[0]
        if (!arg) throw new Error(`${where}: Array without element type`)
        return { list: mapType(arg, where) }
      }
      const special = specialRefs[name]
      if (special) return special
      let sym = checker.getSymbolAtLocation(node.typeName)
      if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym)
      const decl = sym?.declarations?.find(ts.isInterfaceDeclaration)
      if (!decl) throw new Error(`${where}: cannot resolve ${name}`)
      enqueue(decl)
      return { object: decl.name.text }
    }
    throw new Error(`${where}: unsupported type ${node.getText()}`)
  }

  for (const root of rootKinds) enqueue(findInterface(root.module, root.kind))
  for (const extra of extraTypes) enqueue(findInterface(extra.module, extra.name))

  while (queue.length > 0) {
    const decl = queue.shift()
    if (!decl) break
    const struct = structs.get(decl.name.text)
    if (!struct) throw new Error(`lost ${decl.name.text}`)
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !member.type) {
        throw new Error(`${decl.name.text}: unsupported member ${member.getText()}`)
      }
      const fieldName =
        ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : ''
      if (!fieldName) throw new Error(`${decl.name.text}: unsupported member name`)
      const where = `${decl.name.text}.${fieldName}`
      if (
        (fieldName === 'apiVersion' || fieldName === 'kind') &&
        ts.isLiteralTypeNode(member.type)
      ) {
        const lit = member.type.literal
        if (ts.isStringLiteral(lit)) {
          const entry = literals.get(decl.name.text) ?? {}
          entry[fieldName] = lit.text
          literals.set(decl.name.text, entry)
        }
      }
      struct.fields.set(fieldName, {
        type: mapType(member.type, where),
        description: docOf(checker, member),
      })
    }
  }
  return { structs, literals }
}
