/**
 * The admission chain of a default kube-apiserver, as far as it changes what learners see:
 * the plugins in upstream order. NamespaceLifecycle's checks run once, in this chain, and a
 * DELETE's in admitDelete; no other validating plugin is simulated.
 * Mirrors pkg/kubeapiserver/options/plugins.go AllOrderedPlugins (the subset simulated).
 */
import { forbidden } from '../../api/status'
import type { KubeObject, Status } from '../../api/types'
import {
  attributesFor,
  type AdmissionContext,
  type AdmissionPlugin,
  type Operation,
} from './attributes'
import { defaultTolerationSecondsAdmission } from './defaultTolerationSeconds'
import { immortalNamespaces, namespaceLifecycle } from './namespaceLifecycle'
import { priorityAdmission } from './priority'
import { serviceAccountAdmission } from './serviceAccount'
import { taintNodesByConditionAdmission } from './taintNodesByCondition'

export type {
  AdmissionAttributes,
  AdmissionContext,
  AdmissionPlugin,
  Operation,
} from './attributes'
export { attributesFor, guessResource } from './attributes'
export { immortalNamespaces } from './namespaceLifecycle'
export { systemPriorityClasses } from './priority'
export { defaultAPITokenMountPath, tokenVolumeSource } from './serviceAccount'
export { taintNodesByConditionAdmission } from './taintNodesByCondition'

/** The mutating plugins, in the order kube-apiserver runs them. */
export const mutatingAdmission: readonly AdmissionPlugin[] = [
  namespaceLifecycle,
  serviceAccountAdmission,
  priorityAdmission,
  defaultTolerationSecondsAdmission,
]

/**
 * TaintNodesByCondition runs between ServiceAccount and Priority upstream. It is kept out of
 * mutatingAdmission until a node lifecycle controller removes the not-ready taint again;
 * insert it with withTaintNodesByCondition(mutatingAdmission).
 */
export function withTaintNodesByCondition(plugins: readonly AdmissionPlugin[]): AdmissionPlugin[] {
  const out = plugins.filter((p) => p !== taintNodesByConditionAdmission)
  const at = out.indexOf(serviceAccountAdmission)
  out.splice(at + 1, 0, taintNodesByConditionAdmission)
  return out
}

function run(
    plugins: readonly AdmissionPlugin[],
  kind: string,
  operation: Operation,
  obj: KubeObject | undefined,
  oldObj: KubeObject | undefined,
  ctx: AdmissionContext,
  subresource: string,
): Status | undefined {
  const a = attributesFor(kind, operation, obj, oldObj, subresource)
  for (const plugin of plugins) {
    if (!plugin.operations.includes(operation)) continue
    const status = plugin.admit?.(a, ctx)
    // The first plugin to refuse ends the chain, as in kube-apiserver.
    if (status) return status
  }
  return undefined
}

/**
 * Run the mutating admission chain on obj (mutated in place). obj.metadata.namespace must be
 * set for namespaced kinds; for DELETE pass the object being deleted as obj or oldObj.
 */
export function admit(
  kind: string,
  operation: Operation,
  obj: KubeObject | undefined,
  oldObj: KubeObject | undefined,
  ctx: AdmissionContext,
  subresource = '',
): Status | undefined {
  return run(mutatingAdmission, kind, operation, obj, oldObj, ctx, subresource)
}

/**
 * The admission checks of a DELETE that need no cluster state: the system namespaces
 * (default, kube-system, kube-public) may not be deleted.
 */
export function admitDelete(kind: string, obj: KubeObject): Status | undefined {
  const a = attributesFor(kind, 'DELETE', undefined, obj)
  if (kind === 'Namespace' && a.group === '' && immortalNamespaces.has(a.name)) {
    return forbidden({ group: '', name: 'namespaces' }, a.name, 'this namespace may not be deleted')
  }
  return undefined
}
