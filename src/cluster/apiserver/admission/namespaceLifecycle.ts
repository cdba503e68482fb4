/**
 * NamespaceLifecycle: no new content in a missing or terminating namespace, and the system
 * namespaces may not be deleted.
 * Mirrors staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go
 */
import { forbidden, notFound } from '../../api/status'
import type { Status } from '../../api/types'
import {
  admissionForbidden,
  groupResource,
  namespaceExists,
  type AdmissionAttributes,
  type AdmissionContext,
  type AdmissionPlugin,
} from './attributes'

/** The plugin's upstream name. */
export const namespaceLifecyclePluginName = 'NamespaceLifecycle'

/** Namespaces that may never be deleted (metav1.NamespaceDefault, NamespaceSystem, NamespacePublic). */
export const immortalNamespaces: ReadonlySet<string> = new Set([
  'default',
  'kube-system',
  'kube-public',
])

/** The StatusCause type a create in a terminating namespace carries (v1.NamespaceTerminatingCause). */
export const namespaceTerminatingCause = 'NamespaceTerminating'

function lifecycle(a: AdmissionAttributes, ctx: AdmissionContext): Status | undefined {
  const isNamespace = a.kind === 'Namespace' && a.group === ''
  if (a.operation === 'DELETE' && isNamespace && immortalNamespaces.has(a.name)) {
    return forbidden(groupResource(a), a.name, 'this namespace may not be deleted')
  }
  // Cluster-scoped resources and namespaces themselves are always allowed.
  if (a.namespace === '' || isNamespace) return undefined
  if (a.operation === 'DELETE') return undefined
  if (!namespaceExists(ctx, a.namespace))
    return notFound({ group: '', name: 'namespaces' }, a.namespace)
  const phase = ctx.namespacePhase(a.namespace)
  if (a.operation === 'CREATE' && phase === 'Terminating') {
    const status = admissionForbidden(
      a,
      `unable to create new content in namespace ${a.namespace} because it is being terminated`,
    )
    const details = status.details ?? {}
    details.causes = [
      ...(details.causes ?? []),
      {
        reason: namespaceTerminatingCause,
        message: `namespace ${a.namespace} is being terminated`,
        field: 'metadata.namespace',
      },
    ]
    status.details = details
    return status
  }
  return undefined
}

/** The NamespaceLifecycle admission plugin. */
export const namespaceLifecycle: AdmissionPlugin = {
  name: namespaceLifecyclePluginName,
  operations: ['CREATE', 'UPDATE', 'DELETE'],
  admit: lifecycle,
  // Upstream it is one Admit; it also runs here in the validating phase, so a caller that only
  // validates a DELETE still gets the system-namespace protection. The checks are read-only.
}
