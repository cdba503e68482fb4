import type { LabelSelector } from 'kubernetes-types/meta/v1'

// Mirrors staging/src/k8s.io/apimachinery/pkg/labels (Set.String, Requirement.String)
// and pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, FormatLabelSelector).

/** labels.FormatLabels: `k=v` pairs sorted by key and joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',')
}

/** LabelSelectorAsSelector(...).String(): requirements sorted by key; `` for nil or empty. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return ''
  const requirements: { key: string; text: string }[] = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push({ key, text: `${key}=${value}` })
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...new Set(expr.values ?? [])].sort().join(',')
    const text =
      expr.operator === 'In'
        ? `${expr.key} in (${values})`
        : expr.operator === 'NotIn'
          ? `${expr.key} notin (${values})`
          : expr.operator === 'Exists'
            ? expr.key
            : expr.operator === 'DoesNotExist'
              ? `!${expr.key}`
              : ''
    requirements.push({ key: expr.key, text })
  }
  // Go's sort.Sort(ByKey) is not stable, but keys are unique in practice.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return requirements.map((r) => r.text).join(',')
}

/** metav1.FormatLabelSelector: as selectorString but `<none>` when it selects by nothing. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = selectorString(selector)
  return s.length === 0 ? '<none>' : s
}
