/**
 * The event recorder: components report what they did as core/v1 Events, and a repeat of the
 * same event (same object, reason and message) bumps its count and lastTimestamp instead of
 * making a new one.
 * Mirrors staging/src/k8s.io/client-go/tools/record/event.go and events_cache.go (EventLogger)
 */
import type { KubeObject, StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import type { Clock } from '../../clock'
import type { Client } from './apiClient'

/** How many distinct events a recorder remembers for counting repeats (client-go's LRU size). */
export const maxCacheEntries = 4096

/** Normal or Warning, the two event types. */
export type EventType = 'Normal' | 'Warning'

/** Records events for one component (e.g. "deployment-controller", "kubelet" on a host). */
export interface EventRecorder {
  event(obj: StoredObject | KubeObject, type: EventType, reason: string, message: string): void
}

/** Create a recorder posting through the client, with times from the clock. */
export function createEventRecorder(client: Client, clock: Clock, component: string, host?: string): EventRecorder {
  // The last event name for each (object, type, reason, message), as the event logger caches
  // them: an LRU of 4,096 entries (maxLruCacheEntries), so memory stays bounded at 150k pods.
  const seen = new Map<string, { name: string; namespace: string; count: number }>()
  const remember = (key: string, entry: { name: string; namespace: string; count: number }): void => {
    seen.delete(key)
    seen.set(key, entry)
    if (seen.size > maxCacheEntries) {
      const oldest = seen.keys().next().value
      if (oldest !== undefined) seen.delete(oldest)
    }
  }
  let nonce = 0
  return {
    event(obj, type, reason, message) {
      const meta = obj.metadata ?? {}
      const namespace = meta.namespace || 'default'
      const involved = {
        kind: obj.kind,
        namespace: meta.namespace,
        name: meta.name,
        uid: meta.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: meta.resourceVersion,
      }
      const now = formatTime(clock.now())
      const cacheKey = [component, host ?? '', obj.kind, namespace, meta.name, meta.uid, type, reason, message].join('\u0000')
      const previous = seen.get(cacheKey)
      if (previous) {
        const count = previous.count + 1
        const res = client.patch('Event', previous.namespace, previous.name, { count, lastTimestamp: now }, 'merge')
        if (res.ok) {
          previous.count = count
          remember(cacheKey, previous)
          return
        }
      }
      // Event names are the object's name and the time in nanoseconds, in hex (EventRecorder.makeEvent).
      const nanos = BigInt(clock.now()) * 1_000_000n + BigInt(nonce++ % 1_000_000)
      const name = `${meta.name ?? 'unknown'}.${nanos.toString(16)}`
      const res = client.create('Event', namespace, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: involved,
        reason,
        message,
        source: host ? { component, host } : { component },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: host ?? '',
      })
      if (res.ok) remember(cacheKey, { name, namespace, count: 1 })
    },
  }
}
