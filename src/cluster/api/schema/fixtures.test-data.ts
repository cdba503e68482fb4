/**
 * Valid objects of every served kind, already in the form the API server writes back
 * (canonical quantities, UTC times, padded base64), for the decode round-trip tests.
 */
import type { KubeObject } from '../types'

const meta = (name: string, namespace?: string): Record<string, unknown> => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: '6f1c7a9e-2b1d-4c1e-9a0b-1f2e3d4c5b6a',
  resourceVersion: '42',
  generation: 3,
  creationTimestamp: '2024-05-01T10:00:00Z',
  labels: { app: 'web', tier: 'frontend' },
  annotations: { 'kubernetes.io/change-cause': 'kubectl apply' },
  finalizers: ['example.com/cleanup'],
  ownerReferences: [
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'web-5d4f8',
      uid: '0a1b2c3d-0000-4000-8000-000000000001',
      controller: true,
      blockOwnerDeletion: true,
    },
  ],
  managedFields: [
    {
      manager: 'kubectl',
      operation: 'Update',
      apiVersion: 'v1',
      time: '2024-05-01T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
    },
  ],
})

const podSpec = {
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  activeDeadlineSeconds: 600,
  dnsPolicy: 'ClusterFirst',
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  serviceAccountName: 'default',
  nodeName: 'node-1',
  hostNetwork: false,
  securityContext: {
    runAsUser: 1000,
    runAsGroup: 3000,
    fsGroup: 2000,
    supplementalGroups: [4000, 5000],
  },
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] },
        ],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } },
      ],
    },
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 100,
          podAffinityTerm: {
            labelSelector: { matchLabels: { app: 'web' } },
            topologyKey: 'kubernetes.io/hostname',
          },
        },
      ],
    },
  },
  tolerations: [
    {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
  ],
  topologySpreadConstraints: [
    {
      maxSkew: 1,
      topologyKey: 'zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { app: 'web' } },
    },
  ],
  volumes: [
    {
      name: 'config',
      configMap: { name: 'web-config', defaultMode: 420, items: [{ key: 'a', path: 'a.txt' }] },
    },
    { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    {
      name: 'token',
      projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] },
    },
  ],
  initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }],
  containers: [
    {
      name: 'nginx',
      image: 'nginx:1.25',
      imagePullPolicy: 'IfNotPresent',
      args: ['-g', 'daemon off;'],
      ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
      env: [
        { name: 'MODE', value: 'prod' },
        {
          name: 'POD_NAME',
          valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
        },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
        {
          name: 'PASSWORD',
          valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: false } },
        },
      ],
      envFrom: [{ configMapRef: { name: 'web-config' } }],
      resources: {
        requests: { cpu: '100m', memory: '128Mi' },
        limits: { cpu: '500m', memory: '1Gi' },
      },
      volumeMounts: [{ name: 'config', mountPath: '/etc/web', readOnly: true }],
      livenessProbe: {
        httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
        initialDelaySeconds: 5,
        periodSeconds: 10,
        terminationGracePeriodSeconds: 15,
      },
      readinessProbe: { tcpSocket: { port: 80 }, failureThreshold: 3 },
      lifecycle: { preStop: { sleep: { seconds: 5 } } },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 101,
        capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      },
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
  ],
}

const podTemplate = { metadata: { labels: { app: 'web' } }, spec: podSpec }

