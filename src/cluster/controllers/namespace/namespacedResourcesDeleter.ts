/**
 * The namespaced resources deleter: for a Terminating namespace, delete every namespaced
 * resource the API serves (found through discovery), report what remains in the namespace's
 * conditions, and once it is empty remove the `kubernetes` finalizer through `/finalize`.
 * Mirrors pkg/controller/namespace/deletion/namespaced_resources_deleter.go
 */
import type { Namespace, Pod } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import { isObject } from '../../util/json'
import type { ComponentContext } from '../runtime/context'
import { failureConditions, updateConditions, type ContentTotals } from './statusConditions'

type NamespaceObject = Namespace & StoredObject

/** The finalizer this controller owns (v1.FinalizerKubernetes). */
export const finalizerKubernetes = 'kubernetes'
/** The wait assumed for items held by finalizers. */
export const finalizerEstimateSeconds = 15

/** A deletion pass's outcome: done, content still going away (with an estimate), or an error. */
export type DeleteResult = { done: true } | { done: false; estimateSeconds: number } | { done: false; error: string }

/** A namespaced resource from discovery. */
interface DeletableResource {
  group: string
  version: string
  resource: string
  deleteCollection: boolean
  list: boolean
}

const gvrString = (r: DeletableResource): string => `${r.group}/${r.version}, Resource=${r.resource}`
const collectionPath = (r: DeletableResource, ns: string): string =>
  `${r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`}/namespaces/${ns}/${r.resource}`

function resourcesOf(body: unknown, group: string, version: string): DeletableResource[] {
  if (!isObject(body) || !Array.isArray(body.resources)) return []
  const out: DeletableResource[] = []
  for (const r of body.resources) {
    if (!isObject(r) || typeof r.name !== 'string' || r.name.includes('/') || r.namespaced !== true) continue
    const verbs = Array.isArray(r.verbs) ? r.verbs : []
    if (!verbs.includes('delete')) continue
    out.push({ group, version, resource: r.name, deleteCollection: verbs.includes('deletecollection'), list: verbs.includes('list') })
  }
  return out
}

/** Create the deleter for a component. */
export function createNamespacedResourcesDeleter(ctx: ComponentContext): { delete(name: string): DeleteResult } {
  const { api, client, clock } = ctx

  // Mirrors discovery.ServerPreferredNamespacedResources filtered by the delete verb; a group
  // that fails is reported as ErrGroupDiscoveryFailed and the others are still used.
  function discover(): { resources: DeletableResource[]; error?: string; groupsFailing: number } {
    const resources: DeletableResource[] = []
    const failed: string[] = []
    const fetch = (path: string, gv: string, group: string, version: string): void => {
      const res = api.handle({ method: 'GET', path })
      if (res.status === 200) resources.push(...resourcesOf(res.body, group, version))
      else failed.push(`${gv}: ${isObject(res.body) && typeof res.body.message === 'string' ? res.body.message : `status ${res.status}`}`)
    }
    fetch('/api/v1', 'v1', '', 'v1')
    const groups = api.handle({ method: 'GET', path: '/apis' })
    const list = isObject(groups.body) && Array.isArray(groups.body.groups) ? groups.body.groups : []
    for (const g of list) {
      if (!isObject(g) || typeof g.name !== 'string' || !isObject(g.preferredVersion) || typeof g.preferredVersion.version !== 'string') continue
      const v = g.preferredVersion.version
      fetch(`/apis/${g.name}/${v}`, `${g.name}/${v}`, g.name, v)
    }
    if (!failed.length) return { resources, groupsFailing: 0 }
    return { resources, error: `unable to retrieve the complete list of server APIs: ${failed.sort().join(', ')}`, groupsFailing: failed.length }
  }

  function listItems(r: DeletableResource, ns: string): StoredObject[] | string {
    const res = api.handle({ method: 'GET', path: collectionPath(r, ns) })
    if (res.status !== 200) return isObject(res.body) && typeof res.body.message === 'string' ? res.body.message : `status ${res.status}`
    return isObject(res.body) && Array.isArray(res.body.items) ? (res.body.items as StoredObject[]) : []
  }

  // Mirrors estimateGracefulTerminationForPods: the longest grace period of a pod not yet finished.
  function estimate(r: DeletableResource, ns: string, deletedAt: number): number {
    if (r.group !== '' || r.resource !== 'pods') return 0
    const pods = listItems(r, ns)
    if (typeof pods === 'string') return 0
    let est = 0
    for (const p of pods as (Pod & StoredObject)[]) {
      const phase = p.status?.phase
      if (phase === 'Succeeded' || phase === 'Failed') continue
      const grace = p.spec?.terminationGracePeriodSeconds
      if (typeof grace === 'number' && grace > est) est = grace
    }
    return clock.now() - deletedAt >= est * 1000 ? 0 : est
  }

  // Mirrors deleteAllContentForGroupVersionResource.
  function deleteResource(r: DeletableResource, ns: string, deletedAt: number): { estimate: number; remaining: number; finalizers: Map<string, number>; error?: string } {
    const est = estimate(r, ns, deletedAt)
    const none = { estimate: est, remaining: 0, finalizers: new Map<string, number>() }
    if (r.deleteCollection) {
      const res = api.handle({ method: 'DELETE', path: collectionPath(r, ns), query: { propagationPolicy: 'Background' } })
      if (res.status >= 300 && res.status !== 404 && res.status !== 405) {
        return { ...none, error: isObject(res.body) && typeof res.body.message === 'string' ? res.body.message : `status ${res.status}` }
      }
    } else if (r.list) {
      const items = listItems(r, ns)
      if (typeof items === 'string') return { ...none, error: items }
      for (const item of items) {
        const res = api.handle({ method: 'DELETE', path: `${collectionPath(r, ns)}/${item.metadata.name}`, query: { propagationPolicy: 'Background' } })
        if (res.status >= 300 && res.status !== 404 && res.status !== 405) return { ...none, error: isObject(res.body) && typeof res.body.message === 'string' ? res.body.message : `status ${res.status}` }
      }
    }
    if (!r.list) return none
    const left = listItems(r, ns)
    if (typeof left === 'string') return { ...none, error: left }
    if (left.length === 0) return { estimate: 0, remaining: 0, finalizers: none.finalizers }
    const finalizers = new Map<string, number>()
    for (const item of left) for (const f of item.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1)
    if (est !== 0) return { estimate: est, remaining: left.length, finalizers }
    // Items held by finalizers are normal: allow time for the garbage collector.
    if (finalizers.size > 0) return { estimate: finalizerEstimateSeconds, remaining: left.length, finalizers }
    return { estimate: est, remaining: left.length, finalizers, error: `unexpected items still remain in namespace: ${ns} for gvr: ${gvrString(r)}` }
  }

  // Mirrors deleteAllContent: every resource, errors collected, conditions always brought up to date.
  function deleteAllContent(ns: NamespaceObject): { estimate: number; errors: string[] } {
    const deletedAt = Date.parse(ns.metadata.deletionTimestamp ?? '')
    const { resources, error: discoveryError, groupsFailing } = discover()
    const errors: string[] = discoveryError ? [discoveryError] : []
    const deleteErrors: string[] = []
    const totals: ContentTotals = { remainingByResource: new Map(), remainingByFinalizer: new Map() }
    let est = 0
    for (const r of resources) {
      const m = deleteResource(r, ns.metadata.name, Number.isFinite(deletedAt) ? deletedAt : clock.now())
      if (m.error) {
        errors.push(m.error)
        deleteErrors.push(m.error)
      }
      if (m.estimate > est) est = m.estimate
      if (m.remaining > 0) {
        totals.remainingByResource.set(`${r.resource}.${r.group}`, m.remaining)
        for (const [f, n] of m.finalizers) if (n > 0) totals.remainingByFinalizer.set(f, (totals.remainingByFinalizer.get(f) ?? 0) + n)
      }
    }
    const now = formatTime(clock.now())
    const conditions = updateConditions(ns.status?.conditions ?? [], failureConditions(now, totals, deleteErrors, discoveryError && `Discovery failed for some groups, ${groupsFailing} failing: ${discoveryError}`), now)
    if (conditions) {
      const res = client.update('Namespace', { ...ns, status: { ...(ns.status ?? {}), conditions } }, 'status')
      // A failed condition update is logged upstream and does not fail the pass.
      if (!res.ok) ctx.onError('namespace', ns.metadata.name, `couldn't update status condition for namespace "${ns.metadata.name}": ${res.status.message ?? ''}`)
    }
    return { estimate: est, errors }
  }

  return {
    delete(name) {
      const got = client.get<NamespaceObject>('Namespace', undefined, name)
      if (!got.ok) return got.status.code === 404 ? { done: true } : { done: false, error: got.status.message ?? '' }
      let ns = got.object
      if (!ns.metadata.deletionTimestamp) return { done: true }
      if (ns.status?.phase !== 'Terminating') {
        const res = client.update<NamespaceObject>('Namespace', { ...ns, status: { ...(ns.status ?? {}), phase: 'Terminating' } }, 'status')
        if (!res.ok) return res.status.code === 404 ? { done: true } : { done: false, error: res.status.message ?? '' }
        ns = res.object
      }
      const finalizers = ns.spec?.finalizers ?? []
      if (finalizers.length === 0) return { done: true }
      const { estimate: est, errors } = deleteAllContent(ns)
      if (errors.length) return { done: false, error: errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]` }
      if (est > 0) return { done: false, estimateSeconds: est }
      // Everything is gone: give up our finalizer; the API server purges the namespace when none remain.
      const latest = client.get<NamespaceObject>('Namespace', undefined, name)
      if (!latest.ok) return latest.status.code === 404 ? { done: true } : { done: false, error: latest.status.message ?? '' }
      const rest = [...new Set((latest.object.spec?.finalizers ?? []).filter((f) => f !== finalizerKubernetes))].sort()
      const res = client.update('Namespace', { ...latest.object, spec: { ...(latest.object.spec ?? {}), finalizers: rest } }, 'finalize')
      if (!res.ok && res.status.code !== 404) return { done: false, error: res.status.message ?? '' }
      return { done: true }
    },
  }
}
