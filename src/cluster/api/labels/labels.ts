/**
 * Label sets as text.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/labels/labels.go (Set.String, FormatLabels).
 */
import type { Labels } from './requirement'

/** Set.String: "k=v" pairs sorted as whole strings, joined by ",". */
export function labelsString(labels: Labels): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',')
}

/** FormatLabels: as kubectl prints labels ("app=web,tier=fe"), "<none>" when there are none. */
export function formatLabels(labels: Labels): string {
  return labelsString(labels) || '<none>'
}
