/**
 * The simulated kube-apiserver: one handle() for every request and one watch() for streams.
 * It routes a path to a resource and a verb, and never throws: anything unexpected is a
 * 500 Status, as a real server's panic recovery would answer.
 */
import type { Status } from '../api/types'
import * as status from '../api/status'
import type { ServerContext } from './context'
import { getObject } from './context'
import * as discovery from './discovery'
import { getOne, list } from './handlers/read'
import { checkNameAndNamespace, create, remove, removeCollection, update } from './handlers/mutate'
import { mutationOptions, warningHeaders } from './handlers/options'
import { applyPatch, patchTypeOf } from './handlers/patch'
import { respond } from './handlers/respond'
import { bind, finalize, scaleOf, writeScale } from './handlers/subresources'
import type { ApiRequest, ApiResponse } from './request'
import { queryParam } from './request'
import { findResource, type ResourceInfo, type Verb } from './resources'
import { parsePath } from './router'
import { decodeBody } from './body'
import { updateObject } from './write'
import { nodeNameIndex, podNodeName } from './selection'
import { startWatch, type WatchHandler } from './watch'
import type { AggregatedApi } from './aggregation'

/** The API server's two doors. */
export interface ApiServer {
  handle(req: ApiRequest): ApiResponse
  watch(req: ApiRequest, handler: WatchHandler): () => void
  /** Serve a group/version from a component (API aggregation); returns the removal. */
  aggregate(api: AggregatedApi): () => void
}

/** Called with every request and its response (the UI's "API calls" panel; -v=6 logs). */
export type RequestObserver = (req: ApiRequest, res: ApiResponse) => void

const notFound = (): ApiResponse => respond(status.pathNotFound())

function methodNotAllowed(info: ResourceInfo, action: string): ApiResponse {
  return respond(status.methodNotSupported({ group: info.group, name: info.resource }, action))
}

type Target = Extract<ReturnType<typeof parsePath>, { type: 'resource' }>

