import { describe, expect, test } from 'vitest'
import type { PriorityClass } from 'kubernetes-types/scheduling/v1'
import type { ServiceAccount } from 'kubernetes-types/core/v1'
import type { KubeObject, Status } from '../../api/types'
import { createRandom } from '../../random'
import { deepCopy } from '../../util/json'
import {
  admit,
  admitDelete,
  guessResource,
  withTaintNodesByCondition,
  mutatingAdmission,
  type AdmissionContext,
} from './index'
import { attributesFor } from './attributes'

function context(
  opts: { phases?: Record<string, string>; sas?: ServiceAccount[]; pcs?: PriorityClass[] } = {},
): AdmissionContext {
  const phases = opts.phases ?? { default: 'Active', dev: 'Active', old: 'Terminating' }
  const sas = opts.sas ?? [
    { metadata: { namespace: 'default', name: 'default' } },
    { metadata: { namespace: 'dev', name: 'default' } },
    { metadata: { namespace: 'dev', name: 'builder' }, imagePullSecrets: [{ name: 'regcred' }] },
    { metadata: { namespace: 'dev', name: 'quiet' }, automountServiceAccountToken: false },
  ]
  return {
    namespacePhase: (name) => phases[name],
    getServiceAccount: (ns, name) =>
      sas.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name),
    listPriorityClasses: () => opts.pcs ?? [],
    random: createRandom(1),
  }
}

const token = (name: string) => ({
  name,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [
            { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
          ],
        },
      },
    ],
  },
})
const mount = (name: string) => ({
  name,
  readOnly: true,
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
})
const notReady = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
}
const unreachable = {
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
}

function pod(namespace: string, spec: Record<string, unknown>, name = 'p'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec }
}

function volumeName(p: KubeObject): string {
  const spec = p.spec as { volumes: { name: string }[] }
  return spec.volumes[spec.volumes.length - 1]?.name ?? ''
}

