/**
 * Label selectors of ReplicaSets and Deployments, parsed once per object version: informer
 * objects are frozen and replaced on every change, so the object itself is the cache key.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { selectorFromLabelSelector, type Selector } from '../../api/labels'

/** A parsed selector, or the conversion error. */
export type SelectorResult = { ok: true; selector: Selector } | { ok: false; error: string }

const cache = new WeakMap<object, SelectorResult>()

/** LabelSelectorAsSelector of obj.spec.selector, cached per object. */
export function specSelector(obj: { spec?: { selector?: LabelSelector } }): SelectorResult {
  let r = cache.get(obj)
  if (!r) {
    r = selectorFromLabelSelector(obj.spec?.selector)
    cache.set(obj, r)
  }
  return r
}
