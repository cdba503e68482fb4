import { describe, expect, test } from 'vitest'
import { errorText, fieldPath } from '../field'
import {
  checkHostPortConflicts,
  validateContainers,
  validateInitContainers,
  validateVolumes,
  type ContainerContext,
} from './container'

type Obj = Record<string, unknown>

// A container as defaulting leaves it.
function baseContainer(): Obj {
  return {
    name: 'app',
    image: 'demo/api:1.0',
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ],
    envFrom: [{ configMapRef: { name: 'app-config' } }],
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  }
}

const ctx = (): ContainerContext => ({
  vols: new Map([['data', { name: 'data', emptyDir: {} }]]),
  podClaimNames: new Set(),
  gracePeriod: 30,
  restartPolicy: 'Always',
  hostUsers: true,
})

const path = fieldPath('spec', 'containers')
const run = (containers: unknown[]): string[] =>
  validateContainers(containers, ctx(), path).map(errorText)
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

interface Row {
  name: string
  mutate: (c: Obj) => void
  want: string[]
}

const port = (c: Obj, i = 0): Obj => (c.ports as Obj[])[i] as Obj
const env = (c: Obj, i: number): Obj => (c.env as Obj[])[i] as Obj

const rows: Row[] = [
  { name: 'valid defaulted container', mutate: () => {}, want: [] },
  {
    name: 'zero-length name',
    mutate: (c) => (c.name = ''),
    want: ['spec.containers[0].name: Required value'],
  },
  {
    name: 'name with uppercase',
    mutate: (c) => (c.name = 'Web'),
    want: [`spec.containers[0].name: Invalid value: "Web": ${labelMsg}`],
  },
  {
    name: 'zero-length image',
    mutate: (c) => delete c.image,
    want: ['spec.containers[0].image: Required value'],
  },
  {
    name: 'terminationMessagePolicy unknown',
    mutate: (c) => (c.terminationMessagePolicy = 'Logs'),
    want: [
      'spec.containers[0].terminationMessagePolicy: Unsupported value: "Logs": supported values: "File", "FallbackToLogsOnError"',
    ],
  },
  {
    name: 'imagePullPolicy missing',
    mutate: (c) => delete c.imagePullPolicy,
    want: ['spec.containers[0].imagePullPolicy: Required value'],
  },
  {
    name: 'restartPolicy on a regular container',
    mutate: (c) => (c.restartPolicy = 'Always'),
    want: ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers'],
  },
  // ports
  {
    name: 'containerPort missing',
    mutate: (c) => delete port(c).containerPort,
    want: ['spec.containers[0].ports[0].containerPort: Required value'],
  },
  {
    name: 'hostPort negative',
    mutate: (c) => (port(c).hostPort = -1),
    want: [
      'spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive',
    ],
  },
  {
    name: 'protocol missing',
    mutate: (c) => delete port(c).protocol,
    want: ['spec.containers[0].ports[0].protocol: Required value'],
  },
  {
    name: 'protocol unknown',
    mutate: (c) => (port(c).protocol = 'HTTP'),
    want: [
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
  },
  {
    name: 'port name uppercase',
    mutate: (c) => (port(c).name = 'HTTP'),
    want: [
      'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ],
  },
  {
    name: 'port name too long',
    mutate: (c) => (port(c).name = 'a-very-long-port-name'),
    want: [
      'spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
    ],
  },
  {
    name: 'duplicate port name',
    mutate: (c) => (c.ports = [port(c), { name: 'http', containerPort: 9090, protocol: 'TCP' }]),
    want: ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
  },
  // env
  {
    name: 'env name empty',
    mutate: (c) => (env(c, 0).name = ''),
    want: ['spec.containers[0].env[0].name: Required value'],
  },
  {
    name: 'env name with a dot is fine (relaxed)',
    mutate: (c) => (env(c, 0).name = 'ev.1'),
    want: [],
  },
  {
    name: 'env name with =',
    mutate: (c) => (env(c, 0).name = 'A=B'),
    want: [
      'spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
    ],
  },
  {
    name: 'valueFrom empty',
    mutate: (c) => (env(c, 1).valueFrom = {}),
    want: [
      'spec.containers[0].env[1].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
    ],
  },
  {
    name: 'value and valueFrom',
    mutate: (c) => (env(c, 1).value = 'x'),
    want: [
      'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
    ],
  },
  {
    name: 'two sources',
    mutate: (c) =>
      (env(c, 1).valueFrom = {
        secretKeyRef: { name: 'db', key: 'k' },
        configMapKeyRef: { name: 'cm', key: 'k' },
      }),
    want: [
      'spec.containers[0].env[1].valueFrom: Invalid value: "": may not have more than one field specified at a time',
    ],
  },
  {
    name: 'invalid fieldPath',
    mutate: (c) =>
      (env(c, 1).valueFrom = { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.whoops' } }),
    want: [
      'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.whoops": error converting fieldPath: field label not supported: metadata.whoops',
    ],
  },
  {
    name: 'metadata.name with subscript',
    mutate: (c) =>
      (env(c, 1).valueFrom = { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.name['key']" } }),
    want: [
      "spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.name['key']\": error converting fieldPath: field label does not support subscript: metadata.name['key']",
    ],
  },
  {
    name: 'metadata.labels without subscript',
    mutate: (c) =>
      (env(c, 1).valueFrom = { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }),
    want: [
      'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ],
  },
  {
    name: "metadata.labels['app'] is fine",
    mutate: (c) =>
      (env(c, 1).valueFrom = {
        fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" },
      }),
    want: [],
  },
  {
    name: 'fieldRef without apiVersion',
    mutate: (c) => (env(c, 1).valueFrom = { fieldRef: { fieldPath: 'metadata.name' } }),
    want: ['spec.containers[0].env[1].valueFrom.fieldRef.apiVersion: Required value'],
  },
  {
    name: 'resourceFieldRef unknown resource',
    mutate: (c) => (env(c, 1).valueFrom = { resourceFieldRef: { resource: 'limits.gpu' } }),
    want: [
      'spec.containers[0].env[1].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
    ],
  },
  {
    name: 'resourceFieldRef cpu divisor',
    mutate: (c) =>
      (env(c, 1).valueFrom = { resourceFieldRef: { resource: 'limits.cpu', divisor: '2' } }),
    want: [
      'spec.containers[0].env[1].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor\'s values 1m and 1 are supported with the cpu resource',
    ],
  },
  {
    name: 'secretKeyRef without key',
    mutate: (c) => (env(c, 1).valueFrom = { secretKeyRef: { name: 'db' } }),
    want: ['spec.containers[0].env[1].valueFrom.secretKeyRef.key: Required value'],
  },
  {
    name: 'configMapKeyRef bad key',
    mutate: (c) => (env(c, 1).valueFrom = { configMapKeyRef: { name: 'cm', key: 'a b' } }),
    want: [
      "spec.containers[0].env[1].valueFrom.configMapKeyRef.key: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ],
  },
  {
    name: 'envFrom with no source',
    mutate: (c) => (c.envFrom = [{ prefix: 'APP_' }]),
    want: [
      'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
    ],
  },
  {
    name: 'envFrom name empty',
    mutate: (c) => (c.envFrom = [{ secretRef: {} }]),
    want: ['spec.containers[0].envFrom[0].secretRef.name: Required value'],
  },
  // mounts
  {
    name: 'mountPath not unique',
    mutate: (c) =>
      (c.volumeMounts = [
        { name: 'data', mountPath: '/data' },
        { name: 'data', mountPath: '/data' },
      ]),
    want: ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique'],
  },
  {
    name: 'mount name empty',
    mutate: (c) => (c.volumeMounts = [{ mountPath: '/x' }]),
    want: [
      'spec.containers[0].volumeMounts[0].name: Required value',
      'spec.containers[0].volumeMounts[0].name: Not found: ""',
    ],
  },
  {
    name: 'mountPath empty',
    mutate: (c) => (c.volumeMounts = [{ name: 'data' }]),
    want: ['spec.containers[0].volumeMounts[0].mountPath: Required value'],
  },
  {
    name: 'subPath with backsteps',
    mutate: (c) => (c.volumeMounts = [{ name: 'data', mountPath: '/data', subPath: '../x' }]),
    want: [
      'spec.containers[0].volumeMounts.subPath: Invalid value: "../x": must not contain \'..\'',
    ],
  },
  {
    name: 'absolute subPath',
    mutate: (c) => (c.volumeMounts = [{ name: 'data', mountPath: '/data', subPath: '/etc' }]),
    want: [
      'spec.containers[0].volumeMounts.subPath: Invalid value: "/etc": must be a relative path',
    ],
  },
  {
    name: 'bidirectional propagation without privilege',
    mutate: (c) =>
      (c.volumeMounts = [{ name: 'data', mountPath: '/data', mountPropagation: 'Bidirectional' }]),
    want: [
      'spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers',
    ],
  },
  {
    name: 'volumeDevices on an emptyDir',
    mutate: (c) => (c.volumeDevices = [{ name: 'data', devicePath: '/dev/xvda' }]),
    want: [
      'spec.containers[0].volumeMounts[0].name: Invalid value: "data": must not already exist in volumeDevices',
      'spec.containers[0].volumeDevices[0].name: Invalid value: "data": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
      'spec.containers[0].volumeDevices[0].name: Invalid value: "data": must not already exist in volumeMounts',
    ],
  },
  // security context
  {
    name: 'runAsUser negative',
    mutate: (c) => (c.securityContext = { runAsUser: -1 }),
    want: [
      'spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 4294967295, inclusive',
    ],
  },
  {
    name: 'procMount Unmasked with host users',
    mutate: (c) => (c.securityContext = { procMount: 'Unmasked' }),
    want: [
      'spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
    ],
  },
  {
    name: 'seccomp Localhost without a profile',
    mutate: (c) => (c.securityContext = { seccompProfile: { type: 'Localhost' } }),
    want: [
      'spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost',
    ],
  },
  {
    name: 'resizePolicy unknown resource',
    mutate: (c) => (c.resizePolicy = [{ resourceName: 'gpu', restartPolicy: 'NotRequired' }]),
    want: [
      'spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"',
    ],
  },
]

describe('validateContainers', () => {
  test.each(rows)('VALPOD-2..4,7 $name', ({ mutate, want }) => {
    const c = baseContainer()
    mutate(c)
    expect(run([c])).toEqual(want)
  })
  test('VALPOD-2 no containers', () => {
    expect(run([])).toEqual(['spec.containers: Required value'])
  })
  test('VALPOD-2 names unique within containers', () => {
    expect(run([baseContainer(), baseContainer()])).toEqual([
      'spec.containers[1].name: Duplicate value: "app"',
    ])
  })
  test('VALPOD-3 host ports conflict across containers', () => {
    const a = baseContainer()
    const b = {
      ...baseContainer(),
      name: 'b',
      ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP', hostIP: '10.0.0.1' }],
    }
    ;(a.ports as Obj[])[0] = {
      containerPort: 80,
      hostPort: 80,
      protocol: 'TCP',
      hostIP: '10.0.0.1',
    }
    expect(run([a, b])).toEqual([
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP/10.0.0.1/80"',
    ])
    // The same host port over another protocol is a different triple.
    ;(b.ports as Obj[])[0] = {
      containerPort: 81,
      hostPort: 80,
      protocol: 'UDP',
      hostIP: '10.0.0.1',
    }
    expect(checkHostPortConflicts([a, b], path)).toEqual([])
  })
})

describe('validateInitContainers', () => {
  const initPath = fieldPath('spec', 'initContainers')
  const runInit = (inits: unknown[], regular: unknown[] = [baseContainer()]): string[] =>
    validateInitContainers(inits, regular, ctx(), initPath).map(errorText)
  const init = (extra: Obj = {}): Obj => ({
    ...baseContainer(),
    name: 'setup',
    ports: [],
    ...extra,
  })
  const rows: { name: string; inits: Obj[]; want: string[] }[] = [
    { name: 'plain init container', inits: [init()], want: [] },
    {
      name: 'name clash with a regular container',
      inits: [init({ name: 'app' })],
      want: ['spec.initContainers[0].name: Duplicate value: "app"'],
    },
    {
      name: 'probe without restartPolicy Always',
      inits: [init({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 1 } })],
      want: [
        'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      ],
    },
    {
      name: 'restartPolicy OnFailure',
      inits: [init({ restartPolicy: 'OnFailure' })],
      want: [
        'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    },
    {
      name: 'sidecar probes are validated',
      inits: [
        init({
          restartPolicy: 'Always',
          startupProbe: { exec: { command: ['true'] }, successThreshold: 3 },
        }),
      ],
      want: ['spec.initContainers[0].startupProbe.successThreshold: Invalid value: 3: must be 1'],
    },
    {
      name: 'host port conflicts are per init container, reported at index 0',
      inits: [
        init(),
        init({
          name: 'second',
          ports: [
            { containerPort: 80, hostPort: 80, protocol: 'TCP' },
            { containerPort: 81, hostPort: 80, protocol: 'TCP' },
          ],
        }),
      ],
      want: ['spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//80"'],
    },
  ]
  test.each(rows)('VALPOD-2/3 $name', ({ inits, want }) => {
    expect(runInit(inits)).toEqual(want)
  })
})

describe('validateVolumes', () => {
  const volPath = fieldPath('spec', 'volumes')
  const runVols = (vols: unknown[]): { names: string[]; errs: string[] } => {
    const r = validateVolumes(vols, volPath)
    return { names: [...r.vols.keys()], errs: r.errs.map(errorText) }
  }
  const rows: { name: string; vols: unknown[]; want: string[] }[] = [
    {
      name: 'common sources',
      vols: [
        { name: 'a', emptyDir: { sizeLimit: '1Gi' } },
        { name: 'b', configMap: { name: 'cm', items: [{ key: 'k', path: 'k.txt', mode: 0o644 }] } },
        { name: 'c', secret: { secretName: 's', defaultMode: 0o400 } },
        { name: 'd', persistentVolumeClaim: { claimName: 'pvc' } },
        { name: 'e', hostPath: { path: '/var/log', type: 'Directory' } },
        {
          name: 'f',
          downwardAPI: {
            items: [
              { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
            ],
          },
        },
        { name: 'g', nfs: { server: 'nfs', path: '/x' } },
      ],
      want: [],
    },
    {
      name: 'name empty',
      vols: [{ emptyDir: {} }],
      want: ['spec.volumes[0].name: Required value'],
    },
    {
      name: 'name not a label',
      vols: [{ name: 'Data', emptyDir: {} }],
      want: [
        "spec.volumes[0].name: Invalid value: \"Data\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    {
      name: 'duplicate name',
      vols: [
        { name: 'a', emptyDir: {} },
        { name: 'a', emptyDir: {} },
      ],
      want: ['spec.volumes[1].name: Duplicate value: "a"'],
    },
    {
      name: 'no source',
      vols: [{ name: 'a' }],
      want: ['spec.volumes[0]: Required value: must specify a volume type'],
    },
    {
      name: 'second source (upstream typo downwarAPI)',
      vols: [{ name: 'a', emptyDir: {}, downwardAPI: {} }],
      want: ['spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'second source (upstream path cephFS)',
      vols: [{ name: 'a', secret: { secretName: 's' }, cephfs: { monitors: ['m'] } }],
      want: ['spec.volumes[0].cephFS: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'configMap without name',
      vols: [{ name: 'a', configMap: {} }],
      want: ['spec.volumes[0].configMap.name: Required value'],
    },
    {
      name: 'secret without secretName',
      vols: [{ name: 'a', secret: {} }],
      want: ['spec.volumes[0].secret.secretName: Required value'],
    },
    {
      name: 'secret defaultMode too large',
      vols: [{ name: 'a', secret: { secretName: 's', defaultMode: 512 } }],
      want: [
        'spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
      ],
    },
    {
      name: 'pvc without claimName',
      vols: [{ name: 'a', persistentVolumeClaim: {} }],
      want: ['spec.volumes[0].persistentVolumeClaim.claimName: Required value'],
    },
    {
      name: 'hostPath without path',
      vols: [{ name: 'a', hostPath: {} }],
      want: ['spec.volumes[0].hostPath.path: Required value'],
    },
    {
      name: 'hostPath type unknown',
      vols: [{ name: 'a', hostPath: { path: '/x', type: 'Dir' } }],
      want: [
        'spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    },
    {
      name: 'item path absolute and key missing',
      vols: [{ name: 'a', configMap: { name: 'cm', items: [{ path: '/abs' }] } }],
      want: [
        'spec.volumes[0].configMap.items[0].key: Required value',
        'spec.volumes[0].configMap.items[0].path: Invalid value: "/abs": must be a relative path',
      ],
    },
    {
      name: 'item path starting with ..',
      vols: [{ name: 'a', secret: { secretName: 's', items: [{ key: 'k', path: '..data' }] } }],
      want: [
        'spec.volumes[0].secret.items[0].path: Invalid value: "..data": must not start with \'..\'',
      ],
    },
    {
      name: 'emptyDir negative sizeLimit',
      vols: [{ name: 'a', emptyDir: { sizeLimit: '-1Gi' } }],
      want: [
        'spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity',
      ],
    },
    {
      name: 'downwardAPI item without a ref (reported without the item index)',
      vols: [{ name: 'a', downwardAPI: { items: [{ path: 'x' }] } }],
      want: [
        'spec.volumes[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required',
      ],
    },
    {
      name: 'downwardAPI volume field not allowed',
      vols: [
        {
          name: 'a',
          downwardAPI: {
            items: [{ path: 'x', fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } }],
          },
        },
      ],
      want: [
        'spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: "spec.nodeName": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
      ],
    },
    {
      name: 'projected token too short and two sources in one',
      vols: [
        {
          name: 'a',
          projected: {
            sources: [
              {
                serviceAccountToken: { path: 'token', expirationSeconds: 60 },
                configMap: { name: 'cm' },
              },
            ],
          },
        },
      ],
      want: [
        'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
        'spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source',
      ],
    },
    {
      name: 'projected duplicate paths',
      vols: [
        {
          name: 'a',
          projected: {
            sources: [
              { configMap: { name: 'one', items: [{ key: 'k', path: 'same' }] } },
              { secret: { name: 'two', items: [{ key: 'k', path: 'same' }] } },
            ],
          },
        },
      ],
      want: ['spec.volumes[0].projected: Invalid value: "two": conflicting duplicate paths'],
    },
  ]
  test.each(rows)('VALPOD-7 $name', ({ vols, want }) => {
    expect(runVols(vols).errs).toEqual(want)
  })
  test('VALPOD-7 only valid volumes can be mounted', () => {
    expect(runVols([{ name: 'ok', emptyDir: {} }, { name: 'bad' }]).names).toEqual(['ok'])
  })
})