describe('pod admission on create', () => {
  test('ADM-2 ADM-3 ADM-4 ADM-5 a plain pod gets its service account, token volume, priority and tolerations', () => {
    const p = pod('default', { containers: [{ name: 'c', image: 'nginx' }] })
    expect(admit('Pod', 'CREATE', p, undefined, context())).toBeUndefined()
    const vol = volumeName(p)
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(p.spec).toEqual({
      serviceAccountName: 'default',
      serviceAccount: 'default',
      containers: [{ name: 'c', image: 'nginx', volumeMounts: [mount(vol)] }],
      volumes: [token(vol)],
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [notReady, unreachable],
    })
  })

  test('ADM-3 the volume name is deterministic from the seed', () => {
    const name = () => {
      const p = pod('default', { containers: [{ name: 'c', image: 'nginx' }] })
      admit('Pod', 'CREATE', p, undefined, context())
      return volumeName(p)
    }
    expect(name()).toBe(name())
  })

  interface Row {
    name: string
    namespace: string
    spec: Record<string, unknown>
    want: (spec: Record<string, unknown>) => void
  }
  const rows: Row[] = [
    {
      name: 'ADM-3 init containers mount the token too; an existing mount at the path is kept',
      namespace: 'dev',
      spec: {
        initContainers: [{ name: 'i', image: 'busybox' }],
        containers: [
          {
            name: 'c',
            image: 'nginx',
            volumeMounts: [
              { name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
            ],
          },
        ],
        volumes: [{ name: 'mine', emptyDir: {} }],
      },
      want: (s) => {
        const volumes = s.volumes as { name: string }[]
        expect(volumes).toHaveLength(2)
        const vol = volumes[1]?.name ?? ''
        expect(s.initContainers).toEqual([
          { name: 'i', image: 'busybox', volumeMounts: [mount(vol)] },
        ])
        expect(s.containers).toEqual([
          {
            name: 'c',
            image: 'nginx',
            volumeMounts: [
              { name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
            ],
          },
        ])
      },
    },
    {
      name: 'ADM-3 automountServiceAccountToken false on the pod wins',
      namespace: 'dev',
      spec: { automountServiceAccountToken: false, containers: [{ name: 'c', image: 'nginx' }] },
      want: (s) => {
        expect(s.volumes).toBeUndefined()
        expect(s.containers).toEqual([{ name: 'c', image: 'nginx' }])
      },
    },
    {
      name: 'ADM-3 a service account that opts out mounts nothing; the pod can opt back in',
      namespace: 'dev',
      spec: { serviceAccountName: 'quiet', containers: [{ name: 'c', image: 'nginx' }] },
      want: (s) => {
        expect(s.volumes).toBeUndefined()
        expect(s.serviceAccount).toBe('quiet')
      },
    },
    {
      name: 'ADM-3 an existing kube-api-access volume is reused',
      namespace: 'dev',
      spec: {
        containers: [{ name: 'c', image: 'nginx' }],
        volumes: [token('kube-api-access-abcde')],
      },
      want: (s) => {
        expect(s.volumes).toEqual([token('kube-api-access-abcde')])
        expect(s.containers).toEqual([
          { name: 'c', image: 'nginx', volumeMounts: [mount('kube-api-access-abcde')] },
        ])
      },
    },
    {
      name: 'ADM-3 imagePullSecrets come from the service account',
      namespace: 'dev',
      spec: { serviceAccountName: 'builder', containers: [] },
      want: (s) => expect(s.imagePullSecrets).toEqual([{ name: 'regcred' }]),
    },
    {
      name: 'ADM-3 given imagePullSecrets are kept',
      namespace: 'dev',
      spec: { serviceAccountName: 'builder', imagePullSecrets: [{ name: 'mine' }], containers: [] },
      want: (s) => expect(s.imagePullSecrets).toEqual([{ name: 'mine' }]),
    },
    {
      name: 'ADM-5 a blanket toleration covers both',
      namespace: 'dev',
      spec: { tolerations: [{ operator: 'Exists' }], containers: [] },
      want: (s) => expect(s.tolerations).toEqual([{ operator: 'Exists' }]),
    },
    {
      name: 'ADM-5 a given not-ready toleration is kept, unreachable is added',
      namespace: 'dev',
      spec: {
        tolerations: [
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 10,
          },
        ],
        containers: [],
      },
      want: (s) =>
        expect(s.tolerations).toEqual([
          {
            key: 'node.kubernetes.io/not-ready',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 10,
          },
          unreachable,
        ]),
    },
    {
      name: 'ADM-5 a NoSchedule toleration does not count',
      namespace: 'dev',
      spec: {
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' },
        ],
        containers: [],
      },
      want: (s) =>
        expect(s.tolerations).toEqual([
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' },
          notReady,
          unreachable,
        ]),
    },
    {
      name: 'ADM-4 a system priority class resolves without being stored',
      namespace: 'dev',
      spec: { priorityClassName: 'system-node-critical', containers: [] },
      want: (s) => {
        expect(s.priority).toBe(2000001000)
        expect(s.preemptionPolicy).toBe('PreemptLowerPriority')
      },
    },
  ]
  test.each(rows)('$name', ({ namespace, spec, want }) => {
    const p = pod(namespace, deepCopy(spec))
    expect(admit('Pod', 'CREATE', p, undefined, context())).toBeUndefined()
    want(p.spec as Record<string, unknown>)
  })

  test('ADM-4 a global default class names itself on the pod; the lowest default wins', () => {
    const pcs: PriorityClass[] = [
      { metadata: { name: 'high' }, value: 1000, globalDefault: true },
      { metadata: { name: 'low' }, value: 10, globalDefault: true, preemptionPolicy: 'Never' },
    ]
    const p = pod('dev', { containers: [] })
    expect(admit('Pod', 'CREATE', p, undefined, context({ pcs }))).toBeUndefined()
    expect(p.spec).toMatchObject({
      priorityClassName: 'low',
      priority: 10,
      preemptionPolicy: 'Never',
    })
  })

  test('ADM-4 on update the old priority is kept', () => {
    const old = pod('dev', { priority: 5, preemptionPolicy: 'Never', containers: [] })
    const next = pod('dev', { containers: [], tolerations: [notReady, unreachable] })
    expect(admit('Pod', 'UPDATE', next, old, context())).toBeUndefined()
    expect(next.spec).toEqual({
      priority: 5,
      preemptionPolicy: 'Never',
      containers: [],
      tolerations: [notReady, unreachable],
    })
  })
})

