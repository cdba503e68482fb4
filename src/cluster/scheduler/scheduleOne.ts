/**
 * ScheduleOne: pop a pod, run the scheduling cycle on a fresh snapshot, assume the pod onto the
 * chosen node, bind it, and record the decision; on failure, requeue it and report
 * FailedScheduling with the pod condition PodScheduled=False.
 * Mirrors pkg/scheduler/schedule_one.go (ScheduleOne, schedulingCycle, bindingCycle,
 * handleSchedulingFailure, updatePod)
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1'
import { formatTime } from '../clock'
import type { ComponentContext } from '../controllers/runtime/context'
import type { EventRecorder } from '../controllers/runtime/events'
import type { Informer } from '../controllers/runtime/informer'
import type { StoredObject } from '../api/types'
import type { DecisionDetail, DecisionRecord, Outcome } from './decisions/record'
import type { DecisionStore } from './decisions/store'
import type { SchedulerCache } from './framework/cache'
import { errNoNodesAvailable, fitErrorMessage } from './framework/fitError'
import { newPodInfo } from './framework/podInfo'
import type { Framework } from './framework/runtime'
import type { Snapshot } from './framework/snapshot'
import { isRejected, message, newStatus, type Status } from './framework/status'
import { CycleState, type QueuedPodInfo } from './framework/types'
import type { SchedulingQueue } from './framework/queue/schedulingQueue'
import type { Algorithm, ScheduleResult } from './schedulePod'

/** Everything a scheduling cycle touches. */
export interface SchedulerParts {
  ctx: ComponentContext
  fwk: Framework
  queue: SchedulingQueue
  cache: SchedulerCache
  snapshot: Snapshot
  algorithm: Algorithm
  decisions: DecisionStore
  recorder: EventRecorder
  pods: Informer<StoredObject>
}

// Mirrors pkg/apis/core/validation NoteLengthLimit: event messages are cut to 1 kB.
const noteLengthLimit = 1024

/** truncateMessage */
export function truncateMessage(msg: string): string {
  if (msg.length <= noteLengthLimit) return msg
  const suffix = ' ...'
  return msg.slice(0, noteLengthLimit - suffix.length) + suffix
}

/** ScheduleOne: one pod from activeQ through its cycle; false when activeQ was empty. */
export function scheduleOne(p: SchedulerParts): boolean {
  const q = p.queue.pop()
  if (!q) return false
  const pi = q.pi
  // skipPodSchedule: a pod being deleted, or already assumed, is not scheduled again.
  if (pi.pod.metadata?.deletionTimestamp || p.cache.isAssumedPod(pi.uid)) {
    p.queue.done(pi.key)
    return true
  }
  const time = p.ctx.clock.now()
  const state = new CycleState()
  p.cache.updateSnapshot(p.snapshot)
  const allNodeNames = p.snapshot.nodeNames()
  const result = p.algorithm.schedulePod(state, pi, p.snapshot)

  if (result.kind !== 'scheduled') {
    fail(p, q, state, result, time, allNodeNames)
    return true
  }

  // assume: count the pod on its node now, so the next cycle sees it before the binding lands.
  p.cache.assumePod(pi, result.host)
  p.queue.done(pi.key)
  const bindStatus = p.fwk.runBindPlugins(state, pi, result.host)
  const detail = detailOf(state, result, allNodeNames)
  if (bindStatus) {
    p.cache.forgetPod(pi.uid)
    // Forgetting an assumed pod frees its room as a deletion would (handleBindingCycleError).
    p.queue.moveAllToActiveOrBackoffQueue(
      { resource: 'Pod', actions: new Set(['Delete']), label: 'AssignedPodDelete' },
      {
        ...pi.pod,
        spec: { ...pi.pod.spec, containers: pi.pod.spec?.containers ?? [], nodeName: result.host },
      },
    )
    const msg = message(bindStatus)
    record(p, q, time, 'SchedulerError', {
      message: msg,
      numAllNodes: allNodeNames.length,
      numNodesToFind: result.numNodesToFind,
      evaluatedNodes: result.trace.visited,
      feasibleNodes: result.feasible.length,
      detail,
    })
    handleSchedulingFailure(p, q, bindStatus, msg, undefined)
    return true
  }
  p.recorder.event(
    podRef(pi.pod),
    'Normal',
    'Scheduled',
    `Successfully assigned ${pi.namespace}/${pi.name} to ${result.host}`,
  )
  record(p, q, time, 'Scheduled', {
    nodeName: result.host,
    numAllNodes: allNodeNames.length,
    numNodesToFind: result.numNodesToFind,
    evaluatedNodes: result.trace.visited,
    feasibleNodes: result.feasible.length,
    detail,
  })
  return true
}

function podRef(pod: Pod): StoredObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: pod.metadata as StoredObject['metadata'] }
}

function detailOf(
  state: CycleState,
  result: ScheduleResult,
  allNodeNames: readonly string[],
): DecisionDetail {
  const d: DecisionDetail = {
    allNodeNames,
    trace: undefined,
    preFilterStatus: null,
    preFilterNodeNames: undefined,
    skippedFilterPlugins: [...state.skipFilterPlugins],
    skippedScorePlugins: [...state.skipScorePlugins],
    scores: undefined,
    postFilter: undefined,
  }
  if (result.kind === 'scheduled') {
    d.trace = result.trace
    d.scores = result.scores
  } else if (result.kind === 'unschedulable') {
    d.trace = result.trace
    d.preFilterStatus = result.preFilterStatus
    const post = result.postFilter
    if (post)
      d.postFilter = {
        plugin: post.status?.plugin ?? '',
        message: message(post.status),
        ...(post.nominatedNodeName !== undefined
          ? { nominatedNodeName: post.nominatedNodeName }
          : {}),
      }
  } else if (result.kind === 'error') {
    d.trace = result.trace
  }
  if (d.trace && d.trace.nodeNames !== allNodeNames) d.preFilterNodeNames = d.trace.nodeNames
  return d
}

