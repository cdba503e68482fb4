import { describe, expect, test } from 'vitest'
import { errorText, fieldPath } from '../field'
import { validateInitContainers } from './container'
import {
  baseContainer,
  containerContext,
  containerErrors,
  containerWith,
  labelMsg,
  type ContainerRow,
  type Obj,
} from './testPod'

const rows: ContainerRow[] = [
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
  {
    name: 'resizePolicy unknown resource',
    mutate: (c) => (c.resizePolicy = [{ resourceName: 'gpu', restartPolicy: 'NotRequired' }]),
    want: [
      'spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"',
    ],
  },
]

describe('validateContainers', () => {
  test.each(rows)('VALPOD-2 $name', ({ mutate, want }) => {
    expect(containerWith(mutate)).toEqual(want)
  })
  test('VALPOD-2 no containers', () => {
    expect(containerErrors([])).toEqual(['spec.containers: Required value'])
  })
  test('VALPOD-2 names unique within containers', () => {
    expect(containerErrors([baseContainer(), baseContainer()])).toEqual([
      'spec.containers[1].name: Duplicate value: "app"',
    ])
  })
})

describe('validateInitContainers', () => {
  const initPath = fieldPath('spec', 'initContainers')
  const runInit = (inits: unknown[], regular: unknown[] = [baseContainer()]): string[] =>
    validateInitContainers(inits, regular, containerContext(), initPath).map(errorText)
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
