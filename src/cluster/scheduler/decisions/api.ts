/**
 * The decisions API: scheduling.kubeplay.dev/v1alpha1 schedulingdecisions (get, list), served
 * through the API server's aggregation so every client (kubectl, the UI, lessons) reads them
 * through the one API. A decision is named after its pod.
 */
import * as status from '../../api/status'
import type { AggregatedApi } from '../../apiserver/aggregation'
import type { ApiRequest, ApiResponse } from '../../apiserver/request'
import { queryParam } from '../../apiserver/request'
import { parsePath } from '../../apiserver/router'
import { apiVersion, decisionObject, group, version } from './object'
import type { DecisionStore } from './store'

const resource = { group, name: 'schedulingdecisions' }

const verbOf: Record<string, string> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
}

const respond = (s: ReturnType<typeof status.notFound>): ApiResponse => ({
  status: s.code,
  body: s,
})

/** The aggregated API over a decision store. */
export function decisionsApi(store: DecisionStore): AggregatedApi {
  return {
    group,
    version,
    resources: [
      {
        name: 'schedulingdecisions',
        singularName: 'schedulingdecision',
        namespaced: true,
        kind: 'SchedulingDecision',
        verbs: ['get', 'list'],
      },
    ],
    handle(req: ApiRequest): ApiResponse {
      const r = parsePath(req.path)
      if (
        r.type !== 'resource' ||
        r.resource !== 'schedulingdecisions' ||
        r.subresource !== undefined
      )
        return respond(status.pathNotFound())
      const method = typeof req.method === 'string' ? req.method.toUpperCase() : ''
      if (method !== 'GET') {
        const verb =
          method === 'DELETE' && r.name === undefined
            ? 'deletecollection'
            : (verbOf[method] ?? method.toLowerCase())
        return respond(status.methodNotSupported(resource, verb))
      }
      if (queryParam(req, 'watch') === 'true' || queryParam(req, 'watch') === '1')
        return respond(status.methodNotSupported(resource, 'watch'))
      if (r.name !== undefined) {
        if (r.namespace === undefined) return respond(status.pathNotFound())
        const d = store.get(`${r.namespace}/${r.name}`)
        return d
          ? { status: 200, body: decisionObject(d) }
          : respond(status.notFound(resource, r.name))
      }
      const items = store.list(r.namespace).map(decisionObject)
      return {
        status: 200,
        body: {
          apiVersion,
          kind: 'SchedulingDecisionList',
          metadata: { resourceVersion: '' },
          items,
        },
      }
    },
  }
}
