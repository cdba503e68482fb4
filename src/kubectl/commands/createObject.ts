/** Shared by run, create and expose: send a built object (or not, for --dry-run=client) and print the result. */
import type { KubeObject } from '../../cluster/index'
import { resourcePath, serverErrorText } from '../apiClient'
import { fail, ok, type CommandResult, type KubectlContext } from '../command'
import type { ApiResource, FlagSpec } from '../parser/index'
import { nameLine, printJson, printYaml } from './getOutput'

/** kubectl's --dry-run flag (cmdutil.AddDryRunFlag); a bare `--dry-run` means client. */
export const dryRunFlag: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefVal: 'unchanged',
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
}

/** The dry-run strategy, or kubectl's error for a bad value (cmdutil.GetDryRunStrategy). */
export function dryRunStrategy(value: string): 'none' | 'client' | 'server' | { error: string } {
  if (value === '' || value === 'none') return 'none'
  if (value === 'client' || value === 'unchanged') return 'client'
  if (value === 'server') return 'server'
  return {
    error: `Invalid dry-run value (${value}). Must be "none", "server", or "client".`,
  }
}

/** The operation text with kubectl's dry-run suffix, e.g. `created (server dry run)`. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/printing.go PrintFlagsWithDryRunStrategy
export function withDryRun(operation: string, dryRun: 'none' | 'client' | 'server'): string {
  if (dryRun === 'client') return `${operation} (dry run)`
  if (dryRun === 'server') return `${operation} (server dry run)`
  return operation
}

/** Prints an object the way `-o yaml|json|name` or the default `kind/name <operation>` line does. */
export function printResult(
  r: ApiResource,
  obj: KubeObject,
  output: string,
  operation: string,
): CommandResult {
  if (output === 'yaml') return ok(printYaml(obj))
  if (output === 'json') return ok(printJson(obj))
  const line = nameLine(r, obj.metadata?.name ?? '')
  if (output === 'name') return ok(line)
  if (output === '') return ok(`${line.slice(0, -1)} ${operation}\n`)
  return fail(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml\n`,
  )
}

/**
 * POSTs `obj` to the collection of `r` (unless client dry-run) and prints what kubectl prints:
 * the created object under -o, else `kind/name created`. API errors use StandardErrorMessage.
 */
export function createAndPrint(
  ctx: KubectlContext,
  r: ApiResource,
  namespace: string,
  obj: KubeObject,
  output: string,
  dryRun: 'none' | 'client' | 'server',
  operation = 'created',
): CommandResult {
  if (dryRun === 'client') return printResult(r, obj, output, withDryRun(operation, dryRun))
  const res = ctx.handle({
    method: 'POST',
    path: resourcePath(r, namespace),
    body: obj,
    ...(dryRun === 'server' ? { query: { dryRun: 'All' } } : {}),
  })
  if (res.status !== 200 && res.status !== 201) return fail(`${serverErrorText(res.body)}\n`)
  return printResult(r, res.body as KubeObject, output, withDryRun(operation, dryRun))
}

const BUILTIN = {
  Pod: ['', 'pods', 'pod', true],
  Service: ['', 'services', 'service', true],
  Namespace: ['', 'namespaces', 'namespace', false],
  Deployment: ['apps', 'deployments', 'deployment', true],
} as const

/** A fixed discovery entry for the few types these commands build (they need no lookup). */
export function builtinResource(kind: keyof typeof BUILTIN): ApiResource {
  const [group, resource, singularName, namespaced] = BUILTIN[kind]
  return {
    group,
    version: 'v1',
    resource,
    singularName,
    kind,
    namespaced,
    shortNames: [],
    verbs: [],
    categories: [],
  }
}

/** cobra's error for a missing MarkFlagRequired flag (kubectl 1.32 logs it through klog; see kubectl.md). */
export function requiredFlagError(flag: string): CommandResult {
  return fail(`error: required flag(s) "${flag}" not set\n`)
}
