/**
 * API aggregation: a component serves a whole group/version through the API server, as
 * metrics-server serves metrics.k8s.io behind an APIService. Requests under
 * /apis/<group>/<version> go to its handler; discovery lists its group and resources.
 * Mirrors staging/src/k8s.io/kube-aggregator (proxying by APIService)
 */
import type { ApiRequest, ApiResponse } from './request'

/** A resource an aggregated API serves, for discovery. */
export interface AggregatedResource {
  name: string
  singularName: string
  namespaced: boolean
  kind: string
  verbs: string[]
  shortNames?: string[]
}

/** A registered group/version and the handler serving it. */
export interface AggregatedApi {
  group: string
  version: string
  resources: AggregatedResource[]
  handle(req: ApiRequest): ApiResponse
}

/** The registry of aggregated APIs. */
export interface Aggregator {
  register(api: AggregatedApi): () => void
  find(group: string, version: string): AggregatedApi | undefined
  list(): AggregatedApi[]
}

/** Create an empty registry. */
export function createAggregator(): Aggregator {
  const apis: AggregatedApi[] = []
  return {
    register(api) {
      apis.push(api)
      return () => {
        const i = apis.indexOf(api)
        if (i >= 0) apis.splice(i, 1)
      }
    },
    find: (group, version) => apis.find((a) => a.group === group && a.version === version),
    list: () => [...apis],
  }
}
