/** `kubectl delete`: DELETE named or selected objects and print `kind "name" deleted` for each. */
import type { KubeObject } from '../../cluster/index'
import { discover, resourcePath, serverErrorText } from '../apiClient'
import { fail, type CommandResult, type KubectlCommand, type KubectlContext } from '../command'
import {
  boolFlag,
  flagErrorOutput,
  globalFlags,
  numberFlag,
  parseArgs,
  resolveResourceArgs,
  stringFlag,
  type ApiResource,
  type FlagSpec,
} from '../parser/index'
import { NO_RESOURCES } from './scale'

const flags: FlagSpec[] = [
  {
    name: 'selector',
    shorthand: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  },
  {
    name: 'all',
    type: 'bool',
    usage: 'Delete all resources, in the namespace of the specified resource types.',
  },
  {
    name: 'grace-period',
    type: 'int',
    default: -1,
    usage:
      'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
  },
  {
    name: 'now',
    type: 'bool',
    usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
  },
  {
    name: 'force',
    type: 'bool',
    usage:
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
  },
  {
    name: 'wait',
    type: 'bool',
    default: true,
    usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
  },
  {
    name: 'ignore-not-found',
    type: 'bool',
    usage:
      'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
  },
]

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'

/** delete.go PrintObj: `pod "x" deleted`, `deployment.apps "web" deleted`, `force deleted` at grace 0. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go PrintObj (kubectl 1.32 wording)
export function deletedLine(r: ApiResource, name: string, gracePeriod: number): string {
  const kind = (r.group === '' ? r.kind : `${r.kind}.${r.group}`).toLowerCase()
  return `${kind} "${name}" ${gracePeriod === 0 ? 'force deleted' : 'deleted'}\n`
}

function isNotFound(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { reason?: unknown }).reason === 'NotFound'
  )
}

/** Runs `kubectl delete` with the arguments after `delete`. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go (Complete, Validate, DeleteResult)
function run(args: readonly string[], ctx: KubectlContext): CommandResult {
  const parsed = parseArgs(args, [...globalFlags, ...flags])
  if (!parsed.ok) return fail(flagErrorOutput('kubectl delete', parsed.error))
  if (parsed.help)
    return { stdout: `Usage:\n  kubectl ${deleteCommand.usage}\n`, stderr: '', exitCode: 0 }
  const f = parsed.flags
  const selector = stringFlag(f, 'selector')
  const all = boolFlag(f, 'all')
  const force = boolFlag(f, 'force')
  let grace = numberFlag(f, 'grace-period')
  if (all && selector !== '')
    return fail('error: cannot set --all and --selector at the same time\n')
  if (boolFlag(f, 'now')) {
    if (grace !== -1) return fail('error: --now and --grace-period cannot be specified together\n')
    grace = 1
  }
  // --grace-period=0 without --force becomes 1, to prevent accidental data loss.
  if (grace === 0 && !force) grace = 1
  if (force && grace < 0) grace = 0
  const ignoreNotFound = boolFlag(f, 'ignore-not-found') || all
  if (parsed.positionals.length === 0) return fail(NO_RESOURCES)
  const resolved = resolveResourceArgs(parsed.positionals, discover(ctx))
  if (!resolved.ok) return fail(`error: ${resolved.error}\n`)
  const selecting = all || selector !== ''
  const namespace = stringFlag(f, 'namespace') || ctx.namespace
  const targets: { resource: ApiResource; name: string }[] = []
  const errors: string[] = []
  for (const { resource, names } of resolved.selections) {
    if (names.length > 0 && selecting) {
      return fail('error: name cannot be provided when a selector is specified\n')
    }
    if (names.length === 0 && !selecting) {
      return fail('error: resource(s) were provided, but no name was specified\n')
    }
    if (names.length > 0) {
      targets.push(...names.map((name) => ({ resource, name })))
      continue
    }
    const res = ctx.handle({
      method: 'GET',
      path: resourcePath(resource, namespace),
      query: selector === '' ? {} : { labelSelector: selector },
    })
    if (res.status !== 200) {
      errors.push(serverErrorText(res.body))
      continue
    }
    const items = (res.body as { items?: KubeObject[] }).items ?? []
    targets.push(...items.map((o) => ({ resource, name: o.metadata?.name ?? '' })))
  }
  let stdout = ''
  let found = 0
  const body: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'DeleteOptions',
    propagationPolicy: 'Background',
    ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
  }
  for (const { resource, name } of targets) {
    const res = ctx.handle({
      method: 'DELETE',
      path: resourcePath(resource, namespace, name),
      body,
    })
    if (res.status === 200 || res.status === 202) {
      found++
      stdout += deletedLine(resource, name, grace)
    } else if (!(ignoreNotFound && isNotFound(res.body))) errors.push(serverErrorText(res.body))
  }
  if (found === 0 && errors.length === 0) stdout = 'No resources found\n'
  const warning = force && grace === 0 ? FORCE_WARNING : ''
  return {
    stdout,
    stderr: warning + errors.map((e) => `${e}\n`).join(''),
    exitCode: errors.length > 0 ? 1 : 0,
  }
}

/** The `delete` command (never waits: the simulation's time does not advance inside a command). */
export const deleteCommand: KubectlCommand = {
  name: 'delete',
  aliases: [],
  flags,
  usage: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  run,
}
