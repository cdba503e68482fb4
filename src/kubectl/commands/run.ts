/** `kubectl run`: build the Pod kubectl's run generator builds and create it. */
import type { Container, Pod } from 'kubernetes-types/core/v1'
import type { KubeObject } from '../../cluster/index'
import { fail, type CommandResult, type KubectlCommand, type KubectlContext } from '../command'
import {
  boolFlag,
  flagErrorOutput,
  globalFlags,
  outputFlag,
  parseArgs,
  stringFlag,
  type FlagSpec,
} from '../parser/index'
import {
  builtinResource,
  createAndPrint,
  dryRunFlag,
  dryRunStrategy,
  requiredFlagError,
} from './createObject'

const flags: FlagSpec[] = [
  outputFlag,
  dryRunFlag,
  { name: 'image', type: 'string', usage: 'The image for the container to run.' },
  { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
  {
    name: 'labels',
    shorthand: 'l',
    type: 'string',
    usage: 'Comma separated labels to apply to the pod. Will override previous values.',
  },
  {
    name: 'restart',
    type: 'string',
    default: 'Always',
    usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
  },
  {
    name: 'command',
    type: 'bool',
    usage:
      "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
  },
]

/** Parses `k=v,k2=v2` as kubectl's generate.ParseLabels does; undefined when a pair is malformed. */
// Mirrors staging/src/k8s.io/kubectl/pkg/generate/generate.go ParseLabels
export function parseLabels(spec: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {}
  for (const pair of spec.split(',')) {
    const kv = pair.split('=')
    if (kv.length !== 2 || kv[0] === '') return undefined
    labels[kv[0] ?? ''] = kv[1] ?? ''
  }
  return labels
}

/** The Pod `kubectl run NAME --image=IMG` sends, in the order `--dry-run=client -o yaml` prints it. */
// Mirrors staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go BasicPod.StructuredGenerate
export function runPod(opts: {
  name: string
  image: string
  labels: Record<string, string>
  restartPolicy: string
  port?: number
  args: readonly string[]
  useCommand: boolean
}): Pod {
  const container: Container = { image: opts.image, name: opts.name }
  if (opts.args.length > 0) {
    if (opts.useCommand) container.command = [...opts.args]
    else container.args = [...opts.args]
  }
  if (opts.port !== undefined) container.ports = [{ containerPort: opts.port }]
  container.resources = {}
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    // creationTimestamp: null is what the Go struct serialises to; the server sets it.
    metadata: {
      creationTimestamp: null as unknown as string,
      labels: opts.labels,
      name: opts.name,
    },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: opts.restartPolicy },
    status: {},
  }
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']

/** Runs `kubectl run` with the arguments after `run`. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/run/run.go (Run, getRestartPolicy)
function run(args: readonly string[], ctx: KubectlContext): CommandResult {
  const parsed = parseArgs(args, [...globalFlags, ...flags])
  if (!parsed.ok) return fail(flagErrorOutput('kubectl run', parsed.error))
  if (parsed.help)
    return { stdout: `Usage:\n  kubectl ${runCommand.usage}\n`, stderr: '', exitCode: 0 }
  const f = parsed.flags
  const image = stringFlag(f, 'image')
  if (!parsed.changed.includes('image')) return requiredFlagError('image')
  const dash = parsed.argsLenAtDash
  const names = dash >= 0 ? parsed.positionals.slice(0, dash) : parsed.positionals.slice(0, 1)
  const extra = dash >= 0 ? parsed.positionals.slice(dash) : parsed.positionals.slice(1)
  const name = names[0]
  if (name === undefined || names.length > 1) {
    return fail("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n")
  }
  if (image === '') return fail('error: --image is required\n')
  const dryRun = dryRunStrategy(stringFlag(f, 'dry-run'))
  if (typeof dryRun === 'object') return fail(`error: ${dryRun.error}\n`)
  const restart = stringFlag(f, 'restart')
  if (!RESTART_POLICIES.includes(restart)) {
    return fail(
      `error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples\n`,
    )
  }
  const labelSpec = stringFlag(f, 'labels')
  const labels = labelSpec === '' ? { run: name } : parseLabels(labelSpec)
  if (labels === undefined) return fail(`error: invalid label spec: ${labelSpec}\n`)
  const portText = stringFlag(f, 'port')
  const port = portText === '' ? undefined : Number(portText)
  if (port !== undefined && !Number.isInteger(port)) {
    return fail(`error: strconv.Atoi: parsing "${portText}": invalid syntax\n`)
  }
  const pod = runPod({
    name,
    image,
    labels,
    restartPolicy: restart,
    ...(port !== undefined ? { port } : {}),
    args: extra,
    useCommand: boolFlag(f, 'command'),
  })
  const namespace = stringFlag(f, 'namespace') || ctx.namespace
  return createAndPrint(
    ctx,
    builtinResource('Pod'),
    namespace,
    pod as KubeObject,
    stringFlag(f, 'output'),
    dryRun,
  )
}

/** The `run` command. */
export const runCommand: KubectlCommand = {
  name: 'run',
  aliases: [],
  flags,
  usage:
    'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  run,
}
