/**
 * Taints and tolerations: whether a toleration tolerates a taint, and the first taint of a
 * filtered kind that no toleration tolerates.
 * Mirrors staging/src/k8s.io/api/core/v1/toleration.go (ToleratesTaint) and
 * staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint)
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1'

/** Toleration.ToleratesTaint: effect and key match when set; Equal compares values, Exists does not. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

/** TolerationsTolerateTaint */
export function tolerationsTolerateTaint(
  tolerations: readonly Toleration[],
  taint: Taint,
): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true
  return false
}

/** FindMatchingUntoleratedTaint: the first taint passing `filter` that is not tolerated. */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  filter: (t: Taint) => boolean,
): Taint | undefined {
  for (const taint of taints) {
    if (!filter(taint)) continue
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint
  }
  return undefined
}

/** DoNotScheduleTaintsFilterFunc: NoSchedule and NoExecute taints. */
export const doNotScheduleTaints = (t: Taint): boolean =>
  t.effect === 'NoSchedule' || t.effect === 'NoExecute'
