/**
 * The serviceaccounts controller: every active namespace has a `default` ServiceAccount; it is
 * made again if deleted.
 * Mirrors pkg/controller/serviceaccount/serviceaccounts_controller.go
 */
import type { StoredObject } from '../../api/types'
import type { ComponentContext } from '../runtime/context'
import { startController } from '../runtime/controller'

/** Start the controller; returns stop(). */
export function startServiceAccountsController(ctx: ComponentContext): { stop(): void } {
  const namespaces = ctx.informers.informer('Namespace')
  const accounts = ctx.informers.informer('ServiceAccount')
  const controller = startController(
    ctx.clock,
    'serviceaccounts-controller',
    (name) => {
      const ns = namespaces.get(name)
      if (!ns || ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase !== 'Active') return
      if (accounts.get(`${name}/default`)) return
      const res = ctx.client.create('ServiceAccount', name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } })
      if (!res.ok && res.status.reason !== 'AlreadyExists') return { retry: res.status.message ?? 'create failed' }
      return undefined
    },
    ctx.onError,
  )
  namespaces.addHandlers({ add: (ns) => controller.queue.add(ns.metadata.name), update: (_o, ns) => controller.queue.add(ns.metadata.name) })
  accounts.addHandlers({
    delete: (sa: StoredObject) => {
      if (sa.metadata.name === 'default' && sa.metadata.namespace) controller.queue.add(sa.metadata.namespace)
    },
  })
  return { stop: () => {} }
}
