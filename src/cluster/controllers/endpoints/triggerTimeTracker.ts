/**
 * The trigger time tracker: the time of the earliest change (a pod's Ready transition, or the
 * Service's creation for a Service not seen before) that the next Endpoints write reflects,
 * for the `endpoints.kubernetes.io/last-change-trigger-time` annotation.
 * Mirrors staging/src/k8s.io/endpointslice/util/trigger_time_tracker.go
 */
import type { Pod, Service } from 'kubernetes-types/core/v1'

/** Tracks, per Service, the trigger times seen at its last sync. */
export interface TriggerTimeTracker {
  /** The trigger time to export (ms since the epoch), or undefined for none. */
  compute(namespace: string, service: Service, pods: readonly Pod[]): number | undefined
  deleteService(namespace: string, name: string): void
}

function parseTime(t: string | undefined): number | undefined {
  if (!t) return undefined
  const ms = Date.parse(t)
  return Number.isFinite(ms) ? ms : undefined
}

const podTriggerTime = (pod: Pod): number | undefined => parseTime(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime)

/** Create a tracker. */
export function createTriggerTimeTracker(): TriggerTimeTracker {
  const states = new Map<string, { service: number | undefined; pods: Map<string, number> }>()
  return {
    compute(namespace, service, pods) {
      const key = `${namespace}/${service.metadata?.name ?? ''}`
      const state = states.get(key)
      let min: number | undefined
      const podTimes = new Map<string, number>()
      for (const pod of pods) {
        const t = podTriggerTime(pod)
        if (t === undefined) continue
        const name = pod.metadata?.name ?? ''
        podTimes.set(name, t)
        const last = state?.pods.get(name)
        if (last === undefined || t > last) min = min === undefined ? t : Math.min(min, t)
      }
      const serviceTime = parseTime(service.metadata?.creationTimestamp)
      if (serviceTime !== undefined && (state?.service === undefined || serviceTime > state.service)) min = min === undefined ? serviceTime : Math.min(min, serviceTime)
      states.set(key, { service: serviceTime, pods: podTimes })
      // A Service not seen before exports its creation time.
      if (!state) return serviceTime
      return min
    },
    deleteService(namespace, name) {
      states.delete(`${namespace}/${name}`)
    },
  }
}
