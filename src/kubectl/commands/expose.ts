/** `kubectl expose deployment NAME`: a Service selecting the Deployment's pods. */
import type { Deployment } from 'kubernetes-types/apps/v1'
import type { Service, ServicePort } from 'kubernetes-types/core/v1'
import type { KubeObject } from '../../cluster/index'
import { discover, resourcePath, serverErrorText } from '../apiClient'
import { fail, type CommandResult, type KubectlCommand, type KubectlContext } from '../command'
import {
  flagErrorOutput,
  globalFlags,
  outputFlag,
  parseArgs,
  resolveResourceArgs,
  stringFlag,
  type FlagSpec,
} from '../parser/index'
import { builtinResource, createAndPrint, dryRunFlag, dryRunStrategy } from './createObject'
import { NO_RESOURCES } from './scale'

const flags: FlagSpec[] = [
  outputFlag,
  dryRunFlag,
  {
    name: 'port',
    type: 'string',
    usage:
      'The port that the service should serve on. Copied from the resource being exposed, if unspecified',
  },
  {
    name: 'target-port',
    type: 'string',
    usage:
      'Name or number for the port on the container that the service should direct traffic to. Optional.',
  },
  {
    name: 'type',
    type: 'string',
    usage:
      "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
  },
  { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
  {
    name: 'protocol',
    type: 'string',
    usage: "The network protocol for the service to be created. Default is 'TCP'.",
  },
]

/** A port number, or the port name when not numeric (intstr.Parse). */
function intOrString(s: string): number | string {
  return /^-?\d+$/.test(s) ? Number(s) : s
}

/** The Service `kubectl expose` builds from a Deployment, in `--dry-run=client -o yaml` field order. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go createService
export function exposedService(opts: {
  name: string
  labels: Record<string, string>
  selector: Record<string, string>
  ports: readonly { port: number; protocol: string }[]
  targetPort: string
  type: string
}): Service {
  const ports: ServicePort[] = opts.ports.map((p, i) => ({
    ...(opts.ports.length > 1 ? { name: `port-${i + 1}` } : {}),
    port: p.port,
    protocol: p.protocol,
    targetPort: opts.targetPort === '' ? p.port : intOrString(opts.targetPort),
  }))
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: null as unknown as string,
      labels: opts.labels,
      name: opts.name,
    },
    spec: { ports, selector: opts.selector, ...(opts.type === '' ? {} : { type: opts.type }) },
    status: { loadBalancer: {} },
  }
}

/** Runs `kubectl expose` with the arguments after `expose`. */
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go RunExpose
function run(args: readonly string[], ctx: KubectlContext): CommandResult {
  const parsed = parseArgs(args, [...globalFlags, ...flags])
  if (!parsed.ok) return fail(flagErrorOutput('kubectl expose', parsed.error))
  if (parsed.help)
    return { stdout: `Usage:\n  kubectl ${exposeCommand.usage}\n`, stderr: '', exitCode: 0 }
  const f = parsed.flags
  if (parsed.positionals.length === 0) return fail(NO_RESOURCES)
  const dryRun = dryRunStrategy(stringFlag(f, 'dry-run'))
  if (typeof dryRun === 'object') return fail(`error: ${dryRun.error}\n`)
  const resolved = resolveResourceArgs(parsed.positionals, discover(ctx))
  if (!resolved.ok) return fail(`error: ${resolved.error}\n`)
  const sel = resolved.selections[0]
  const name = sel?.names[0]
  if (
    sel === undefined ||
    name === undefined ||
    resolved.selections.length > 1 ||
    sel.names.length > 1
  ) {
    return fail('error: kubeplay exposes exactly one object: expose deployment NAME\n')
  }
  if (sel.resource.kind !== 'Deployment') {
    return fail(`error: kubeplay can only expose a deployment, not a ${sel.resource.kind}\n`)
  }
  const namespace = stringFlag(f, 'namespace') || ctx.namespace
  const got = ctx.handle({ method: 'GET', path: resourcePath(sel.resource, namespace, name) })
  if (got.status !== 200) return fail(`${serverErrorText(got.body)}\n`)
  const deploy = got.body as Deployment
  if ((deploy.spec?.selector.matchExpressions ?? []).length > 0) {
    return fail(
      "error: couldn't retrieve selectors via --selector flag or introspection: the deployment's selector uses matchExpressions, which a Service cannot express\n",
    )
  }
  const selector = deploy.spec?.selector.matchLabels ?? {}
  const protocol = stringFlag(f, 'protocol') || 'TCP'
  const portFlag = stringFlag(f, 'port')
  // Without --port, kubectl copies the ports the pod template's containers declare.
  const ports =
    portFlag !== ''
      ? portFlag.split(',').map((p) => ({ port: Number(p), protocol }))
      : (deploy.spec?.template.spec?.containers ?? []).flatMap((c) =>
          (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? protocol })),
        )
  if (ports.length === 0)
    return fail(
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n",
    )
  if (ports.some((p) => !Number.isInteger(p.port))) {
    return fail(`error: strconv.Atoi: parsing "${portFlag}": invalid syntax\n`)
  }
  const service = exposedService({
    name: stringFlag(f, 'name') || name,
    labels: deploy.metadata?.labels ?? {},
    selector,
    ports,
    targetPort: stringFlag(f, 'target-port'),
    type: stringFlag(f, 'type'),
  })
  return createAndPrint(
    ctx,
    builtinResource('Service'),
    namespace,
    service as KubeObject,
    stringFlag(f, 'output'),
    dryRun,
    'exposed',
  )
}

/** The `expose` command (Deployments only). */
export const exposeCommand: KubectlCommand = {
  name: 'expose',
  aliases: [],
  flags,
  usage:
    'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  run,
}
