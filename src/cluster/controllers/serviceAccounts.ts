/**
 * The serviceaccounts controller: every namespace gets a `default` ServiceAccount.
 * A client of the API like every controller: it watches namespaces and creates through handle().
 * Mirrors pkg/controller/serviceaccount/serviceaccounts_controller.go
 */
import type { ApiServer } from '../apiserver/apiserver'
import { isObject } from '../util/json'

/** Start the controller; returns stop(). */
export function startServiceAccountsController(api: ApiServer): () => void {
  return api.watch({ method: 'GET', path: '/api/v1/namespaces' }, (event) => {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return
    const ns = event.object
    if (!isObject(ns.metadata) || typeof ns.metadata.name !== 'string' || ns.metadata.deletionTimestamp) return
    const name = ns.metadata.name
    const path = `/api/v1/namespaces/${name}/serviceaccounts`
    if (api.handle({ method: 'GET', path: `${path}/default` }).status === 200) return
    api.handle({ method: 'POST', path, body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } } })
  })
}
