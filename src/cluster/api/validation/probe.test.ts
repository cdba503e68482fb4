import { describe, expect, test } from 'vitest'
import { errorText, fieldPath } from '../field'
import {
  validateLifecycle,
  validateLivenessProbe,
  validatePortNumOrName,
  validateReadinessProbe,
  validateStartupProbe,
} from './probe'

type Obj = Record<string, unknown>

// A probe as defaulting leaves it (timeoutSeconds 1, periodSeconds 10, thresholds 1 and 3).
const probe = (handler: Obj, extra: Obj = {}): Obj => ({
  ...handler,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
  ...extra,
})
const http = { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } }

const liveness = fieldPath('spec', 'containers').index(0).child('livenessProbe')
const readiness = fieldPath('spec', 'containers').index(0).child('readinessProbe')
const startup = fieldPath('spec', 'containers').index(0).child('startupProbe')
const lifecycle = fieldPath('spec', 'containers').index(0).child('lifecycle')

const rows: {
  name: string
  kind: 'liveness' | 'readiness' | 'startup'
  probe: unknown
  want: string[]
}[] = [
  { name: 'valid httpGet liveness probe', kind: 'liveness', probe: probe(http), want: [] },
  {
    name: 'valid named tcpSocket port',
    kind: 'readiness',
    probe: probe({ tcpSocket: { port: 'http' } }),
    want: [],
  },
  {
    name: 'valid exec startup probe',
    kind: 'startup',
    probe: probe({ exec: { command: ['cat', '/tmp/ready'] } }),
    want: [],
  },
  { name: 'valid grpc probe', kind: 'liveness', probe: probe({ grpc: { port: 9090 } }), want: [] },
  { name: 'no probe at all', kind: 'liveness', probe: undefined, want: [] },
  {
    name: 'no handler',
    kind: 'liveness',
    probe: probe({}),
    want: ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
  },
  {
    name: 'two handlers',
    kind: 'liveness',
    probe: probe({ exec: { command: ['true'] }, ...http }),
    want: [
      'spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
    ],
  },
  {
    name: 'exec without command',
    kind: 'liveness',
    probe: probe({ exec: {} }),
    want: ['spec.containers[0].livenessProbe.exec.command: Required value'],
  },
  {
    name: 'httpGet port missing',
    kind: 'liveness',
    probe: probe({ httpGet: { path: '/', scheme: 'HTTP' } }),
    want: [
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
  },
  {
    name: 'httpGet named port invalid',
    kind: 'liveness',
    probe: probe({ httpGet: { path: '/', port: 'HTTP', scheme: 'HTTP' } }),
    want: [
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ],
  },
  {
    name: 'httpGet scheme unknown',
    kind: 'liveness',
    probe: probe({ httpGet: { path: '/', port: 80, scheme: 'FTP' } }),
    want: [
      'spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
    ],
  },
  {
    name: 'httpGet path empty',
    kind: 'liveness',
    probe: probe({ httpGet: { port: 80, scheme: 'HTTP' } }),
    want: ['spec.containers[0].livenessProbe.httpGet.path: Required value'],
  },
  {
    name: 'httpGet header name',
    kind: 'readiness',
    probe: probe({
      httpGet: {
        path: '/',
        port: 80,
        scheme: 'HTTP',
        httpHeaders: [{ name: 'X Header', value: '1' }],
      },
    }),
    want: [
      "spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: \"X Header\": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
    ],
  },
  {
    name: 'negative periodSeconds',
    kind: 'liveness',
    probe: probe(http, { periodSeconds: -1 }),
    want: [
      'spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
    ],
  },
  {
    name: 'negative initialDelaySeconds',
    kind: 'readiness',
    probe: probe(http, { initialDelaySeconds: -5 }),
    want: [
      'spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0',
    ],
  },
  {
    name: 'liveness successThreshold must be 1',
    kind: 'liveness',
    probe: probe(http, { successThreshold: 2 }),
    want: ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
  },
  {
    name: 'readiness successThreshold may be more',
    kind: 'readiness',
    probe: probe(http, { successThreshold: 2 }),
    want: [],
  },
  {
    name: 'startup successThreshold unset (not defaulted)',
    kind: 'startup',
    probe: { exec: { command: ['true'] } },
    want: ['spec.containers[0].startupProbe.successThreshold: Invalid value: 0: must be 1'],
  },
  {
    name: 'readiness with terminationGracePeriodSeconds',
    kind: 'readiness',
    probe: probe(http, { terminationGracePeriodSeconds: 10 }),
    want: [
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
    ],
  },
  {
    name: 'liveness terminationGracePeriodSeconds zero',
    kind: 'liveness',
    probe: probe(http, { terminationGracePeriodSeconds: 0 }),
    want: [
      'spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
    ],
  },
  {
    name: 'grpc port zero',
    kind: 'liveness',
    probe: probe({ grpc: { port: 0 } }),
    want: [
      'spec.containers[0].livenessProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
  },
  {
    name: 'a sleep action is not a probe handler',
    kind: 'liveness',
    probe: probe({ sleep: { seconds: 1 } }),
    want: ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
  },
]

describe('probes', () => {
  test.each(rows)('VALPOD-6 $name', ({ kind, probe: p, want }) => {
    const errs =
      kind === 'liveness'
        ? validateLivenessProbe(p, 30, liveness)
        : kind === 'readiness'
          ? validateReadinessProbe(p, 30, readiness)
          : validateStartupProbe(p, 30, startup)
    expect(errs.map(errorText)).toEqual(want)
  })
})

const lifecycleRows: {
  name: string
  lifecycle: unknown
  grace: number | undefined
  want: string[]
}[] = [
  {
    name: 'preStop exec',
    lifecycle: { preStop: { exec: { command: ['nginx', '-s', 'quit'] } } },
    grace: 30,
    want: [],
  },
  {
    name: 'preStop sleep within the grace period',
    lifecycle: { preStop: { sleep: { seconds: 5 } } },
    grace: 30,
    want: [],
  },
  {
    name: 'preStop sleep zero is allowed',
    lifecycle: { preStop: { sleep: { seconds: 0 } } },
    grace: 30,
    want: [],
  },
  {
    name: 'preStop sleep longer than the grace period',
    lifecycle: { preStop: { sleep: { seconds: 60 } } },
    grace: 30,
    want: [
      'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
    ],
  },
  {
    name: 'sleep not checked without a grace period',
    lifecycle: { preStop: { sleep: { seconds: 60 } } },
    grace: undefined,
    want: [],
  },
  {
    name: 'postStart without an action',
    lifecycle: { postStart: {} },
    grace: 30,
    want: ['spec.containers[0].lifecycle.postStart: Required value: must specify a handler type'],
  },
  {
    name: 'grpc is not a lifecycle handler',
    lifecycle: { preStop: { grpc: { port: 1 } } },
    grace: 30,
    want: ['spec.containers[0].lifecycle.preStop: Required value: must specify a handler type'],
  },
  {
    name: 'preStop httpGet without a port',
    lifecycle: { preStop: { httpGet: { path: '/quit', scheme: 'HTTP' } } },
    grace: 30,
    want: [
      'spec.containers[0].lifecycle.preStop.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ],
  },
]

describe('lifecycle hooks', () => {
  test.each(lifecycleRows)('VALPOD-6 $name', ({ lifecycle: l, grace, want }) => {
    expect(validateLifecycle(l, grace, lifecycle).map(errorText)).toEqual(want)
  })
})

describe('validatePortNumOrName', () => {
  const p = fieldPath('port')
  test.each([
    { name: 'number', port: 443, want: [] as string[] },
    { name: 'name', port: 'https', want: [] as string[] },
    {
      name: 'too big',
      port: 65536,
      want: ['port: Invalid value: 65536: must be between 1 and 65535, inclusive'],
    },
    {
      name: 'consecutive hyphens',
      port: 'a--b',
      want: ['port: Invalid value: "a--b": must not contain consecutive hyphens'],
    },
    {
      name: 'leading hyphen',
      port: '-web',
      want: ['port: Invalid value: "-web": must not begin or end with a hyphen'],
    },
    { name: 'wrong type', port: true, want: ['port: Internal error: unknown type: boolean'] },
  ])('VALPOD-6 $name', ({ port, want }) => {
    expect(validatePortNumOrName(port, p).map(errorText)).toEqual(want)
  })
})
