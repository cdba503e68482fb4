/**
 * The namespace deleter's status conditions: what failed or remains while a Terminating
 * namespace is emptied, each condition in its "ok" variant (status False) once resolved.
 * Mirrors pkg/controller/namespace/deletion/status_condition_utils.go
 */
import type { NamespaceCondition } from 'kubernetes-types/core/v1'

/** The condition types the deleter maintains, in the order it adds them. */
export const conditionTypes = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const

/** One of the deleter's condition types. */
export type DeletionConditionType = (typeof conditionTypes)[number]

const okMessages: Record<DeletionConditionType, string> = {
  NamespaceDeletionDiscoveryFailure: 'All resources successfully discovered',
  NamespaceDeletionGroupVersionParsingFailure: 'All legacy kube types successfully parsed',
  NamespaceDeletionContentFailure: 'All content successfully deleted, may be waiting on finalization',
  NamespaceContentRemaining: 'All content successfully removed',
  NamespaceFinalizersRemaining: 'All content successfully removed',
}

const okReasons: Record<DeletionConditionType, string> = {
  NamespaceDeletionDiscoveryFailure: 'ResourcesDiscovered',
  NamespaceDeletionGroupVersionParsingFailure: 'ParsedGroupVersions',
  NamespaceDeletionContentFailure: 'ContentDeleted',
  NamespaceContentRemaining: 'ContentRemoved',
  NamespaceFinalizersRemaining: 'ContentRemoved',
}

/** What remains after a pass: instances per resource ("pods." for core, "deployments.apps") and per finalizer. */
export interface ContentTotals {
  /** Keyed by `resource.group`, as upstream prints a GroupVersionResource's resource and group. */
  remainingByResource: Map<string, number>
  remainingByFinalizer: Map<string, number>
}

/** Go's sort.Strings: byte order. */
const sortStrings = (xs: string[]): string[] => xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/** The failure conditions a deletion pass found (before the ok variants are filled in). */
export function failureConditions(now: string, totals: ContentTotals, deleteErrors: readonly string[], discoveryError?: string): NamespaceCondition[] {
  const out: NamespaceCondition[] = []
  if (discoveryError) out.push({ type: 'NamespaceDeletionDiscoveryFailure', status: 'True', lastTransitionTime: now, reason: 'DiscoveryFailed', message: discoveryError })
  if (deleteErrors.length) {
    const msgs = sortStrings([...deleteErrors])
    out.push({
      type: 'NamespaceDeletionContentFailure',
      status: 'True',
      lastTransitionTime: now,
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${deleteErrors.length} remaining: ${msgs.join(', ')}`,
    })
  }
  if (totals.remainingByResource.size) {
    const parts = sortStrings([...totals.remainingByResource].filter(([, n]) => n > 0).map(([r, n]) => `${r} has ${n} resource instances`))
    out.push({ type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${parts.join(', ')}` })
  }
  if (totals.remainingByFinalizer.size) {
    const parts = sortStrings([...totals.remainingByFinalizer].filter(([, n]) => n > 0).map(([f, n]) => `${f} in ${n} resource instances`))
    out.push({ type: 'NamespaceFinalizersRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${parts.join(', ')}` })
  }
  return out
}

/** Merge new conditions into a status's list; returns the new list, or undefined when nothing changed. */
// Mirrors status_condition_utils.go updateConditions
export function updateConditions(current: readonly NamespaceCondition[], found: readonly NamespaceCondition[], now: string): NamespaceCondition[] | undefined {
  const next = current.map((c) => ({ ...c }))
  let changed = false
  for (const type of conditionTypes) {
    const want = found.find((c) => c.type === type) ?? { type, status: 'False', lastTransitionTime: now, reason: okReasons[type], message: okMessages[type] }
    const old = next.find((c) => c.type === type)
    if (!old) {
      next.push({ ...want })
      changed = true
    } else if (old.status !== want.status || old.message !== want.message || old.reason !== want.reason) {
      if (old.status !== want.status) old.lastTransitionTime = now
      old.status = want.status
      old.reason = want.reason
      old.message = want.message
      changed = true
    }
  }
  return changed ? next : undefined
}
