/**
 * Label and field selection for list, watch and deletecollection, with kube-apiserver's
 * "Unable to find ... that match label selector ..." error around a bad selector.
 */
import type { Status, StoredObject } from '../api/types'
import { badRequest } from '../api/status'
import { parseSelector } from '../api/labels'
import { parseFieldSelector, fieldSetFor, transformFieldSelector } from '../api/fields'
import type { ResourceInfo } from './resources'

/** A predicate over stored objects. */
export type ObjectFilter = (obj: StoredObject) => boolean

/** A parsed selection: its predicate, and the node an exact spec.nodeName match names (pods only). */
export interface Selection {
  matches: ObjectFilter
  /** Set when the field selector requires spec.nodeName=<value>: the watch cache's trigger. */
  nodeName?: string
}

/** The pods index and watch trigger: spec.nodeName, as the watch cache indexes pods. */
export const nodeNameIndex = 'spec.nodeName'

/** A pod's spec.nodeName ('' when unscheduled). */
export function podNodeName(obj: StoredObject): string {
  const spec = obj.spec as { nodeName?: unknown } | undefined
  return typeof spec?.nodeName === 'string' ? spec.nodeName : ''
}

/** The selection for a request's labelSelector and fieldSelector, or the Status to answer with. */
export function buildSelection(info: ResourceInfo, labelSelector: string | undefined, fieldSelector: string | undefined): Selection | Status {
  const ls = labelSelector ?? ''
  const fs = fieldSelector ?? ''
  // GroupVersionResource.String(), as the list handler prints it.
  const gvr = `"${info.group}/${info.version}, Resource=${info.resource}"`
  const wrap = (err: string): Status => badRequest(`Unable to find ${gvr} that match label selector "${ls}", field selector "${fs}": ${err}`)
  const labels = parseSelector(ls)
  if (!labels.ok) return wrap(labels.error)
  const parsed = parseFieldSelector(fs)
  if (!parsed.ok) return wrap(parsed.error)
  const fields = transformFieldSelector(info.resource, parsed.selector)
  if (!fields.ok) return wrap(fields.error)
  const labelSel = labels.selector
  const fieldSel = fields.selector
  const noLabels = labelSel.empty()
  const noFields = fieldSel.empty()
  const nodeName = info.resource === 'pods' ? fieldSel.requiresExactMatch(nodeNameIndex) : undefined
  const matches: ObjectFilter =
    noLabels && noFields
      ? () => true
      : (obj) => (noLabels || labelSel.matches(obj.metadata.labels ?? {})) && (noFields || fieldSel.matches(fieldSetFor(info.resource, obj)))
  return nodeName === undefined ? { matches } : { matches, nodeName }
}
