/** `kubectl scale`: set spec.replicas through the /scale subresource. */
import { discover, resourcePath, serverErrorText } from '../apiClient'
import {
  fail,
  type CommandResult,
  type KubectlCommand,
  type KubectlContext,
  collected,
} from '../command'
import {
  flagErrorOutput,
  globalFlags,
  numberFlag,
  parseArgs,
  resolveResourceArgs,
  stringFlag,
  type ApiResource,
  type FlagSpec,
} from '../parser/index'
import { requiredFlagError } from './createObject'
import { nameLine } from './getOutput'

const flags: FlagSpec[] = [
  {
    name: 'replicas',
    type: 'int',
    default: 0,
    usage: 'The new desired number of replicas. Required.',
  },
  {
    name: 'current-replicas',
    type: 'int',
    default: -1,
    usage:
      'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
  },
]

/** kubectl's error when no resource is named (resource.Builder with no arguments). */
export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"

interface ScaleBody {
  metadata?: { resourceVersion?: string }
  spec?: { replicas?: number }
}

/** Scales one object; returns the error line or undefined. */
// Mirrors staging/src/k8s.io/kubectl/pkg/scale/scale.go (ScaleSimple, ScalePrecondition.ValidateScale)
function scaleOne(
  ctx: KubectlContext,
  r: ApiResource,
  namespace: string,
  name: string,
  replicas: number,
  current: number,
): string | undefined {
  // resource.Builder GETs every named object before the command visits it.
  const got = ctx.handle({ method: 'GET', path: resourcePath(r, namespace, name) })
  if (got.status !== 200) return serverErrorText(got.body)
  const path = `${resourcePath(r, namespace, name)}/scale`
  if (current < 0) {
    const res = ctx.handle({
      method: 'PATCH',
      path,
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { spec: { replicas } },
    })
    return res.status === 200 ? undefined : serverErrorText(res.body)
  }
  const res = ctx.handle({ method: 'GET', path })
  if (res.status !== 200) return serverErrorText(res.body)
  const scale = res.body as ScaleBody
  const actual = scale.spec?.replicas ?? 0
  if (actual !== current) return `error: Expected replicas to be ${current}, was ${actual}`
  const put = ctx.handle({
    method: 'PUT',
    path,
    body: { ...scale, spec: { ...scale.spec, replicas } },
  })
  return put.status === 200 ? undefined : serverErrorText(put.body)
}

/** Runs `kubectl scale` with the arguments after `scale`. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go (Validate, RunScale)
function run(args: readonly string[], ctx: KubectlContext): CommandResult {
  const parsed = parseArgs(args, [...globalFlags, ...flags])
  if (!parsed.ok) return fail(flagErrorOutput('kubectl scale', parsed.error))
  if (parsed.help)
    return { stdout: `Usage:\n  kubectl ${scaleCommand.usage}\n`, stderr: '', exitCode: 0 }
  const f = parsed.flags
  if (!parsed.changed.includes('replicas')) return requiredFlagError('replicas')
  const replicas = numberFlag(f, 'replicas')
  if (replicas < 0) {
    return fail(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    )
  }
  if (parsed.positionals.length === 0) return fail(NO_RESOURCES)
  const resolved = resolveResourceArgs(parsed.positionals, discover(ctx))
  if (!resolved.ok) return fail(`error: ${resolved.error}\n`)
  const namespace = stringFlag(f, 'namespace') || ctx.namespace
  let stdout = ''
  const errors: string[] = []
  for (const { resource, names } of resolved.selections) {
    if (names.length === 0) {
      return fail('error: resource(s) were provided, but no name was specified\n')
    }
    for (const name of names) {
      const err = scaleOne(
        ctx,
        resource,
        namespace,
        name,
        replicas,
        numberFlag(f, 'current-replicas'),
      )
      if (err === undefined) stdout += `${nameLine(resource, name).slice(0, -1)} scaled\n`
      else errors.push(err)
    }
  }
  return collected(stdout, errors)
}

/** The `scale` command. */
export const scaleCommand: KubectlCommand = {
  name: 'scale',
  aliases: [],
  flags,
  usage:
    'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  run,
}
