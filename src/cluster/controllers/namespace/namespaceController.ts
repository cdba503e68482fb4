/**
 * The namespace controller: a namespace with a deletionTimestamp (Terminating) is emptied of
 * every namespaced resource and then finalized, which lets the API server purge it.
 * Mirrors pkg/controller/namespace/namespace_controller.go
 */
import type { Namespace } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import type { ComponentContext } from '../runtime/context'
import { startController } from '../runtime/controller'
import { createNamespacedResourcesDeleter } from './namespacedResourcesDeleter'

/** Time given to late creations and to other API servers' admission before a deleted namespace is processed. */
export const namespaceDeletionGracePeriodMs = 5000

/** The running controller. */
export interface NamespaceController {
  stop(): void
}

/** Start the namespace controller. */
export function startNamespaceController(ctx: ComponentContext): NamespaceController {
  let stopped = false
  const namespaces = ctx.informers.informer<Namespace & StoredObject>('Namespace')
  const deleter = createNamespacedResourcesDeleter(ctx)

  const controller = startController(
    ctx.clock,
    'namespace',
    (name) => {
      if (stopped || !namespaces.get(name)) return
      const result = deleter.delete(name)
      if (result.done) return
      // Content still going away: look again after half the estimate (worker in namespace_controller.go).
      if ('estimateSeconds' in result) return { requeueAfterMs: (Math.floor(result.estimateSeconds / 2) + 1) * 1000 }
      return { retry: `deletion of namespace ${name} failed: ${result.error}` }
    },
    ctx.onError,
  )

  const enqueue = (ns: Namespace & StoredObject): void => {
    if (stopped || !ns.metadata.deletionTimestamp) return
    controller.queue.addAfter(ns.metadata.name, namespaceDeletionGracePeriodMs)
  }
  namespaces.addHandlers({ add: enqueue, update: (_old, ns) => enqueue(ns) })

  return {
    stop: () => {
      stopped = true
    },
  }
}