/** One valid object per served kind, keyed by kind. */
export const validObjects: Record<string, KubeObject> = {
  Namespace: {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta('team-a'),
    spec: { finalizers: ['kubernetes'] },
    status: {
      phase: 'Active',
      conditions: [
        {
          type: 'NamespaceDeletionDiscoveryFailure',
          status: 'False',
          lastTransitionTime: '2024-05-01T10:00:00Z',
        },
      ],
    },
  },
  Node: {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('node-1'),
    spec: {
      podCIDR: '10.244.1.0/24',
      podCIDRs: ['10.244.1.0/24'],
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    },
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      allocatable: { cpu: '3900m', memory: '15Gi', pods: '110' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: '2024-05-01T10:00:00Z',
          lastTransitionTime: '2024-05-01T09:00:00Z',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: '192.168.0.10' },
        { type: 'Hostname', address: 'node-1' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: 'm',
        systemUUID: 's',
        bootID: 'b',
        kernelVersion: '6.1.0',
        osImage: 'Debian GNU/Linux 12',
        containerRuntimeVersion: 'containerd://1.7.0',
        kubeletVersion: 'v1.30.0',
        kubeProxyVersion: 'v1.30.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [{ names: ['docker.io/library/nginx:1.25'], sizeBytes: 70000000000 }],
    },
  },
  Pod: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('web-5d4f8-abcde', 'default'),
    spec: podSpec,
    status: {
      phase: 'Running',
      qosClass: 'Burstable',
      hostIP: '192.168.0.10',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: '2024-05-01T10:00:01Z',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-05-01T10:00:05Z' }],
      containerStatuses: [
        {
          name: 'nginx',
          ready: true,
          started: true,
          restartCount: 2,
          image: 'nginx:1.25',
          imageID: 'docker.io/library/nginx@sha256:abc',
          containerID: 'containerd://123',
          state: { running: { startedAt: '2024-05-01T10:00:03Z' } },
          lastState: {
            terminated: {
              exitCode: 137,
              signal: 9,
              reason: 'OOMKilled',
              startedAt: '2024-05-01T09:00:00Z',
              finishedAt: '2024-05-01T09:59:00Z',
            },
          },
        },
      ],
    },
  },
  Service: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web', 'default'),
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 },
        { name: 'metrics', protocol: 'TCP', port: 9090, targetPort: 9090 },
      ],
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
    },
    status: {
      loadBalancer: { ingress: [{ ip: '203.0.113.5', ports: [{ port: 80, protocol: 'TCP' }] }] },
    },
  },
  Endpoints: {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('web', 'default'),
    subsets: [
      {
        addresses: [
          {
            ip: '10.244.1.5',
            nodeName: 'node-1',
            targetRef: { kind: 'Pod', name: 'web-5d4f8-abcde', namespace: 'default' },
          },
        ],
        notReadyAddresses: [{ ip: '10.244.1.6' }],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      },
    ],
  },
  ConfigMap: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta('web-config', 'default'),
    data: { 'app.properties': 'mode=prod\n', empty: '' },
    binaryData: { 'logo.png': 'iVBORw0KGgo=' },
    immutable: false,
  },
  Secret: {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('db', 'default'),
    type: 'Opaque',
    data: { password: 'czNjcjN0', user: 'YWRtaW4=' },
    stringData: { extra: 'plain' },
  },
  Event: {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('web.17c8', 'default'),
    involvedObject: {
      kind: 'Pod',
      namespace: 'default',
      name: 'web',
      uid: 'u',
      apiVersion: 'v1',
      resourceVersion: '1',
    },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web to node-1',
    source: { component: 'default-scheduler' },
    firstTimestamp: '2024-05-01T10:00:00Z',
    lastTimestamp: '2024-05-01T10:00:00Z',
    count: 1,
    type: 'Normal',
    eventTime: '2024-05-01T10:00:00.123456Z',
    series: { count: 2, lastObservedTime: '2024-05-01T10:01:00.000000Z' },
    reportingComponent: 'default-scheduler',
    reportingInstance: 'default-scheduler-node-1',
  },
  ServiceAccount: {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta('builder', 'default'),
    secrets: [{ name: 'builder-token' }],
    imagePullSecrets: [{ name: 'registry' }],
    automountServiceAccountToken: false,
  },
  Binding: {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { name: 'web', namespace: 'default' },
    target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' },
  },
  ReplicaSet: {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('web-5d4f8', 'default'),
    spec: {
      replicas: 3,
      minReadySeconds: 0,
      selector: { matchLabels: { app: 'web' } },
      template: podTemplate,
    },
    status: {
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 3,
    },
  },
  Deployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web', 'default'),
    spec: {
      replicas: 3,
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
      },
      template: podTemplate,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      paused: false,
    },
    status: {
      observedGeneration: 3,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: '2024-05-01T10:00:00Z',
          lastTransitionTime: '2024-05-01T10:00:00Z',
        },
      ],
    },
  },
  Scale: {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '42' },
    spec: { replicas: 5 },
    status: { replicas: 3, selector: 'app=web' },
  },
  HorizontalPodAutoscaler: {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('web', 'default'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
        },
        {
          type: 'Pods',
          pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '100' } },
        },
      ],
      behavior: {
        scaleDown: {
          stabilizationWindowSeconds: 300,
          selectPolicy: 'Max',
          policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
        },
      },
    },
    status: {
      observedGeneration: 3,
      lastScaleTime: '2024-05-01T10:00:00Z',
      currentReplicas: 3,
      desiredReplicas: 4,
      currentMetrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', current: { averageUtilization: 80, averageValue: '400m' } },
        },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ReadyForNewScale',
          lastTransitionTime: '2024-05-01T10:00:00Z',
        },
      ],
    },
  },
  Ingress: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('web', 'default'),
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }],
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
      rules: [
        {
          host: 'web.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { name: 'http' } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }] } },
  },
  Status: {
    apiVersion: 'v1',
    kind: 'Status',
    metadata: {},
    status: 'Failure',
    message: 'pods "x" not found',
    reason: 'NotFound',
    details: {
      name: 'x',
      kind: 'pods',
      causes: [{ reason: 'FieldValueInvalid', message: 'bad', field: 'spec' }],
    },
    code: 404,
  },
  DeleteOptions: {
    apiVersion: 'v1',
    kind: 'DeleteOptions',
    gracePeriodSeconds: 0,
    propagationPolicy: 'Foreground',
    preconditions: { uid: 'u', resourceVersion: '1' },
    dryRun: ['All'],
  },
}