function record(
  p: SchedulerParts,
  q: QueuedPodInfo,
  time: number,
  outcome: Outcome,
  r: Omit<DecisionRecord, 'key' | 'namespace' | 'name' | 'uid' | 'time' | 'attempt' | 'outcome'>,
): void {
  const pi = q.pi
  p.decisions.record({
    key: pi.key,
    namespace: pi.namespace,
    name: pi.name,
    uid: pi.uid,
    time,
    attempt: q.attempts,
    outcome,
    ...r,
  })
}

/** The failure path of the scheduling cycle: work out the status and message, record, report. */
function fail(
  p: SchedulerParts,
  q: QueuedPodInfo,
  state: CycleState,
  result: Exclude<ScheduleResult, { kind: 'scheduled' }>,
  time: number,
  allNodeNames: readonly string[],
): void {
  const base = {
    numAllNodes: allNodeNames.length,
    numNodesToFind: 0,
    evaluatedNodes: 0,
    feasibleNodes: 0,
  }
  if (result.kind === 'noNodes') {
    // ErrNoNodesAvailable is UnschedulableAndUnresolvable with no plugin to blame: retried after backoff.
    const status = newStatus('UnschedulableAndUnresolvable', errNoNodesAvailable)
    record(p, q, time, 'Unschedulable', {
      ...base,
      message: errNoNodesAvailable,
      detail: detailOf(state, result, allNodeNames),
    })
    handleSchedulingFailure(p, q, status, errNoNodesAvailable, undefined)
    return
  }
  if (result.kind === 'error') {
    const msg = message(result.status)
    record(p, q, time, 'SchedulerError', {
      ...base,
      message: msg,
      evaluatedNodes: result.trace?.visited ?? 0,
      detail: detailOf(state, result, allNodeNames),
    })
    handleSchedulingFailure(p, q, result.status, msg, undefined)
    return
  }
  const msg = fitErrorMessage(result.numAllNodes, result.diagnosis)
  q.unschedulablePlugins = result.diagnosis.unschedulablePlugins
  record(p, q, time, 'Unschedulable', {
    ...base,
    message: msg,
    numNodesToFind: result.numNodesToFind,
    evaluatedNodes: result.trace?.visited ?? 0,
    detail: detailOf(state, result, allNodeNames),
  })
  handleSchedulingFailure(
    p,
    q,
    newStatus('Unschedulable', msg),
    msg,
    result.postFilter?.nominatedNodeName,
  )
}

/** handleSchedulingFailure: requeue, then FailedScheduling and the PodScheduled condition. */
export function handleSchedulingFailure(
  p: SchedulerParts,
  q: QueuedPodInfo,
  status: Status,
  errMsg: string,
  nominatedNodeName: string | undefined,
): void {
  const reason = isRejected(status) ? 'Unschedulable' : 'SchedulerError'
  const cached = p.pods.get(q.pi.key) as Pod | undefined
  // Requeue before the status write, so the update it causes finds the pod already queued.
  if (!cached || cached.metadata?.uid !== q.pi.uid || cached.spec?.nodeName) p.queue.done(q.pi.key)
  else {
    q.pi = newPodInfo(cached)
    p.queue.addUnschedulableIfNotPresent(q)
  }
  const pod = cached ?? q.pi.pod
  p.recorder.event(podRef(pod), 'Warning', 'FailedScheduling', truncateMessage(errMsg))
  if (cached && !cached.spec?.nodeName)
    updatePodCondition(p, cached, reason, errMsg, nominatedNodeName)
}

/** updatePod: PATCH pods/x/status (a strategic merge, as PatchPodStatus) when the PodScheduled condition or the nominated node changes. */
function updatePodCondition(
  p: SchedulerParts,
  pod: Pod,
  reason: string,
  msg: string,
  nominatedNodeName: string | undefined,
): void {
  const now = formatTime(p.ctx.clock.now())
  const old = (pod.status?.conditions ?? []).find((c: PodCondition) => c.type === 'PodScheduled')
  const condition = {
    type: 'PodScheduled',
    status: 'False',
    reason,
    message: msg,
    lastTransitionTime: now,
  }
  if (old && old.status === condition.status)
    condition.lastTransitionTime = old.lastTransitionTime ?? now
  const same =
    old && old.status === condition.status && old.reason === reason && old.message === msg
  const nnnNeedsUpdate =
    nominatedNodeName !== undefined && (pod.status?.nominatedNodeName ?? '') !== nominatedNodeName
  if (same && !nnnNeedsUpdate) return
  const status: Record<string, unknown> = {}
  if (!same) status.conditions = [condition]
  if (nnnNeedsUpdate) status.nominatedNodeName = nominatedNodeName === '' ? null : nominatedNodeName
  const res = p.ctx.client.patch(
    'Pod',
    pod.metadata?.namespace,
    pod.metadata?.name ?? '',
    { status },
    'strategic',
    'status',
  )
  if (!res.ok)
    p.ctx.onError(
      'default-scheduler',
      `${pod.metadata?.namespace}/${pod.metadata?.name}`,
      `Error updating pod: ${res.status.message ?? ''}`,
    )
}
