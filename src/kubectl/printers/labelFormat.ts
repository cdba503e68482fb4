/**
 * Label and selector text as kubectl prints it, from the cluster's own ports of
 * apimachinery's labels package (one implementation of the selector grammar).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { formatLabelSelector, formatLabels, selectorFromLabelSelector } from '../../cluster/api/labels'

export { formatLabels, formatLabelSelector }

/** LabelSelectorAsSelector(...).String(): requirements sorted by key; `` for nil or empty. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return ''
  const r = selectorFromLabelSelector(selector)
  return r.ok ? r.selector.toString() : ''
}
