import { describe, expect, test } from 'vitest'
import { checkHostPortConflicts } from './containerPorts'
import {
  baseContainer,
  containerErrors,
  containersPath,
  containerWith,
  type ContainerRow,
  type Obj,
} from './testPod'

const port = (c: Obj, i = 0): Obj => (c.ports as Obj[])[i] as Obj

const rows: ContainerRow[] = [
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
]

describe('validateContainerPorts, via validateContainers', () => {
  test.each(rows)('VALPOD-3 $name', ({ mutate, want }) => {
    expect(containerWith(mutate)).toEqual(want)
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
    expect(containerErrors([a, b])).toEqual([
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP/10.0.0.1/80"',
    ])
    // The same host port over another protocol is a different triple.
    ;(b.ports as Obj[])[0] = {
      containerPort: 81,
      hostPort: 80,
      protocol: 'UDP',
      hostIP: '10.0.0.1',
    }
    expect(checkHostPortConflicts([a, b], containersPath)).toEqual([])
  })
})
