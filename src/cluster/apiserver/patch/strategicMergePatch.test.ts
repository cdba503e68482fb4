import { describe, expect, test } from 'vitest'
import type { JsonValue } from '../../api/types'
import { applyStrategicMergePatch } from './strategicMergePatch'
import { patchMetaForKind } from './patchMeta'

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

interface Row {
  name: string
  /** The SPEC rule the row checks; PATCH-10 unless said. */
  rule?: string
  kind: string
  original: JsonValue
  patch: JsonValue
  want: JsonValue
}

const pod = (spec: JsonValue, metadata: JsonValue = { name: 'web' }): JsonValue => ({
  metadata,
  spec,
})
const deploy = (podSpec: JsonValue, strategy?: JsonValue): JsonValue => ({
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    ...(strategy === undefined ? {} : { strategy }),
    template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
  },
})
const c = (name: string, image: string, more: Record<string, JsonValue> = {}): JsonValue => ({
  name,
  image,
  ...more,
})

const mergeRows: Row[] = [
  {
    name: 'containers merge by name, the others are kept',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx:1.25'), c('log', 'busybox')] }),
    patch: { spec: { containers: [{ name: 'log', image: 'busybox:1.36' }] } },
    want: pod({ containers: [c('web', 'nginx:1.25'), c('log', 'busybox:1.36')] }),
  },
  {
    name: 'image change of one container in a deployment template',
    kind: 'Deployment',
    original: deploy({ containers: [c('web', 'nginx:1.25', { ports: [{ containerPort: 80 }] })] }),
    patch: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } },
    want: deploy({ containers: [c('web', 'nginx:1.27', { ports: [{ containerPort: 80 }] })] }),
  },
  {
    name: 'a new container goes first (patch items before server-only items)',
    rule: 'PATCH-11',
    kind: 'Pod',
    original: pod({ containers: [c('a', 'x'), c('b', 'y')] }),
    patch: { spec: { containers: [c('new', 'z')] } },
    want: pod({ containers: [c('new', 'z'), c('a', 'x'), c('b', 'y')] }),
  },
  {
    name: 'adding an env var to one container',
    rule: 'PATCH-11',
    kind: 'Deployment',
    original: deploy({ containers: [c('web', 'nginx', { env: [{ name: 'A', value: '1' }] })] }),
    patch: {
      spec: {
        template: { spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '2' }] }] } },
      },
    },
    want: deploy({
      containers: [
        c('web', 'nginx', {
          env: [
            { name: 'B', value: '2' },
            { name: 'A', value: '1' },
          ],
        }),
      ],
    }),
  },
  {
    name: 'changing an env var keeps its place',
    rule: 'PATCH-11',
    kind: 'Pod',
    original: pod({
      containers: [
        c('web', 'nginx', {
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        }),
      ],
    }),
    patch: { spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '3' }] }] } },
    want: pod({
      containers: [
        c('web', 'nginx', {
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '3' },
          ],
        }),
      ],
    }),
  },
  {
    name: 'deleting a container with $patch: delete',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx'), c('log', 'busybox')] }),
    patch: { spec: { containers: [{ name: 'log', $patch: 'delete' }] } },
    want: pod({ containers: [c('web', 'nginx')] }),
  },
  {
    name: 'deleting an absent container does nothing',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx')] }),
    patch: { spec: { containers: [{ name: 'nope', $patch: 'delete' }] } },
    want: pod({ containers: [c('web', 'nginx')] }),
  },
  {
    name: 'deleting an env var and adding another in one patch',
    rule: 'PATCH-11',
    kind: 'Pod',
    original: pod({
      containers: [
        c('web', 'nginx', {
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        }),
      ],
    }),
    patch: {
      spec: {
        containers: [
          {
            name: 'web',
            env: [
              { name: 'A', $patch: 'delete' },
              { name: 'C', value: '3' },
            ],
          },
        ],
      },
    },
    want: pod({
      containers: [
        c('web', 'nginx', {
          env: [
            { name: 'C', value: '3' },
            { name: 'B', value: '2' },
          ],
        }),
      ],
    }),
  },
  {
    name: 'replacing a list with $patch: replace',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx'), c('log', 'busybox')] }),
    patch: { spec: { containers: [{ $patch: 'replace' }, c('only', 'alpine')] } },
    want: pod({ containers: [c('only', 'alpine')] }),
  },
  {
    name: 'finalizers form a union, new ones first',
    rule: 'PATCH-11',
    kind: 'ConfigMap',
    original: { metadata: { name: 'cm', finalizers: ['a/x', 'b/y'] } },
    patch: { metadata: { finalizers: ['c/z', 'a/x'] } },
    want: { metadata: { name: 'cm', finalizers: ['c/z', 'a/x', 'b/y'] } },
  },
  {
    name: 'finalizers added to an object without any are taken as sent',
    rule: 'PATCH-14',
    kind: 'Pod',
    original: pod({}),
    patch: { metadata: { finalizers: ['a/x'] } },
    want: { metadata: { name: 'web', finalizers: ['a/x'] }, spec: {} },
  },
  {
    name: '$deleteFromPrimitiveList removes finalizers',
    rule: 'PATCH-13',
    kind: 'Namespace',
    original: { metadata: { name: 'ns', finalizers: ['a', 'b', 'c'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'nope'] } },
    want: { metadata: { name: 'ns', finalizers: ['a', 'c'] } },
  },
  {
    name: '$deleteFromPrimitiveList for an absent list does nothing',
    rule: 'PATCH-13',
    kind: 'Namespace',
    original: { metadata: { name: 'ns' } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
    want: { metadata: { name: 'ns' } },
  },
  {
    name: '$setElementOrder reorders the containers',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: pod({ containers: [c('a', 'x'), c('b', 'y')] }),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } },
    want: pod({ containers: [c('b', 'y'), c('a', 'x')] }),
  },
  {
    name: '$setElementOrder places a new container in the middle',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: pod({ containers: [c('a', 'x'), c('b', 'y')] }),
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }, { name: 'new' }, { name: 'b' }],
        containers: [c('new', 'z')],
      },
    },
    want: pod({ containers: [c('a', 'x'), c('new', 'z'), c('b', 'y')] }),
  },
  {
    name: '$setElementOrder for finalizers (a list of scalars)',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: { metadata: { name: 'web', finalizers: ['a', 'b'] } },
    patch: { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'], finalizers: ['c'] } },
    want: { metadata: { name: 'web', finalizers: ['b', 'c', 'a'] } },
  },
  {
    name: 'retainKeys: switching RollingUpdate to Recreate drops rollingUpdate',
    rule: 'PATCH-13',
    kind: 'Deployment',
    original: deploy(
      { containers: [c('web', 'nginx')] },
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    ),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    want: deploy({ containers: [c('web', 'nginx')] }, { type: 'Recreate' }),
  },
  {
    name: 'without $retainKeys the old rollingUpdate stays',
    kind: 'Deployment',
    original: deploy(
      { containers: [c('web', 'nginx')] },
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    ),
    patch: { spec: { strategy: { type: 'Recreate' } } },
    want: deploy(
      { containers: [c('web', 'nginx')] },
      { type: 'Recreate', rollingUpdate: { maxSurge: 1 } },
    ),
  },
  {
    name: 'rollingUpdate: null is the other way to switch',
    kind: 'Deployment',
    original: deploy(
      { containers: [c('web', 'nginx')] },
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    ),
    patch: { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } },
    want: deploy({ containers: [c('web', 'nginx')] }, { type: 'Recreate' }),
  },
  {
    name: 'retainKeys on a volume switches its source',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: pod({
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'tmp', emptyDir: {} },
      ],
    }),
    patch: {
      spec: {
        volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' } }],
      },
    },
    want: pod({
      volumes: [
        { name: 'data', configMap: { name: 'cm' } },
        { name: 'tmp', emptyDir: {} },
      ],
    }),
  },
  {
    name: 'service ports merge by port',
    kind: 'Service',
    original: {
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 8080 },
          { name: 'https', port: 443, targetPort: 8443 },
        ],
      },
    },
    patch: { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
    want: {
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 9090 },
          { name: 'https', port: 443, targetPort: 8443 },
        ],
      },
    },
  },
  {
    name: 'tolerations are replaced whole',
    kind: 'Pod',
    original: pod({
      tolerations: [
        { key: 'a', operator: 'Exists' },
        { key: 'b', operator: 'Exists' },
      ],
    }),
    patch: { spec: { tolerations: [{ key: 'c', operator: 'Exists' }] } },
    want: pod({ tolerations: [{ key: 'c', operator: 'Exists' }] }),
  },
  {
    name: 'node taints are replaced whole',
    kind: 'Node',
    original: { metadata: { name: 'n1' }, spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] } },
    patch: { spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } },
    want: { metadata: { name: 'n1' }, spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } },
  },
  {
    name: 'null deletes a label, another is added',
    kind: 'Pod',
    original: pod({}, { name: 'web', labels: { app: 'web', tier: 'fe' } }),
    patch: { metadata: { labels: { tier: null, env: 'prod' } } },
    want: pod({}, { name: 'web', labels: { app: 'web', env: 'prod' } }),
  },
  {
    name: 'nulls inside a map that is added whole are dropped',
    rule: 'PATCH-14',
    kind: 'Pod',
    original: pod({}),
    patch: { metadata: { labels: { a: 'x', b: null } } },
    want: pod({}, { name: 'web', labels: { a: 'x' } }),
  },
  {
    name: 'null deletes a field inside a merged container',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx', { command: ['sh'], args: ['-c'] })] }),
    patch: { spec: { containers: [{ name: 'web', command: null }] } },
    want: pod({ containers: [c('web', 'nginx', { args: ['-c'] })] }),
  },
  {
    name: 'null deletes a whole list',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx')], tolerations: [{ key: 'a' }] }),
    patch: { spec: { tolerations: null } },
    want: pod({ containers: [c('web', 'nginx')] }),
  },
  {
    name: '$patch: replace on a map',
    rule: 'PATCH-13',
    kind: 'Pod',
    original: pod({}, { name: 'web', labels: { app: 'web', tier: 'fe' } }),
    patch: { metadata: { labels: { $patch: 'replace', only: 'this' } } },
    want: pod({}, { name: 'web', labels: { only: 'this' } }),
  },
  {
    name: '$patch: delete on a map empties it',
    rule: 'PATCH-13',
    kind: 'Deployment',
    original: deploy(
      { containers: [c('web', 'nginx')] },
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    ),
    patch: { spec: { strategy: { $patch: 'delete' } } },
    want: deploy({ containers: [c('web', 'nginx')] }, {}),
  },
  {
    name: 'a map with $patch is not added where there was none',
    rule: 'PATCH-14',
    kind: 'Deployment',
    original: deploy({ containers: [c('web', 'nginx')] }),
    patch: { spec: { strategy: { $patch: 'delete' } } },
    want: deploy({ containers: [c('web', 'nginx')] }),
  },
  {
    name: 'a list added whole loses its directive items',
    rule: 'PATCH-14',
    kind: 'Pod',
    original: pod({}),
    patch: { spec: { containers: [{ name: 'x', $patch: 'delete' }, c('web', 'nginx')] } },
    want: pod({ containers: [c('web', 'nginx')] }),
  },
  {
    name: 'ownerReferences merge by uid',
    kind: 'ReplicaSet',
    original: {
      metadata: {
        name: 'rs',
        ownerReferences: [{ uid: 'u1', kind: 'Deployment', name: 'web', controller: true }],
      },
    },
    patch: { metadata: { ownerReferences: [{ uid: 'u1', blockOwnerDeletion: true }] } },
    want: {
      metadata: {
        name: 'rs',
        ownerReferences: [
          {
            uid: 'u1',
            kind: 'Deployment',
            name: 'web',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
    },
  },
  {
    name: 'pod conditions merge by type',
    kind: 'Pod',
    original: {
      metadata: { name: 'p' },
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    },
    patch: { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    want: {
      metadata: { name: 'p' },
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    },
  },
  {
    name: 'podIPs merge by ip',
    rule: 'PATCH-11',
    kind: 'Pod',
    original: { status: { podIPs: [{ ip: '10.0.0.1' }] } },
    patch: { status: { podIPs: [{ ip: 'fd00::1' }] } },
    want: { status: { podIPs: [{ ip: 'fd00::1' }, { ip: '10.0.0.1' }] } },
  },
  {
    name: 'node addresses merge by type',
    kind: 'Node',
    original: {
      status: {
        addresses: [
          { type: 'InternalIP', address: '10.0.0.1' },
          { type: 'Hostname', address: 'n1' },
        ],
      },
    },
    patch: { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.2' }] } },
    want: {
      status: {
        addresses: [
          { type: 'InternalIP', address: '10.0.0.2' },
          { type: 'Hostname', address: 'n1' },
        ],
      },
    },
  },
  {
    name: 'deployment status conditions merge by type',
    kind: 'Deployment',
    original: {
      status: {
        conditions: [
          { type: 'Available', status: 'True' },
          { type: 'Progressing', status: 'True' },
        ],
      },
    },
    patch: { status: { conditions: [{ type: 'Progressing', reason: 'NewReplicaSetAvailable' }] } },
    want: {
      status: {
        conditions: [
          { type: 'Available', status: 'True' },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
        ],
      },
    },
  },
  {
    name: 'hpa status conditions merge by type',
    rule: 'PATCH-11',
    kind: 'HorizontalPodAutoscaler',
    original: { status: { conditions: [{ type: 'AbleToScale', status: 'True' }] } },
    patch: { status: { conditions: [{ type: 'ScalingActive', status: 'True' }] } },
    want: {
      status: {
        conditions: [
          { type: 'ScalingActive', status: 'True' },
          { type: 'AbleToScale', status: 'True' },
        ],
      },
    },
  },
  {
    name: 'volumeMounts merge by mountPath',
    kind: 'Pod',
    original: pod({
      containers: [c('web', 'nginx', { volumeMounts: [{ name: 'a', mountPath: '/a' }] })],
    }),
    patch: {
      spec: { containers: [{ name: 'web', volumeMounts: [{ name: 'b', mountPath: '/a' }] }] },
    },
    want: pod({
      containers: [c('web', 'nginx', { volumeMounts: [{ name: 'b', mountPath: '/a' }] })],
    }),
  },
  {
    name: 'container ports merge by containerPort',
    kind: 'Pod',
    original: pod({
      containers: [c('web', 'nginx', { ports: [{ containerPort: 80, name: 'http' }] })],
    }),
    patch: {
      spec: { containers: [{ name: 'web', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
    },
    want: pod({
      containers: [
        c('web', 'nginx', { ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }] }),
      ],
    }),
  },
  {
    name: 'initContainers merge by name',
    kind: 'Pod',
    original: pod({ initContainers: [c('init', 'busybox')], containers: [c('web', 'nginx')] }),
    patch: { spec: { initContainers: [{ name: 'init', image: 'busybox:1.36' }] } },
    want: pod({ initContainers: [c('init', 'busybox:1.36')], containers: [c('web', 'nginx')] }),
  },
  {
    name: 'imagePullSecrets merge by name',
    rule: 'PATCH-11',
    kind: 'Pod',
    original: pod({ imagePullSecrets: [{ name: 'a' }] }),
    patch: { spec: { imagePullSecrets: [{ name: 'b' }, { name: 'a' }] } },
    want: pod({ imagePullSecrets: [{ name: 'b' }, { name: 'a' }] }),
  },
  {
    name: 'topologySpreadConstraints merge by topologyKey',
    kind: 'Pod',
    original: pod({
      topologySpreadConstraints: [
        { topologyKey: 'zone', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' },
      ],
    }),
    patch: { spec: { topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 2 }] } },
    want: pod({
      topologySpreadConstraints: [
        { topologyKey: 'zone', maxSkew: 2, whenUnsatisfiable: 'DoNotSchedule' },
      ],
    }),
  },
  {
    name: 'serviceaccount secrets merge by name',
    rule: 'PATCH-11',
    kind: 'ServiceAccount',
    original: { metadata: { name: 'sa' }, secrets: [{ name: 'a' }] },
    patch: { secrets: [{ name: 'b' }] },
    want: { metadata: { name: 'sa' }, secrets: [{ name: 'b' }, { name: 'a' }] },
  },
  {
    name: 'an unknown kind (a custom resource) replaces every list',
    rule: 'PATCH-41',
    kind: 'Widget',
    original: { spec: { containers: [c('a', 'x'), c('b', 'y')] }, metadata: { finalizers: ['f'] } },
    patch: { spec: { containers: [c('a', 'z')] }, metadata: { finalizers: ['g'] } },
    want: { spec: { containers: [c('a', 'z')] }, metadata: { finalizers: ['g'] } },
  },
  {
    name: 'a field changing type is replaced',
    kind: 'ConfigMap',
    original: { data: { a: '1' } },
    patch: { data: 'oops' },
    want: { data: 'oops' },
  },
  {
    name: 'a null patch changes nothing',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx')] }),
    patch: null,
    want: pod({ containers: [c('web', 'nginx')] }),
  },
  {
    name: 'an empty patch changes nothing',
    kind: 'Pod',
    original: pod({ containers: [c('web', 'nginx')] }),
    patch: {},
    want: pod({ containers: [c('web', 'nginx')] }),
  },
]

describe('applyStrategicMergePatch', () => {
  test.each(mergeRows.map((r) => ({ ...r, rule: r.rule ?? 'PATCH-10' })))(
    '$rule $name',
    ({ kind, original, patch, want }) => {
      const got = applyStrategicMergePatch(
        deepFreeze(original),
        deepFreeze(patch),
        patchMetaForKind(kind),
      )
      expect(got).toEqual({ ok: true, value: want })
    },
  )

  test('PATCH-10 the result shares nothing with the inputs', () => {
    const original = deepFreeze(pod({ containers: [c('web', 'nginx', { args: ['a'] })] }))
    const got = applyStrategicMergePatch(
      original,
      deepFreeze({ metadata: { labels: { a: 'b' } } }),
      patchMetaForKind('Pod'),
    )
    expect(got.ok).toBe(true)
    if (!got.ok) return
    const spec = (got.value as { spec: { containers: { args: string[] }[] } }).spec
    spec.containers[0]?.args.push('b')
    expect(original).toEqual(pod({ containers: [c('web', 'nginx', { args: ['a'] })] }))
  })
})

interface ErrorRow {
  name: string
  kind?: string
  original?: JsonValue
  patch: JsonValue
  code: 400 | 422 | 500
  message: string
}

const errorRows: ErrorRow[] = [
  {
    name: 'a container without its merge key',
    patch: { spec: { containers: [{ image: 'nginx' }] } },
    code: 500,
    message: 'map: map[image:nginx] does not contain declared merge key: name',
  },
  {
    name: 'a port without containerPort (numbers print as Go prints int64)',
    original: pod({ containers: [c('web', 'nginx', { ports: [{ containerPort: 80 }] })] }),
    patch: { spec: { containers: [{ name: 'web', ports: [{ hostPort: 8080, name: 'http' }] }] } },
    code: 500,
    message: 'map: map[hostPort:8080 name:http] does not contain declared merge key: containerPort',
  },
  {
    name: '$patch: delete without the merge key',
    patch: { spec: { containers: [{ $patch: 'delete' }] } },
    code: 500,
    message: 'map: map[$patch:delete] does not contain declared merge key: name',
  },
  {
    name: '$patch: merge in a list',
    patch: { spec: { containers: [{ name: 'web', $patch: 'merge' }] } },
    code: 500,
    message: 'merging lists cannot yet be specified in the patch',
  },
  {
    name: 'an unknown $patch in a list',
    patch: { spec: { containers: [{ name: 'web', $patch: 'frob' }] } },
    code: 500,
    message: 'unknown patch type: frob in map: map[$patch:frob name:web]',
  },
  {
    name: '$patch: merge on a map',
    original: pod({}, { name: 'web', labels: { app: 'web' } }),
    patch: { metadata: { labels: { $patch: 'merge', a: 'b' } } },
    code: 500,
    message: 'unknown patch type: merge in map: map[$patch:merge a:b]',
  },
  {
    name: 'a $patch that is not a string',
    patch: { metadata: { $patch: 1 } },
    code: 500,
    message: 'unknown patch type: %!s(int64=1) in map: map[$patch:1]',
  },
  {
    name: 'a malformed $deleteFromPrimitiveList key',
    patch: { metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } },
    code: 400,
    message: 'invalid patch format of primitive list',
  },
  {
    name: 'a malformed $setElementOrder key',
    patch: { spec: { '$setElementOrderX/containers': [{ name: 'web' }] } },
    code: 400,
    message: 'invalid patch format of setElementOrder list',
  },
  {
    name: '$setElementOrder that is not a list',
    patch: { spec: { '$setElementOrder/containers': 'web' } },
    code: 500,
    message: 'expected a []interface {}, but received a string',
  },
  {
    name: '$setElementOrder that does not match the patch list',
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: 'web' }],
        containers: [{ name: 'b', image: 'y' }],
      },
    },
    code: 500,
    message:
      "The order in patch list:\n[map[image:y name:b]]\n doesn't match $setElementOrder list:\n[map[name:web]]\n",
  },
  {
    name: '$retainKeys that is not a list',
    kind: 'Deployment',
    original: { spec: { strategy: { type: 'RollingUpdate' } } },
    patch: { spec: { strategy: { $retainKeys: 'type', type: 'Recreate' } } },
    code: 400,
    message: 'invalid patch format of retainKeys',
  },
  {
    name: 'a patched key missing from $retainKeys',
    kind: 'Deployment',
    original: { spec: { strategy: { type: 'RollingUpdate' } } },
    patch: {
      spec: {
        strategy: { $retainKeys: ['type'], type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
      },
    },
    code: 400,
    message: 'invalid patch format of retainKeys',
  },
  {
    name: 'a list of lists in a merge list',
    kind: 'Pod',
    original: { metadata: { finalizers: [] } },
    patch: { metadata: { finalizers: [['a']] } },
    code: 422,
    message: 'the server rejected our request due to an error in our request',
  },
  {
    name: 'list items of different types',
    kind: 'Pod',
    original: { metadata: { finalizers: ['a'] } },
    patch: { metadata: { finalizers: [1] } },
    code: 500,
    message: 'list element types are not identical: [[a] [1]]',
  },
  {
    name: 'a patch that is a list',
    patch: [{ spec: {} }],
    code: 400,
    message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
  {
    name: 'a patch that is a string',
    patch: 'spec',
    code: 400,
    message: 'json: cannot unmarshal string into Go value of type map[string]interface {}',
  },
]

describe('applyStrategicMergePatch errors', () => {
  test.each(errorRows)('PATCH-20 $name', ({ kind, original, patch, code, message }) => {
    const base = original ?? pod({ containers: [c('web', 'nginx')] })
    const got = applyStrategicMergePatch(
      deepFreeze(base),
      deepFreeze(patch),
      patchMetaForKind(kind ?? 'Pod'),
    )
    expect(got.ok).toBe(false)
    if (got.ok) return
    const head = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      code,
    }
    if (code === 400) expect(got.status).toEqual({ ...head, reason: 'BadRequest' })
    else if (code === 422) expect(got.status).toEqual({ ...head, reason: 'Invalid', details: {} })
    // A plain Go error: 500 with no reason at all (StatusReasonUnknown is "").
    else expect(got.status).toEqual(head)
  })

  test('PATCH-10 a member named __proto__ is an ordinary member', () => {
    const patch = JSON.parse(
      '{"metadata":{"labels":{"__proto__":"x"}},"__proto__":{"a":1}}',
    ) as JsonValue
    const got = applyStrategicMergePatch(
      deepFreeze(pod({}, { name: 'web', labels: { app: 'web' } })),
      deepFreeze(patch),
      patchMetaForKind('Pod'),
    )
    expect(got).toEqual({
      ok: true,
      value: JSON.parse(
        '{"metadata":{"name":"web","labels":{"app":"web","__proto__":"x"}},"spec":{},"__proto__":{"a":1}}',
      ),
    })
    if (got.ok) expect(Object.getPrototypeOf(got.value)).toBe(Object.prototype)
  })

  test('PATCH-14 a directive on a field the server does not have is dropped, not refused', () => {
    const got = applyStrategicMergePatch(
      deepFreeze(pod({})),
      deepFreeze({ metadata: { labels: { $patch: 'merge' } } }),
      patchMetaForKind('Pod'),
    )
    expect(got).toEqual({ ok: true, value: pod({}) })
  })

  test('PATCH-20 the generic 422 keeps the mergepatch text as its cause', () => {
    const got = applyStrategicMergePatch(
      { metadata: { finalizers: [] } },
      { metadata: { finalizers: [['a']] } },
      patchMetaForKind('Pod'),
    )
    expect(got).toMatchObject({ ok: false, cause: 'lists of lists are not supported' })
  })
})
