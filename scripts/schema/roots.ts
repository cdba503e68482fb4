/**
 * The kinds the simulated cluster serves, and the kubernetes-types module that declares
 * each. The generator walks every type these reach.
 */

/** One served kind: its wire apiVersion and the kubernetes-types module (folder/version). */
export interface RootKind {
  kind: string
  apiVersion: string
  module: string
}

/** Every kind the cluster decodes, in the order the brief lists them. */
export const rootKinds: readonly RootKind[] = [
  { kind: 'Namespace', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'Node', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'Pod', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'Service', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'Endpoints', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'ConfigMap', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'Secret', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'Event', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'ServiceAccount', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'Binding', apiVersion: 'v1', module: 'core/v1' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', module: 'apps/v1' },
  { kind: 'Deployment', apiVersion: 'apps/v1', module: 'apps/v1' },
  { kind: 'Scale', apiVersion: 'autoscaling/v1', module: 'autoscaling/v1' },
  { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2', module: 'autoscaling/v2' },
  { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', module: 'networking/v1' },
  { kind: 'Lease', apiVersion: 'coordination.k8s.io/v1', module: 'coordination/v1' },
  // Meta kinds the API server reads or writes in every group version.
  { kind: 'Status', apiVersion: 'v1', module: 'meta/v1' },
  { kind: 'DeleteOptions', apiVersion: 'v1', module: 'meta/v1' },
]

/** Meta types kept even when no root reaches them (list responses use ListMeta). */
export const extraTypes: readonly { name: string; module: string }[] = [
  { name: 'ListMeta', module: 'meta/v1' },
]