interface ErrorRow {
  name: string
  kind: string
  op: 'CREATE' | 'UPDATE' | 'DELETE'
  obj: KubeObject
  want: Partial<Status>
}

const errorRows: ErrorRow[] = [
  {
    name: 'ADM-1 create in a missing namespace',
    kind: 'Pod',
    op: 'CREATE',
    obj: pod('foo', { containers: [] }),
    want: {
      code: 404,
      reason: 'NotFound',
      message: 'namespaces "foo" not found',
      details: { name: 'foo', group: '', kind: 'namespaces' },
    },
  },
  {
    name: 'ADM-1 update in a missing namespace',
    kind: 'ConfigMap',
    op: 'UPDATE',
    obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'foo' } },
    want: { code: 404, message: 'namespaces "foo" not found' },
  },
  {
    name: 'ADM-1 create in a terminating namespace',
    kind: 'Deployment',
    op: 'CREATE',
    obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'old' } },
    want: {
      code: 403,
      reason: 'Forbidden',
      message:
        'deployments.apps "web" is forbidden: unable to create new content in namespace old because it is being terminated',
      details: {
        name: 'web',
        group: 'apps',
        kind: 'deployments',
        causes: [
          {
            reason: 'NamespaceTerminating',
            message: 'namespace old is being terminated',
            field: 'metadata.namespace',
          },
        ],
      },
    },
  },
  {
    name: 'ADM-1 a generateName object is named by its prefix',
    kind: 'Pod',
    op: 'CREATE',
    obj: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'web-', namespace: 'old' },
      spec: {},
    },
    want: {
      message:
        'pods "web-" is forbidden: unable to create new content in namespace old because it is being terminated',
    },
  },
  {
    name: 'ADM-1 the default namespace may not be deleted',
    kind: 'Namespace',
    op: 'DELETE',
    obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
    want: {
      code: 403,
      message: 'namespaces "default" is forbidden: this namespace may not be deleted',
      details: { name: 'default', group: '', kind: 'namespaces' },
    },
  },
  {
    name: 'ADM-1 kube-system may not be deleted',
    kind: 'Namespace',
    op: 'DELETE',
    obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
    want: { message: 'namespaces "kube-system" is forbidden: this namespace may not be deleted' },
  },
  {
    name: 'ADM-2 a missing service account',
    kind: 'Pod',
    op: 'CREATE',
    obj: pod('dev', { serviceAccountName: 'ghost', containers: [] }, 'nginx'),
    want: {
      code: 403,
      message:
        'pods "nginx" is forbidden: error looking up service account dev/ghost: serviceaccount "ghost" not found',
    },
  },
  {
    name: 'ADM-4 a missing priority class',
    kind: 'Pod',
    op: 'CREATE',
    obj: pod('dev', { priorityClassName: 'gold', containers: [] }),
    want: {
      code: 403,
      message: 'pods "p" is forbidden: no PriorityClass with name gold was found',
    },
  },
  {
    name: 'ADM-4 a given priority that disagrees',
    kind: 'Pod',
    op: 'CREATE',
    obj: pod('dev', { priority: 7, containers: [] }),
    want: {
      message:
        'pods "p" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    },
  },
]

