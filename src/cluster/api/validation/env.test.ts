import { describe, expect, test } from 'vitest'
import { containerWith, type ContainerRow, type Obj } from './testPod'

const env = (c: Obj, i: number): Obj => (c.env as Obj[])[i] as Obj

const rows: ContainerRow[] = [
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
]

describe('validateEnv and validateEnvFrom, via validateContainers', () => {
  test.each(rows)('VALPOD-4 $name', ({ mutate, want }) => {
    expect(containerWith(mutate)).toEqual(want)
  })
})
