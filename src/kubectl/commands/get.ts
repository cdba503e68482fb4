/** `kubectl get`: list or fetch objects and print them as a table, names, JSON or YAML. */
import type { KubeObject } from '../../cluster/index'
import { discover, resourcePath, serverErrorText } from '../apiClient'
import {
  fail,
  type CommandResult,
  type KubectlCommand,
  type KubectlContext,
  collected,
} from '../command'
import {
  allNamespacesFlag,
  boolFlag,
  flagErrorOutput,
  globalFlags,
  outputFlag,
  parseArgs,
  resolveResourceArgs,
  stringFlag,
  type ApiResource,
  type FlagSpec,
} from '../parser/index'
import { isPrintableKind, noResourcesFound, printTable } from '../printers/tablePrinters'
import { listOf, nameLine, printJson, printYaml } from './getOutput'

const flags: FlagSpec[] = [
  allNamespacesFlag,
  outputFlag,
  {
    name: 'selector',
    shorthand: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  },
  {
    name: 'field-selector',
    type: 'string',
    usage:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  },
  {
    name: 'show-labels',
    type: 'bool',
    usage: 'When printing, show all labels as the last column (default hide labels column)',
  },
  {
    name: 'show-kind',
    type: 'bool',
    usage: 'If present, list the resource type for the requested object(s).',
  },
  {
    name: 'no-headers',
    type: 'bool',
    usage:
      "When using the default or custom-column output format, don't print headers (default print headers).",
  },
]

// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (Validate, Run, printGeneric).
const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'
const SUPPORTED_FORMATS = ['', 'wide', 'name', 'json', 'yaml']

const NO_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples\n"

/** Objects fetched for one requested resource type, with apiVersion and kind filled in. */
interface Fetched {
  resource: ApiResource
  objects: KubeObject[]
}

/** resource.MultipleTypesRequested: a comma in a type list, `all`, or type/name args of different types. */
function multipleTypesRequested(positionals: readonly string[]): boolean {
  if (positionals.length === 1 && positionals[0] === 'all') return true
  const slashTypes = new Set<string>()
  for (const arg of positionals) {
    if (arg.includes(',')) return true
    if (arg.includes('/')) slashTypes.add(arg.split('/')[0] ?? '')
  }
  return slashTypes.size > 1
}

function withTypeMeta(r: ApiResource, obj: KubeObject): KubeObject {
  const apiVersion = r.group === '' ? r.version : `${r.group}/${r.version}`
  return { ...obj, apiVersion, kind: r.kind }
}

/** Runs `kubectl get` with the arguments after `get`. */
function run(args: readonly string[], ctx: KubectlContext): CommandResult {
  const parsed = parseArgs(args, [...globalFlags, ...flags])
  if (!parsed.ok) return fail(flagErrorOutput('kubectl get', parsed.error))
  if (parsed.help)
    return { stdout: `Usage:\n  kubectl ${getCommand.usage} [options]\n`, stderr: '', exitCode: 0 }
  const f = parsed.flags
  const output = stringFlag(f, 'output')
  if (!ALLOWED_FORMATS.split(',').includes(output) && output !== '') {
    return fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}\n`,
    )
  }
  if (!SUPPORTED_FORMATS.includes(output)) {
    return fail(`error: kubeplay does not support -o ${output} yet\n`)
  }
  const positionals = parsed.positionals
  if (positionals.length === 0) return fail(NO_TYPE)
  const namespace = stringFlag(f, 'namespace') || ctx.namespace
  const allNamespaces = boolFlag(f, 'all-namespaces')
  const resolved = resolveResourceArgs(positionals, discover(ctx))
  if (!resolved.ok) return fail(`error: ${resolved.error}\n`)

  const query: Record<string, string> = {}
  const selector = stringFlag(f, 'selector')
  const fieldSelector = stringFlag(f, 'field-selector')
  if (selector) query.labelSelector = selector
  if (fieldSelector) query.fieldSelector = fieldSelector
  const errors: string[] = []
  const fetched: Fetched[] = []
  for (const { resource, names } of resolved.selections) {
    const ns = allNamespaces && names.length === 0 ? undefined : namespace
    const objects: KubeObject[] = []
    if (names.length === 0) {
      const res = ctx.handle({ method: 'GET', path: resourcePath(resource, ns), query })
      if (res.status !== 200) errors.push(serverErrorText(res.body))
      else {
        const items = (res.body as { items?: KubeObject[] }).items ?? []
        objects.push(...items.map((o) => withTypeMeta(resource, o)))
      }
    }
    for (const name of names) {
      const res = ctx.handle({ method: 'GET', path: resourcePath(resource, ns, name) })
      if (res.status !== 200) errors.push(serverErrorText(res.body))
      else objects.push(withTypeMeta(resource, res.body as KubeObject))
    }
    fetched.push({ resource, objects })
  }
  const stderr = errors.map((e) => `${e}\n`).join('')
  const exitCode = errors.length > 0 ? 1 : 0
  const total = fetched.reduce((n, x) => n + x.objects.length, 0)

  if (output === 'json' || output === 'yaml') {
    const single = resolved.selections.length === 1 && resolved.selections[0]?.names.length === 1
    const all = fetched.flatMap((x) => x.objects)
    if (single && all.length !== 1) return { stdout: '', stderr, exitCode }
    const obj = single ? all[0] : listOf(all)
    return { stdout: output === 'json' ? printJson(obj) : printYaml(obj), stderr, exitCode }
  }
  if (output === 'name') {
    const stdout = fetched
      .flatMap((x) => x.objects.map((o) => nameLine(x.resource, o.metadata?.name ?? '')))
      .join('')
    return { stdout, stderr, exitCode }
  }

  if (total === 0 && errors.length === 0) {
    const namespaced = fetched.every((x) => x.resource.namespaced)
    return {
      stdout: '',
      stderr: `${noResourcesFound(namespace, allNamespaces, namespaced)}\n`,
      exitCode: 0,
    }
  }
  const showKind = boolFlag(f, 'show-kind') || multipleTypesRequested(positionals)
  const tables: string[] = []
  for (const { resource, objects } of fetched) {
    if (objects.length === 0) continue
    if (!isPrintableKind(resource.kind)) {
      errors.push(`error: kubeplay has no table printer for ${resource.kind} yet; use -o yaml`)
      continue
    }
    tables.push(
      printTable(resource.kind, objects, {
        nowMs: ctx.now(),
        wide: output === 'wide',
        showKind,
        showLabels: boolFlag(f, 'show-labels'),
        namespaceColumn: allNamespaces && resource.namespaced,
        noHeaders: boolFlag(f, 'no-headers'),
      }),
    )
  }
  // kubectl separates the tables of different kinds with a blank line (unless --no-headers).
  const stdout = tables.join(boolFlag(f, 'no-headers') ? '' : '\n')
  return collected(stdout, errors)
}

/** The `get` command. */
export const getCommand: KubectlCommand = {
  name: 'get',
  aliases: [],
  flags,
  usage:
    'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  run,
}