describe('admission errors', () => {
  test.each(errorRows)('$name', ({ kind, op, obj, want }) => {
    const got = admit(
      kind,
      op,
      deepCopy(obj),
      op === 'UPDATE' ? deepCopy(obj) : undefined,
      context(),
    )
    expect(got).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', ...want })
  })

  const allowed = [
    {
      name: 'deleting a pod in a terminating namespace',
      kind: 'Pod',
      op: 'DELETE' as const,
      obj: pod('old', {}),
    },
    {
      name: 'updating in a terminating namespace',
      kind: 'Pod',
      op: 'UPDATE' as const,
      obj: pod('old', {}),
    },
    {
      name: 'cluster-scoped objects',
      kind: 'Node',
      op: 'CREATE' as const,
      obj: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } },
    },
    {
      name: 'creating a namespace',
      kind: 'Namespace',
      op: 'CREATE' as const,
      obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'new' } },
    },
    {
      name: 'deleting another namespace',
      kind: 'Namespace',
      op: 'DELETE' as const,
      obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
    },
  ]
  test.each(allowed)('ADM-1 allowed: $name', ({ kind, op, obj }) => {
    expect(
      admit(kind, op, deepCopy(obj), op === 'UPDATE' ? deepCopy(obj) : undefined, context()),
    ).toBeUndefined()
  })

  test('ADM-6 admitDelete protects the system namespaces', () => {
    const ns: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'kube-public' },
    }
    const want = 'namespaces "kube-public" is forbidden: this namespace may not be deleted'
    expect(admitDelete('Namespace', ns)?.message).toBe(want)
    expect(
      admitDelete('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }),
    ).toBeUndefined()
    expect(admitDelete('Pod', pod('default', {}))).toBeUndefined()
  })
})

describe('helpers', () => {
  const kinds = [
    ['Pod', 'pods'],
    ['Endpoints', 'endpoints'],
    ['Ingress', 'ingresses'],
    // No served kind ends in "y"; the row keeps UnsafeGuessKindToResource's rule for it tested.
    ['NetworkPolicy', 'networkpolicies'],
    ['HorizontalPodAutoscaler', 'horizontalpodautoscalers'],
  ]
  test.each(kinds)('ADM-7 %s is guessed as resource %s', (kind, resource) => {
    expect(guessResource(kind ?? '')).toBe(resource)
  })

  test('ADM-7 attributes read namespace and name from the object, group from apiVersion', () => {
    const a = attributesFor(
      'Deployment',
      'CREATE',
      { apiVersion: 'apps/v1', metadata: { name: 'w', namespace: 'dev' } },
      undefined,
    )
    expect(a).toMatchObject({ group: 'apps', resource: 'deployments', namespace: 'dev', name: 'w' })
  })

  test('ADM-8 TaintNodesByCondition is opt-in and taints new nodes not-ready', () => {
    const chain = withTaintNodesByCondition(mutatingAdmission)
    expect(chain.map((p) => p.name)).toEqual([
      'NamespaceLifecycle',
      'ServiceAccount',
      'TaintNodesByCondition',
      'Priority',
      'DefaultTolerationSeconds',
    ])
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }
    const plugin = chain[2]
    plugin?.admit?.(attributesFor('Node', 'CREATE', node, undefined), context())
    expect(node.spec).toEqual({
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    })
    const plain: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2' } }
    expect(admit('Node', 'CREATE', plain, undefined, context())).toBeUndefined()
    expect(plain.spec).toBeUndefined()
  })

  test('ADM-2 a context that only knows existence still admits pods', () => {
    const ctx: AdmissionContext = {
      namespacePhase: () => 'Active',
      namespaceExists: () => true,
      serviceAccountExists: (_ns, name) => name === 'default',
      random: createRandom(2),
    }
    const p = pod('dev', { containers: [{ name: 'c', image: 'nginx' }] })
    expect(admit('Pod', 'CREATE', p, undefined, ctx)).toBeUndefined()
    expect((p.spec as { volumes: unknown[] }).volumes).toHaveLength(1)
  })
})
