/** `kubectl create deployment|namespace`: build the object kubectl's create subcommand builds and POST it. */
import type { Deployment } from 'kubernetes-types/apps/v1'
import type { Container, Namespace } from 'kubernetes-types/core/v1'
import type { KubeObject } from '../../cluster/index'
import { fail, type CommandResult, type KubectlCommand, type KubectlContext } from '../command'
import {
  flagErrorOutput,
  globalFlags,
  numberFlag,
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

const deploymentFlags: FlagSpec[] = [
  outputFlag,
  dryRunFlag,
  {
    name: 'image',
    type: 'stringSlice',
    usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
  },
  {
    name: 'replicas',
    shorthand: 'r',
    type: 'int',
    default: 1,
    usage: 'Number of replicas to create. Default is 1.',
  },
  {
    name: 'port',
    type: 'int',
    default: -1,
    usage: 'The containerPort that this deployment exposes.',
  },
]
const namespaceFlags: FlagSpec[] = [outputFlag, dryRunFlag]

/** The container name kubectl derives from an image: last path segment, without tag or digest. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go buildPodSpec
export function containerName(image: string): string {
  const last = image.split('/').pop() ?? image
  const bare = (last.split(':')[0] ?? last).split('@')[0] ?? last
  // sanitizeAndUniquify: '_' is not valid in a container name.
  return bare.replaceAll('_', '-')
}

/** The Deployment `kubectl create deployment` sends (labels app=NAME, one container per image). */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go createDeployment
export function createdDeployment(
  name: string,
  images: readonly string[],
  replicas: number,
  port: number,
): Deployment {
  const labels = { app: name }
  const containers: Container[] = images.map((image) => ({
    image,
    name: containerName(image),
    ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }))
  const nullTime = null as unknown as string
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: nullTime, labels, name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: nullTime, labels }, spec: { containers } },
    },
    status: {},
  }
}

function usageError(sub: string, message: string): CommandResult {
  return fail(`error: ${message}\nSee 'kubectl create ${sub} -h' for help and examples\n`)
}

function createDeployment(args: readonly string[], ctx: KubectlContext): CommandResult {
  const parsed = parseArgs(args, [...globalFlags, ...deploymentFlags])
  if (!parsed.ok) return fail(flagErrorOutput('kubectl create deployment', parsed.error))
  const f = parsed.flags
  if (!parsed.changed.includes('image')) return requiredFlagError('image')
  if (parsed.positionals.length !== 1) {
    return usageError(
      'deployment',
      `exactly one NAME is required, got ${parsed.positionals.length}`,
    )
  }
  const dryRun = dryRunStrategy(stringFlag(f, 'dry-run'))
  if (typeof dryRun === 'object') return fail(`error: ${dryRun.error}\n`)
  const images = f.image as string[]
  const port = numberFlag(f, 'port')
  if (images.length > 1 && port >= 0) {
    return fail('error: cannot specify multiple --image options and port\n')
  }
  const name = parsed.positionals[0] ?? ''
  const obj = createdDeployment(name, images, numberFlag(f, 'replicas'), port)
  const namespace = stringFlag(f, 'namespace') || ctx.namespace
  return createAndPrint(
    ctx,
    builtinResource('Deployment'),
    namespace,
    obj as KubeObject,
    stringFlag(f, 'output'),
    dryRun,
  )
}

function createNamespace(args: readonly string[], ctx: KubectlContext): CommandResult {
  const parsed = parseArgs(args, [...globalFlags, ...namespaceFlags])
  if (!parsed.ok) return fail(flagErrorOutput('kubectl create namespace', parsed.error))
  if (parsed.positionals.length !== 1) {
    return usageError('namespace', `exactly one NAME is required, got ${parsed.positionals.length}`)
  }
  const dryRun = dryRunStrategy(stringFlag(parsed.flags, 'dry-run'))
  if (typeof dryRun === 'object') return fail(`error: ${dryRun.error}\n`)
  const obj: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: null as unknown as string, name: parsed.positionals[0] ?? '' },
    spec: {},
    status: {},
  }
  return createAndPrint(
    ctx,
    builtinResource('Namespace'),
    '',
    obj as KubeObject,
    stringFlag(parsed.flags, 'output'),
    dryRun,
  )
}

const SUBCOMMANDS: Record<string, (args: readonly string[], ctx: KubectlContext) => CommandResult> =
  {
    deployment: createDeployment,
    deploy: createDeployment,
    namespace: createNamespace,
    ns: createNamespace,
  }

/** Runs `kubectl create` with the arguments after `create`: the first non-flag word picks the subcommand. */
function run(args: readonly string[], ctx: KubectlContext): CommandResult {
  const at = args.findIndex((a) => !a.startsWith('-'))
  const sub = at >= 0 ? SUBCOMMANDS[args[at] ?? ''] : undefined
  if (sub === undefined) {
    return fail(
      'error: kubeplay supports only `kubectl create deployment` and `kubectl create namespace`\n',
    )
  }
  return sub([...args.slice(0, at), ...args.slice(at + 1)], ctx)
}

/** The `create` command (subcommands deployment and namespace). */
export const createCommand: KubectlCommand = {
  name: 'create',
  aliases: [],
  flags: [...deploymentFlags],
  usage: 'create deployment NAME --image=image -- [COMMAND] [args...] | create namespace NAME',
  run,
}
