/**
 * create, update (PUT) and delete handlers for whole objects.
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, update.go, delete.go
 */
import type { KubeObject } from '../../api/types'
import * as status from '../../api/status'
import type { ServerContext } from '../context'
import { getObject } from '../context'
import { decodeBody } from '../body'
import { deleteObject, parseDeleteOptions } from '../delete'
import type { ApiRequest, ApiResponse } from '../request'
import { queryParam } from '../request'
import type { ResourceInfo } from '../resources'
import { groupVersion, storageKey } from '../resources'
import { buildSelection } from '../selection'
import { allowCreateOnUpdate } from '../strategy'
import { createObject, updateObject } from '../write'
import { mutationOptions, warningHeaders } from './options'
import { respond } from './respond'

/** POST to a collection. */
export function create(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, req: ApiRequest): ApiResponse {
  const opts = mutationOptions(req)
  if ('kind' in opts) return respond(opts)
  const decoded = decodeBody(info, req.body, opts.fieldValidation)
  if (!decoded.ok) return respond(decoded.status)
  const result = createObject(ctx, info, decoded.object, namespace, { dryRun: opts.dryRun })
  if (!result.ok) return respond(result.status)
  return withWarnings({ status: 201, body: result.object }, decoded.warnings)
}

function withWarnings(res: ApiResponse, warnings: readonly string[]): ApiResponse {
  const headers = warningHeaders(warnings)
  return headers ? { ...res, headers } : res
}

/** The name and namespace in a body must match the request's (checkName and EnsureObjectNamespaceMatchesRequestNamespace). */
export function checkNameAndNamespace(info: ResourceInfo, obj: KubeObject, name: string, namespace: string | undefined): ApiResponse | undefined {
  const objName = obj.metadata?.name ?? ''
  if (objName !== name) return respond(status.badRequest(`the name of the object (${objName}) does not match the name on the URL (${name})`))
  const objNs = obj.metadata?.namespace
  if (info.namespaced && objNs && objNs !== namespace) {
    return respond(status.badRequest('the namespace of the provided object does not match the namespace sent on the request'))
  }
  return undefined
}

/** PUT of one object (main resource or /status). */
export function update(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, name: string, req: ApiRequest, target: 'main' | 'status'): ApiResponse {
  const opts = mutationOptions(req)
  if ('kind' in opts) return respond(opts)
  const decoded = decodeBody(info, req.body, opts.fieldValidation)
  if (!decoded.ok) return respond(decoded.status)
  const obj = decoded.object
  const mismatch = checkNameAndNamespace(info, obj, name, namespace)
  if (mismatch) return mismatch
  const existing = getObject(ctx, info, namespace, name)
  if (!existing) {
    if (target === 'main' && allowCreateOnUpdate(info)) {
      const created = createObject(ctx, info, obj, namespace, { dryRun: opts.dryRun })
      if (!created.ok) return respond(created.status)
      return withWarnings({ status: 201, body: created.object }, decoded.warnings)
    }
    return respond(status.notFound({ group: info.group, name: info.resource }, name))
  }
  const result = updateObject(ctx, info, obj, existing, target, { dryRun: opts.dryRun })
  if (!result.ok) return respond(result.status)
  return withWarnings({ status: 200, body: result.object }, decoded.warnings)
}

function dryRunOf(req: ApiRequest): boolean | ApiResponse {
  const dry = queryParam(req, 'dryRun')
  if (dry !== undefined && dry !== '' && dry !== 'All') {
    return respond(status.badRequest(`Invalid dry run value: dryRun: Unsupported value: []string{"${dry}"}: supported values: "All"`))
  }
  return dry === 'All'
}

/** DELETE of one object. */
export function remove(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, name: string, req: ApiRequest): ApiResponse {
  const dry = dryRunOf(req)
  if (typeof dry !== 'boolean') return dry
  const opts = parseDeleteOptions((n) => queryParam(req, n), typeof req.body === 'string' ? safeParse(req.body) : req.body, dry)
  if ('kind' in opts) return respond(opts)
  const existing = getObject(ctx, info, namespace, name)
  if (!existing) return respond(status.notFound({ group: info.group, name: info.resource }, name))
  const result = deleteObject(ctx, info, existing, opts)
  if (!result.ok) return respond(result.status)
  const accepted = !result.deleted && queryParam(req, 'orphanDependents') === 'false'
  return { status: accepted ? 202 : 200, body: result.object }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** DELETE of a collection: every object matching the selectors, one by one. */
export function removeCollection(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, req: ApiRequest): ApiResponse {
  const dry = dryRunOf(req)
  if (typeof dry !== 'boolean') return dry
  const selection = buildSelection(info, queryParam(req, 'labelSelector'), queryParam(req, 'fieldSelector'))
  if ('kind' in selection) return respond(selection)
  const filter = selection.matches
  const opts = parseDeleteOptions((n) => queryParam(req, n), typeof req.body === 'string' ? safeParse(req.body) : req.body, dry)
  if ('kind' in opts) return respond(opts)
  const items: unknown[] = []
  for (const obj of ctx.store.list(storageKey(info), namespace)) {
    if (!filter(obj)) continue
    const result = deleteObject(ctx, info, obj, opts)
    if (!result.ok) return respond(result.status)
    items.push(result.object)
  }
  return { status: 200, body: { kind: `${info.kind}List`, apiVersion: groupVersion(info), metadata: { resourceVersion: String(ctx.store.revision()) }, items } }
}
