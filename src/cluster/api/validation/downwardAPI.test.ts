import { describe, expect, test } from 'vitest'
import { containerWith, type ContainerRow, type Obj } from './testPod'

const env = (c: Obj, i: number): Obj => (c.env as Obj[])[i] as Obj

// Env vars' fieldRef and resourceFieldRef; downwardAPI volume files are in volumes.test.ts.
const rows: ContainerRow[] = [
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
]

describe('downward API selectors in env, via validateContainers', () => {
  test.each(rows)('VALPOD-4 $name', ({ mutate, want }) => {
    expect(containerWith(mutate)).toEqual(want)
  })
})
