/** One `type/name` argument (cli-runtime resourceTuple). */
export interface ResourceTuple {
  readonly resource: string
  readonly name: string
}

/** Resource arguments as resource.Builder reads them, before any type is resolved. */
export interface ResourceArgs {
  /** Type arguments (`pods`, `deploy`), after comma splitting and category expansion. */
  readonly types: string[]
  /** Names that follow a single type argument (`get deployment web api`). */
  readonly names: string[]
  /** `type/name` arguments, in order (`get pods/web svc/db`, `get po,svc web`). */
  readonly tuples: ResourceTuple[]
}

/** Expands a category such as `all` to `resource` / `resource.group` strings, or undefined if it is not one. */
export type CategoryExpander = (name: string) => readonly string[] | undefined

/** SplitResourceArgument: splits on commas and drops repeats, keeping order (empty items stay). */
// Mirrors staging/src/k8s.io/cli-runtime/pkg/resource/builder.go SplitResourceArgument
export function splitResourceArgument(arg: string): string[] {
  const out: string[] = []
  for (const s of arg.split(',')) if (!out.includes(s)) out.push(s)
  return out
}

/** Reads positional arguments into types, names and tuples, with resource.Builder's error texts. */
// Mirrors staging/src/k8s.io/cli-runtime/pkg/resource/builder.go ResourceTypeOrNameArgs
export function parseResourceArgs(
  input: readonly string[],
  expandCategory?: CategoryExpander,
): { ok: true; value: ResourceArgs } | { ok: false; error: string } {
  const args = normalizeMultipleResourcesArgs(input)
  const slashed = args.filter((a) => a.includes('/')).length
  if (slashed > 0) {
    if (slashed !== args.length) {
      return {
        ok: false,
        error:
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      }
    }
    const tuples: ResourceTuple[] = []
    for (const s of args) {
      const seg = s.split('/')
      if (seg.length !== 2) {
        return {
          ok: false,
          error: 'arguments in resource/name form may not have more than one slash',
        }
      }
      const [resource = '', name = ''] = seg
      if (resource === '' || name === '' || splitResourceArgument(resource).length !== 1) {
        return {
          ok: false,
          error: 'arguments in resource/name form must have a single resource and name',
        }
      }
      tuples.push({ resource, name })
    }
    return { ok: true, value: { types: [], names: [], tuples } }
  }
  const [first, ...names] = args
  if (first === undefined) return { ok: true, value: { types: [], names: [], tuples: [] } }
  const types = splitResourceArgument(replaceAliases(first, expandCategory))
  return { ok: true, value: { types, names, tuples: [] } }
}

/** `a,b,c name1 name2` becomes `a/name1 a/name2 b/name1 ...` (builder.go normalizeMultipleResourcesArgs). */
function normalizeMultipleResourcesArgs(args: readonly string[]): string[] {
  const [first, ...names] = args
  if (first === undefined || names.length === 0) return [...args]
  const resources = splitResourceArgument(first)
  if (resources.length <= 1) return [...args]
  return resources.flatMap((r) => names.map((n) => `${r}/${n}`))
}

/** Replaces category names (`all`) in a comma list with their resources (builder.go ReplaceAliases). */
function replaceAliases(input: string, expandCategory: CategoryExpander | undefined): string {
  if (expandCategory === undefined) return input
  return input
    .split(',')
    .map((arg) => {
      const expanded = expandCategory(arg)
      return expanded === undefined ? arg : expanded.join(',')
    })
    .join(',')
}
