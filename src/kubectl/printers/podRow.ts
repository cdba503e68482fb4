import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1'
import { age, humanDuration } from './humanDuration'

// Mirrors pkg/printers/internalversion/printers.go printPod.

/** node.NodeUnreachablePodReason (pkg/util/node): the pod's node stopped reporting. */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

/** podutil.IsRestartableInitContainer: a sidecar, i.e. an init container with restartPolicy Always. */
function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always'
}

/** A terminated time as milliseconds; 0 stands for Go's zero time. */
function finishedAtMs(status: ContainerStatus): number {
  const finished = status.lastState?.terminated?.finishedAt
  if (!finished) return 0
  const ms = Date.parse(finished)
  return Number.isNaN(ms) ? 0 : ms
}

function hasCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')
}

/** isPodInitializedConditionTrue: only the first Initialized condition counts. */
function isPodInitializedConditionTrue(pod: Pod): boolean {
  const condition = (pod.status?.conditions ?? []).find((c) => c.type === 'Initialized')
  return condition?.status === 'True'
}

/** The NAME READY STATUS RESTARTS AGE cells (+ IP NODE NOMINATED NODE READINESS GATES when wide). */
export function podRow(pod: Pod, nowMs: number, wide: boolean): string[] {
  const spec = pod.spec
  const status = pod.status ?? {}
  const initContainers = spec?.initContainers ?? []
  let restarts = 0
  let restartableInitContainerRestarts = 0
  let totalContainers = spec?.containers.length ?? 0
  let readyContainers = 0
  let lastRestartDate = 0
  let lastRestartableInitContainerRestartDate = 0

  const podPhase = status.phase ?? ''
  let reason = status.reason ? status.reason : podPhase
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') {
      reason = 'SchedulingGated'
    }
  }

  const initByName = new Map<string, Container>()
  for (const c of initContainers) {
    initByName.set(c.name, c)
    if (isRestartableInitContainer(c)) totalContainers++
  }

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]
    if (!container) continue
    const restartable = isRestartableInitContainer(initByName.get(container.name))
    restarts += container.restartCount ?? 0
    lastRestartDate = Math.max(lastRestartDate, finishedAtMs(container))
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount ?? 0
      lastRestartableInitContainerRestartDate = Math.max(
        lastRestartableInitContainerRestartDate,
        finishedAtMs(container),
      )
    }
    const terminated = container.state?.terminated
    const waiting = container.state?.waiting
    if (terminated && terminated.exitCode === 0) continue
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++
      continue
    }
    if (terminated) {
      // Initialization failed.
      if (!terminated.reason) {
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`
      } else {
        reason = `Init:${terminated.reason}`
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`
    } else {
      reason = `Init:${i}/${initContainers.length}`
    }
    initializing = true
    break
  }

  if (!initializing || isPodInitializedConditionTrue(pod)) {
    restarts = restartableInitContainerRestarts
    lastRestartDate = lastRestartableInitContainerRestartDate
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    // Walks backwards so the first container's state wins, as upstream does.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]
      if (!container) continue
      restarts += container.restartCount ?? 0
      lastRestartDate = Math.max(lastRestartDate, finishedAtMs(container))
      const waiting = container.state?.waiting
      const terminated = container.state?.terminated
      if (waiting?.reason) {
        reason = waiting.reason
      } else if (terminated?.reason) {
        reason = terminated.reason
      } else if (terminated) {
        reason = terminated.signal
          ? `Signal:${terminated.signal}`
          : `ExitCode:${terminated.exitCode}`
      } else if (container.ready && container.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    // A pod whose other containers still run is not Completed.
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady'
    }
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp)
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown'
  } else if (deleting && podPhase !== 'Succeeded' && podPhase !== 'Failed') {
    reason = 'Terminating'
  }

  let restartsText = String(restarts)
  if (restarts !== 0 && lastRestartDate !== 0) {
    restartsText = `${restarts} (${humanDuration(nowMs - lastRestartDate)} ago)`
  }

  const cells = [
    pod.metadata?.name ?? '',
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsText,
    age(pod.metadata?.creationTimestamp, nowMs),
  ]
  if (wide) {
    const podIP = status.podIPs?.[0]?.ip || '<none>'
    const nodeName = spec?.nodeName || '<none>'
    const nominated = status.nominatedNodeName || '<none>'
    let readinessGates = '<none>'
    const gates = spec?.readinessGates ?? []
    if (gates.length > 0) {
      let trueConditions = 0
      for (const gate of gates) {
        const condition = (status.conditions ?? []).find((c) => c.type === gate.conditionType)
        if (condition?.status === 'True') trueConditions++
      }
      readinessGates = `${trueConditions}/${gates.length}`
    }
    cells.push(podIP, nodeName, nominated, readinessGates)
  }
  return cells
}
