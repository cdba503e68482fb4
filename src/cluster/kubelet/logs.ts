/**
 * Container logs as the kubelet serves them to `kubectl logs`: the running instance's, the
 * last terminated one's with `previous`, or the kubelet's reason why there is nothing to show.
 * Mirrors pkg/kubelet/kubelet_pods.go validateContainerLogStatus
 */
import type { KubeletEnv } from './env'
import { waitingReason } from './messages'
import type { ContainerRun, PodWorker } from './state'
import type { LogResult } from './types'

function lines(env: KubeletEnv, run: ContainerRun, limit: number): LogResult {
  const until = (run.finishedAt ?? env.clock.now()) - run.startedAt
  const out = run.app.logs(until, limit)
  return { ok: true, lines: out.map((l) => l.text), times: out.map((l) => l.time) }
}

/** The logs of one container of a pod this kubelet runs. */
export function containerLogs(
  env: KubeletEnv,
  w: PodWorker | undefined,
  podName: string,
  container: string,
  previous: boolean,
  limit: number,
): LogResult {
  if (!w) return { ok: false, message: `pods "${podName}" not found` }
  const st = w.containers.get(container)
  if (!st)
    return { ok: false, message: `container "${container}" in pod "${podName}" is not available` }
  const run = st.current
  const running = !!run && run.finishedAt === undefined
  // lastState, as the status reports it: the exited current instance while waiting, else the previous one.
  const last = running ? st.previous : st.waiting && run ? run : st.previous
  if (previous) {
    if (!last || last.startError)
      return {
        ok: false,
        message: `previous terminated container "${container}" in pod "${podName}" not found`,
      }
    return lines(env, last, limit)
  }
  if (run && running) return lines(env, run, limit)
  if (run && !st.waiting)
    return run.startError
      ? { ok: false, message: `container "${container}" in pod "${podName}" is terminated` }
      : lines(env, run, limit)
  if (last && !last.startError) return lines(env, last, limit)
  const why =
    st.waiting?.reason ??
    (w.pod.spec?.initContainers?.length
      ? waitingReason.podInitializing
      : waitingReason.containerCreating)
  if (why === waitingReason.errImagePull)
    return {
      ok: false,
      message: `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`,
    }
  if (why === waitingReason.imagePullBackOff)
    return {
      ok: false,
      message: `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`,
    }
  return {
    ok: false,
    message: `container "${container}" in pod "${podName}" is waiting to start: ${why}`,
  }
}
