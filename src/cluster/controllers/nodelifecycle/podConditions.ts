/**
 * Pod condition updates the node controllers make: Ready=False for the pods of a node that is
 * not ready (MarkPodsNotReady), and the condition helper both use.
 * Mirrors pkg/api/v1/pod/util.go UpdatePodCondition and pkg/controller/util/node/controller_utils.go MarkPodsNotReady
 */
import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import { deepCopy } from '../../util/json'
import type { ComponentContext } from '../runtime/context'
import type { EventRecorder } from '../runtime/events'

/** A Pod as informers hold it. */
export type PodObject = Pod & StoredObject

/** Set a condition in a status (lastTransitionTime moves only when the status does); true when anything changed. */
export function updatePodCondition(status: PodStatus, condition: PodCondition, now: string): boolean {
  const cond: PodCondition = { ...condition, lastTransitionTime: now }
  const conditions = status.conditions ?? []
  const i = conditions.findIndex((c) => c.type === cond.type)
  const old = conditions[i]
  if (!old) {
    status.conditions = [...conditions, cond]
    return true
  }
  if (cond.status === old.status) cond.lastTransitionTime = old.lastTransitionTime
  const equal =
    cond.status === old.status &&
    (cond.reason ?? '') === (old.reason ?? '') &&
    (cond.message ?? '') === (old.message ?? '') &&
    (cond.lastProbeTime ?? null) === (old.lastProbeTime ?? null) &&
    cond.lastTransitionTime === old.lastTransitionTime
  status.conditions = conditions.map((c, j) => (j === i ? cond : c))
  return !equal
}

/** Set Ready=False on the given pods of a node, with a NodeNotReady event each; the errors, if any. */
export function markPodsNotReady(ctx: ComponentContext, recorder: EventRecorder, pods: readonly PodObject[], nodeName: string): string[] {
  const errors: string[] = []
  const now = formatTime(ctx.clock.now())
  for (const p of pods) {
    if (p.spec?.nodeName !== nodeName) continue
    const ready = (p.status?.conditions ?? []).find((c) => c.type === 'Ready')
    if (!ready) continue
    const status = deepCopy(p.status ?? {})
    if (!updatePodCondition(status, { ...ready, status: 'False' }, now)) continue
    const pod: PodObject = { ...p, status }
    const res = ctx.client.update<PodObject>('Pod', pod, 'status')
    if (!res.ok) {
      // A pod already gone needs nothing.
      if (res.status.code === 404) continue
      errors.push(res.status.message ?? `status ${res.status.code}`)
    }
    recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready')
  }
  return errors
}