/** Create the API server over a context. */
export function createApiServer(ctx: ServerContext, observe?: RequestObserver): ApiServer {
  // Pods are indexed by node, as the watch cache indexes them, for kubelets' lists.
  ctx.store.addIndex('pods', nodeNameIndex, podNodeName)
  function route(req: ApiRequest): ApiResponse {
    const method = typeof req.method === 'string' ? req.method.toUpperCase() : ''
    const r = parsePath(req.path)
    switch (r.type) {
      case 'version':
        return method === 'GET' ? discovery.versionInfo() : notFound()
      case 'legacyVersions':
        return method === 'GET' ? discovery.legacyVersions() : notFound()
      case 'groups':
        return method === 'GET' ? discovery.groupList(ctx.aggregator.list()) : notFound()
      case 'group':
        return (method === 'GET' && discovery.group(r.group, ctx.aggregator.list())) || notFound()
      case 'resourceList': {
        const aggregated = ctx.aggregator.find(r.group, r.version)
        if (aggregated)
          return method === 'GET' ? discovery.aggregatedResourceList(aggregated) : notFound()
        return (method === 'GET' && discovery.resourceList(r.group, r.version)) || notFound()
      }
      case 'notFound':
        return notFound()
      case 'resource': {
        const aggregated = ctx.aggregator.find(r.group, r.version)
        return aggregated ? aggregated.handle(req) : resourceRequest(method, r, req)
      }
    }
  }

  function resourceRequest(method: string, r: Target, req: ApiRequest): ApiResponse {
    const info = findResource(r.group, r.version, r.resource)
    if (!info) return notFound()
    // A cluster-scoped resource has no namespaced path; a namespaced one has no named path outside a namespace.
    if (!info.namespaced && r.namespace !== undefined) return notFound()
    if (info.namespaced && r.namespace === undefined && r.name !== undefined) return notFound()
    const ns = r.namespace
    const allowed = (v: Verb): boolean => info.verbs.includes(v)
    if (r.subresource !== undefined) return subresourceRequest(method, info, ns, r.name ?? '', r.subresource, req)
    if (r.name === undefined) {
      switch (method) {
        case 'GET':
          if (isWatch(req)) return respond(status.badRequest('watch requests are served by watch(), not handle(): this transport does not stream'))
          return allowed('list') ? list(ctx, info, ns, req) : methodNotAllowed(info, 'list')
        case 'POST':
          if (info.kind === 'Binding') return bind(ctx, ns, undefined, req.body, { dryRun: queryParam(req, 'dryRun') === 'All' })
          return allowed('create') ? create(ctx, info, ns, req) : methodNotAllowed(info, 'create')
        case 'DELETE':
          return allowed('deletecollection') ? removeCollection(ctx, info, ns, req) : methodNotAllowed(info, 'deletecollection')
        default:
          return respond(methodNotAllowedGeneric())
      }
    }
    const name = r.name
    switch (method) {
      case 'GET':
        if (isWatch(req)) return respond(status.badRequest('watch requests are served by watch(), not handle(): this transport does not stream'))
        return allowed('get') ? getOne(ctx, info, ns, name) : methodNotAllowed(info, 'get')
      case 'PUT':
        return allowed('update') ? update(ctx, info, ns, name, req, 'main') : methodNotAllowed(info, 'update')
      case 'PATCH':
        return allowed('patch') ? patch(info, ns, name, req, 'main') : methodNotAllowed(info, 'patch')
      case 'DELETE':
        return allowed('delete') ? remove(ctx, info, ns, name, req) : methodNotAllowed(info, 'delete')
      default:
        return respond(methodNotAllowedGeneric())
    }
  }

  function subresourceRequest(method: string, info: ResourceInfo, ns: string | undefined, name: string, sub: string, req: ApiRequest): ApiResponse {
    if (!info.subresources.includes(sub as never)) return notFound()
    const dryRun = queryParam(req, 'dryRun') === 'All'
    if (sub === 'binding') return method === 'POST' ? bind(ctx, ns, name, req.body, { dryRun }) : respond(methodNotAllowedGeneric())
    const existing = getObject(ctx, info, ns, name)
    const missing = (): ApiResponse => respond(status.notFound({ group: info.group, name: info.resource }, name))
    if (sub === 'finalize') {
      if (method !== 'PUT') return respond(methodNotAllowedGeneric())
      return existing ? finalize(ctx, info, existing, req.body, { dryRun }) : missing()
    }
    if (sub === 'status') {
      if (method === 'GET') return existing ? { status: 200, body: existing } : missing()
      if (method === 'PUT') return update(ctx, info, ns, name, req, 'status')
      if (method === 'PATCH') return patch(info, ns, name, req, 'status')
      return respond(methodNotAllowedGeneric())
    }
    // scale
    if (!existing) return missing()
    if (method === 'GET') return { status: 200, body: scaleOf(existing) }
    if (method === 'PUT') return writeScale(ctx, info, existing, parseBody(req.body), { dryRun })
    if (method === 'PATCH') {
      const type = patchTypeOf(req)
      if (typeof type !== 'string') return respond(type)
      const patched = applyPatch(type, 'Scale', scaleOf(existing), req.body)
      if (!patched.ok) return respond(patched.status)
      return writeScale(ctx, info, existing, patched.object, { dryRun })
    }
    return respond(methodNotAllowedGeneric())
  }

  function patch(info: ResourceInfo, ns: string | undefined, name: string, req: ApiRequest, target: 'main' | 'status'): ApiResponse {
    const type = patchTypeOf(req)
    if (typeof type !== 'string') return respond(type)
    const opts = mutationOptions(req)
    if ('kind' in opts) return respond(opts)
    const existing = getObject(ctx, info, ns, name)
    if (!existing) return respond(status.notFound({ group: info.group, name: info.resource }, name))
    const patched = applyPatch(type, info.kind, existing, req.body, opts.fieldValidation)
    if (!patched.ok) return respond(patched.status)
    const decoded = decodeBody(info, patched.object, opts.fieldValidation)
    if (!decoded.ok) return respond(decoded.status)
    const mismatch = checkNameAndNamespace(info, decoded.object, name, ns)
    if (mismatch) return mismatch
    const result = updateObject(ctx, info, decoded.object, existing, target, { dryRun: opts.dryRun })
    if (!result.ok) return respond(result.status)
    const headers = warningHeaders([...patched.warnings, ...decoded.warnings])
    return headers ? { status: 200, body: result.object, headers } : { status: 200, body: result.object }
  }

  const server: ApiServer = {
    handle(req) {
      let res: ApiResponse
      try {
        res = typeof req === 'object' && req !== null ? route(req) : notFound()
      } catch (e) {
        res = respond(status.internalError(e instanceof Error ? e.message : String(e)))
      }
      if (observe) observe(req, res)
      return res
    },
    aggregate: (api) => ctx.aggregator.register(api),
    watch(req, handler) {
      const safe: WatchHandler = (e) => {
        try {
          handler(e)
        } catch {
          // A watcher that throws must not break the server or the other watchers.
        }
      }
      try {
        const r = parsePath(req?.path)
        const method = typeof req?.method === 'string' ? req.method.toUpperCase() : 'GET'
        if (r.type !== 'resource' || r.subresource !== undefined || method !== 'GET') {
          safe({ type: 'ERROR', object: status.pathNotFound() })
          return () => {}
        }
        const info = findResource(r.group, r.version, r.resource)
        if (!info || (!info.namespaced && r.namespace !== undefined)) {
          safe({ type: 'ERROR', object: status.pathNotFound() })
          return () => {}
        }
        if (!info.verbs.includes('watch')) {
          safe({ type: 'ERROR', object: status.methodNotSupported({ group: info.group, name: info.resource }, 'watch') })
          return () => {}
        }
        return startWatch(ctx, info, r.namespace, r.name, req, safe)
      } catch (e) {
        safe({ type: 'ERROR', object: status.internalError(e instanceof Error ? e.message : String(e)) })
        return () => {}
      }
    },
  }
  return server
}

function isWatch(req: ApiRequest): boolean {
  const w = queryParam(req, 'watch')
  return w === 'true' || w === '1'
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

/** 405 for a method a path does not serve at all. */
function methodNotAllowedGeneric(): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server does not allow this method on the requested resource',
    reason: 'MethodNotAllowed',
    details: {},
    code: 405,
  }
}
