import { describe, expect, test } from 'vitest'
import { containerWith, type ContainerRow } from './testPod'

const rows: ContainerRow[] = [
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
]

describe('validateVolumeMounts and validateVolumeDevices, via validateContainers', () => {
  test.each(rows)('VALPOD-7 $name', ({ mutate, want }) => {
    expect(containerWith(mutate)).toEqual(want)
  })
})
