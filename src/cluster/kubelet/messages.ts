/**
 * The kubelet's event reasons, waiting reasons and messages, word for word.
 * Mirrors pkg/kubelet/events/event.go, pkg/kubelet/images/image_manager.go,
 * pkg/kubelet/kuberuntime/kuberuntime_container.go and kuberuntime_manager.go, and
 * pkg/kubelet/prober/prober.go
 */
import { goDuration } from './goDuration'

/** Event reasons (pkg/kubelet/events). */
export const reason = {
  pulling: 'Pulling',
  pulled: 'Pulled',
  failed: 'Failed',
  inspectFailed: 'InspectFailed',
  errImageNeverPull: 'ErrImageNeverPull',
  backOff: 'BackOff',
  created: 'Created',
  started: 'Started',
  killing: 'Killing',
  unhealthy: 'Unhealthy',
  failedPreStopHook: 'FailedPreStopHook',
  failedCreatePodSandBox: 'FailedCreatePodSandBox',
} as const

/** Container waiting reasons. */
export const waitingReason = {
  containerCreating: 'ContainerCreating',
  podInitializing: 'PodInitializing',
  errImagePull: 'ErrImagePull',
  imagePullBackOff: 'ImagePullBackOff',
  errImageNeverPull: 'ErrImageNeverPull',
  invalidImageName: 'InvalidImageName',
  crashLoopBackOff: 'CrashLoopBackOff',
  runContainerError: 'RunContainerError',
} as const

const q = (s: string): string => JSON.stringify(s)

/** format.Pod: "name_namespace(uid)". */
export function podFullName(name: string, namespace: string, uid: string): string {
  return `${name}_${namespace}(${uid})`
}

/** The kubelet's messages. */
export const message = {
  pulling: (image: string) => `Pulling image ${q(image)}`,
  pulled: (image: string, pullMs: number, totalMs: number, size: number) =>
    `Successfully pulled image ${q(image)} in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`,
  alreadyPresent: (image: string) => `Container image ${q(image)} already present on machine`,
  neverPull: (image: string) =>
    `Container image ${q(image)} is not present with pull policy of Never`,
  failedToPull: (image: string, err: string) => `Failed to pull image ${q(image)}: ${err}`,
  backOffPull: (image: string) => `Back-off pulling image ${q(image)}`,
  invalidImage: (image: string, err: string) =>
    `Failed to apply default image tag ${q(image)}: couldn't parse image name ${q(image)}: ${err}`,
  error: (what: string) => `Error: ${what}`,
  created: (container: string) => `Created container: ${container}`,
  started: (container: string) => `Started container ${container}`,
  stopping: (container: string) => `Stopping container ${container}`,
  livenessKill: (container: string) =>
    `Container ${container} failed liveness probe, will be restarted`,
  startupKill: (container: string) =>
    `Container ${container} failed startup probe, will be restarted`,
  definitionChanged: (container: string) =>
    `Container ${container} definition changed, will be restarted`,
  backOffRestart: (container: string, pod: string) =>
    `Back-off restarting failed container ${container} in pod ${pod}`,
  crashLoop: (backoffMs: number, container: string, pod: string) =>
    `back-off ${goDuration(backoffMs)} restarting failed container=${container} pod=${pod}`,
  probeFailed: (kind: string, output: string) => `${kind} probe failed: ${output}`,
  preStopFailed: () => 'PreStopHook failed',
  noIPs: (sandboxID: string, range: string) =>
    `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxID}": plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${range}`,
  statusUnknown: 'The container could not be located when the pod was terminated',
}
