/** Manifests for tests, in the shapes learners write (kubectl create --dry-run=client -o yaml). */

/** A Deployment like `kubectl create deployment NAME --image=IMAGE --replicas=N`. */
export function deployment(name: string, image = 'nginx:1.25', replicas = 1, labels: Record<string, string> = { app: name }) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: image.split(':')[0]?.split('/').pop() ?? 'app', image }] } },
    },
  }
}

/** A ReplicaSet with the given labels. */
export function replicaSet(name: string, image = 'nginx:1.25', replicas = 1) {
  const labels = { app: name }
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } } },
  }
}

/** A Pod like `kubectl run NAME --image=IMAGE`. */
export function pod(name: string, image = 'nginx:1.25', labels: Record<string, string> = { run: name }) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name, image }] } }
}

/** A Service like `kubectl expose deployment NAME --port=80`. */
export function service(name: string, selector: Record<string, string> = { app: name }, type = 'ClusterIP') {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type, selector, ports: [{ port: 80, targetPort: 80 }] } }
}

/** One object of every namespaced or cluster-scoped kind served, with the path to create it at. */
export const everyKind: { kind: string; path: string; body: Record<string, unknown> }[] = [
  { kind: 'Namespace', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } } },
  { kind: 'Node', path: '/api/v1/nodes', body: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-9' } } },
  { kind: 'Pod', path: '/api/v1/namespaces/default/pods', body: pod('web') },
  { kind: 'Service', path: '/api/v1/namespaces/default/services', body: service('web') },
  {
    kind: 'Endpoints',
    path: '/api/v1/namespaces/default/endpoints',
    body: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.244.0.5' }], ports: [{ port: 80 }] }] },
  },
  { kind: 'ConfigMap', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'fast' } } },
  { kind: 'Secret', path: '/api/v1/namespaces/default/secrets', body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 's3cret' } } },
  {
    kind: 'Event',
    path: '/api/v1/namespaces/default/events',
    body: {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      reason: 'Created',
      message: 'Created container web',
      type: 'Normal',
      source: { component: 'kubelet' },
    },
  },
  { kind: 'ServiceAccount', path: '/api/v1/namespaces/default/serviceaccounts', body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder' } } },
  { kind: 'ReplicaSet', path: '/apis/apps/v1/namespaces/default/replicasets', body: replicaSet('cache') },
  { kind: 'Deployment', path: '/apis/apps/v1/namespaces/default/deployments', body: deployment('web') },
  {
    kind: 'HorizontalPodAutoscaler',
    path: '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers',
    body: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
    },
  },
  {
    kind: 'Ingress',
    path: '/apis/networking.k8s.io/v1/namespaces/default/ingresses',
    body: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web' },
      spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    },
  },
  {
    kind: 'Lease',
    path: '/apis/coordination.k8s.io/v1/namespaces/default/leases',
    body: {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'web-leader' },
      spec: { holderIdentity: 'web-0', leaseDurationSeconds: 15, renewTime: '2026-01-01T00:00:00.000000Z' },
    },
  },
]
