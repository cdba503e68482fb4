/**
 * The patch metadata of the kinds the cluster serves, transcribed from the patchStrategy and
 * patchMergeKey struct tags. Only tagged fields and the fields leading to them are listed (plus a
 * few untagged lists, marked atomic, that learners often patch); every other field has no tags.
 * Mirrors staging/src/k8s.io/api/core/v1/types.go, apps/v1/types.go, autoscaling/v2/types.go,
 * networking/v1/types.go and staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go.
 */
import {
  atomic,
  mapOf,
  mergeList,
  struct,
  type FieldPatchMeta,
  type PatchMeta,
} from './patchMetaModel'

const stringMap = mapOf(struct('string'))

/** meta/v1 ObjectMeta: finalizers merge as a set, ownerReferences merge by uid. */
export const objectMeta = struct('ObjectMeta', {
  labels: { type: stringMap },
  annotations: { type: stringMap },
  finalizers: mergeList(''),
  ownerReferences: mergeList('uid', struct('OwnerReference')),
  managedFields: atomic,
})

const labelSelector = struct('LabelSelector', {
  matchLabels: { type: stringMap },
  matchExpressions: atomic,
})

// Container and EphemeralContainerCommon carry the same four merge lists.
const containerFields: Readonly<Record<string, FieldPatchMeta>> = {
  ports: mergeList('containerPort', struct('ContainerPort')),
  env: mergeList('name', struct('EnvVar')),
  volumeMounts: mergeList('mountPath', struct('VolumeMount')),
  volumeDevices: mergeList('devicePath', struct('VolumeDevice')),
  envFrom: atomic,
  resizePolicy: atomic,
  command: atomic,
  args: atomic,
}

/** core/v1 Container. */
export const container = struct('Container', containerFields)

/** core/v1 EphemeralContainer (EphemeralContainerCommon inlined). */
export const ephemeralContainer = struct('EphemeralContainer', containerFields)

/** core/v1 PodSpec. */
export const podSpec = struct('PodSpec', {
  volumes: { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', type: struct('Volume') },
  initContainers: mergeList('name', container),
  containers: mergeList('name', container),
  ephemeralContainers: mergeList('name', ephemeralContainer),
  imagePullSecrets: mergeList('name', struct('LocalObjectReference')),
  hostAliases: mergeList('ip', struct('HostAlias')),
  topologySpreadConstraints: mergeList('topologyKey', struct('TopologySpreadConstraint')),
  schedulingGates: mergeList('name', struct('PodSchedulingGate')),
  resourceClaims: {
    patchStrategy: 'merge,retainKeys',
    patchMergeKey: 'name',
    type: struct('PodResourceClaim'),
  },
  nodeSelector: { type: stringMap },
  tolerations: atomic,
  readinessGates: atomic,
})

/** core/v1 PodStatus. */
export const podStatus = struct('PodStatus', {
  conditions: mergeList('type', struct('PodCondition')),
  podIPs: mergeList('ip', struct('PodIP')),
  hostIPs: mergeList('ip', struct('HostIP')),
  resourceClaimStatuses: {
    patchStrategy: 'merge,retainKeys',
    patchMergeKey: 'name',
    type: struct('PodResourceClaimStatus'),
  },
  initContainerStatuses: atomic,
  containerStatuses: atomic,
  ephemeralContainerStatuses: atomic,
})

/** core/v1 PodTemplateSpec. */
export const podTemplateSpec = struct('PodTemplateSpec', {
  metadata: { type: objectMeta },
  spec: { type: podSpec },
})

const conditionsByType = (name: string): FieldPatchMeta => mergeList('type', struct(name))

/** A top-level kind: TypeMeta, ObjectMeta and the given spec/status (or other) fields. */
function kind(name: string, fields: Readonly<Record<string, FieldPatchMeta>> = {}): PatchMeta {
  return struct(name, { metadata: { type: objectMeta }, ...fields })
}

const pod = kind('Pod', { spec: { type: podSpec }, status: { type: podStatus } })

const deployment = kind('Deployment', {
  spec: {
    type: struct('DeploymentSpec', {
      selector: { type: labelSelector },
      template: { type: podTemplateSpec },
      // patchStrategy:"retainKeys": kubectl apply sends $retainKeys so that switching to
      // Recreate drops rollingUpdate.
      strategy: { patchStrategy: 'retainKeys', type: struct('DeploymentStrategy') },
    }),
  },
  status: {
    type: struct('DeploymentStatus', { conditions: conditionsByType('DeploymentCondition') }),
  },
})

const replicaSet = kind('ReplicaSet', {
  spec: {
    type: struct('ReplicaSetSpec', {
      selector: { type: labelSelector },
      template: { type: podTemplateSpec },
    }),
  },
  status: {
    type: struct('ReplicaSetStatus', { conditions: conditionsByType('ReplicaSetCondition') }),
  },
})

const service = kind('Service', {
  spec: {
    type: struct('ServiceSpec', {
      ports: mergeList('port', struct('ServicePort')),
      selector: { type: stringMap },
      externalIPs: atomic,
    }),
  },
  status: { type: struct('ServiceStatus', { conditions: conditionsByType('Condition') }) },
})

const endpoints = kind('Endpoints', { subsets: atomic })

const node = kind('Node', {
  spec: { type: struct('NodeSpec', { podCIDRs: mergeList(''), taints: atomic }) },
  status: {
    type: struct('NodeStatus', {
      capacity: { type: stringMap },
      allocatable: { type: stringMap },
      conditions: conditionsByType('NodeCondition'),
      addresses: mergeList('type', struct('NodeAddress')),
      images: atomic,
    }),
  },
})

const namespace = kind('Namespace', {
  spec: { type: struct('NamespaceSpec', { finalizers: atomic }) },
  status: {
    type: struct('NamespaceStatus', { conditions: conditionsByType('NamespaceCondition') }),
  },
})

const configMap = kind('ConfigMap', { data: { type: stringMap }, binaryData: { type: stringMap } })
const secret = kind('Secret', { data: { type: stringMap }, stringData: { type: stringMap } })
const event = kind('Event')

const serviceAccount = kind('ServiceAccount', {
  secrets: mergeList('name', struct('ObjectReference')),
  imagePullSecrets: atomic,
})

const horizontalPodAutoscaler = kind('HorizontalPodAutoscaler', {
  spec: { type: struct('HorizontalPodAutoscalerSpec', { metrics: atomic }) },
  status: {
    type: struct('HorizontalPodAutoscalerStatus', {
      conditions: conditionsByType('HorizontalPodAutoscalerCondition'),
      currentMetrics: atomic,
    }),
  },
})

const ingress = kind('Ingress', {
  spec: { type: struct('IngressSpec', { rules: atomic, tls: atomic }) },
})

// coordination/v1 LeaseSpec has no patch strategies: every field is a scalar.
const lease = kind('Lease')

/** The kinds the cluster serves, by kind name. */
export const patchMetaKinds: Readonly<Record<string, PatchMeta>> = {
  Pod: pod,
  Deployment: deployment,
  ReplicaSet: replicaSet,
  Service: service,
  Endpoints: endpoints,
  Node: node,
  Namespace: namespace,
  ConfigMap: configMap,
  Secret: secret,
  Event: event,
  ServiceAccount: serviceAccount,
  HorizontalPodAutoscaler: horizontalPodAutoscaler,
  Ingress: ingress,
  Lease: lease,
}
