import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { edited, type Edit } from './testEdit'
import {
  isWildcardDNS1123Subdomain,
  validateIngress,
  validateIngressStatusUpdate,
  validateIngressUpdate,
} from './ingress'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const WILDCARD =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const P0 = 'spec.rules[0].http.paths[0]'

const base: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '12' },
  spec: {
    ingressClassName: 'nginx',
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: 'web', port: { number: 80 } } },
            },
          ],
        },
      },
    ],
    tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
  },
}
/** from with edits under spec (dotted paths). */
const specEdits = (from: KubeObject, ...edits: Edit[]): KubeObject =>
  edited(from, ...edits.map(([p, v]): Edit => [`spec.${p}`, v]))
const withSpec = (...edits: Edit[]): KubeObject => specEdits(base, ...edits)
/** base with edits under the first rule's first path. */
const path0 = (...edits: Edit[]): KubeObject =>
  withSpec(...edits.map(([p, v]): Edit => [`rules.0.http.paths.0.${p}`, v]))

describe('validateIngress', () => {
  test.each([
    { name: 'a valid Ingress', obj: base, want: [] as string[] },
    {
      name: 'neither rules nor a default backend',
      obj: withSpec(['rules', undefined]),
      want: [
        'spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
      ],
    },
    {
      name: 'only a default backend',
      obj: withSpec(
        ['rules', undefined],
        ['defaultBackend', { service: { name: 'web', port: { name: 'http' } } }],
      ),
      want: [],
    },
    {
      name: 'a wildcard host',
      obj: withSpec(['rules.0.host', '*.example.com']),
      want: [],
    },
    {
      name: 'a lone * host',
      obj: withSpec(['rules.0.host', '*']),
      want: [`spec.rules[0].host: Invalid value: "*": ${WILDCARD}`],
    },
    {
      name: 'an IP host',
      obj: withSpec(['rules.0.host', '10.0.0.1']),
      want: [
        'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      ],
    },
    {
      name: 'an uppercase host',
      obj: withSpec(['rules.0.host', 'Shop.example.com']),
      want: [`spec.rules[0].host: Invalid value: "Shop.example.com": ${SUBDOMAIN}`],
    },
    {
      name: 'a relative path',
      obj: path0(['path', 'api']),
      want: [`${P0}.path: Invalid value: "api": must be an absolute path`],
    },
    {
      name: 'a path with //',
      obj: path0(['path', '/a//b']),
      want: [`${P0}.path: Invalid value: "/a//b": must not contain '//'`],
    },
    {
      name: 'a path ending /.',
      obj: path0(['path', '/a/.']),
      want: [`${P0}.path: Invalid value: "/a/.": cannot end with '/.'`],
    },
    {
      name: 'no pathType',
      obj: path0(['pathType', undefined]),
      want: [`${P0}.pathType: Required value: pathType must be specified`],
    },
    {
      name: 'an unknown pathType',
      obj: path0(['pathType', 'Regex']),
      want: [
        `${P0}.pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"`,
      ],
    },
    {
      name: 'ImplementationSpecific with no path',
      obj: path0(['pathType', 'ImplementationSpecific'], ['path', undefined]),
      want: [],
    },
    {
      name: 'http without paths',
      obj: withSpec(['rules.0.http.paths', []]),
      want: ['spec.rules[0].http.paths: Required value'],
    },
    {
      name: 'a port with both name and number',
      obj: path0(['backend.service.port', { name: 'http', number: 80 }]),
      want: [`${P0}.backend: Invalid value: "": cannot set both port name & port number`],
    },
    {
      name: 'a backend without a port',
      obj: path0(['backend.service.port', {}]),
      want: [`${P0}.backend: Required value: port name or number is required`],
    },
    {
      name: 'a port number out of range',
      obj: path0(['backend.service.port', { number: 70000 }]),
      want: [
        `${P0}.backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`,
      ],
    },
    {
      name: 'a service name that is not a DNS-1035 label',
      obj: path0(['backend.service.name', 'Web']),
      want: [
        `${P0}.backend.service.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    {
      name: 'a resource and a service backend',
      obj: path0([
        'backend.resource',
        {
          apiGroup: 'k8s.example.com',
          kind: 'StorageBucket',
          name: 'static',
        },
      ]),
      want: [`${P0}.backend: Invalid value: "": cannot set both resource and service backends`],
    },
    {
      name: 'an empty backend',
      obj: path0(['backend', {}]),
      want: [`${P0}.backend: Invalid value: "": resource or service backend is required`],
    },
    {
      name: 'a resource default backend without a kind',
      obj: withSpec(['defaultBackend', { resource: { name: 'static' } }]),
      want: ['spec.defaultBackend.resource.kind: Required value'],
    },
    {
      name: 'bad TLS host and secret name',
      obj: withSpec(['tls', [{ hosts: ['*.*.example.com'], secretName: 'Shop_TLS' }]]),
      want: [
        `spec.tls[0].hosts[0]: Invalid value: "*.*.example.com": ${WILDCARD}`,
        `spec.tls[0].secretName: Invalid value: "Shop_TLS": ${SUBDOMAIN}`,
      ],
    },
    {
      name: 'an ingressClassName that is not a subdomain',
      obj: withSpec(['ingressClassName', 'Nginx']),
      want: [`spec.ingressClassName: Invalid value: "Nginx": ${SUBDOMAIN}`],
    },
    {
      name: 'a class annotation that disagrees with ingressClassName',
      obj: {
        ...clone(base),
        metadata: {
          name: 'web',
          namespace: 'default',
          annotations: { 'kubernetes.io/ingress.class': 'traefik' },
        },
      },
      want: [
        'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
      ],
    },
  ])('VALKINDS-22 $name', ({ obj, want }) => {
    expect(texts(validateIngress(obj))).toEqual(want)
  })

  test.each([
    { host: '*.example.com', ok: true },
    { host: '*.a.b.c', ok: true },
    { host: 'foo.*.com', ok: false },
    { host: '*example.com', ok: false },
  ])('VALKINDS-22 wildcard host $host', ({ host, ok }) => {
    expect(isWildcardDNS1123Subdomain(host).length === 0).toBe(ok)
  })
})

describe('validateIngressUpdate', () => {
  const badSecret = withSpec(['tls.0.secretName', 'Shop_TLS'])
  test.each([
    { name: 'no change', obj: base, old: base, want: [] as string[] },
    {
      name: 'a stored bad secret name is tolerated',
      obj: specEdits(badSecret, ['rules.0.host', 'shop2.example.com']),
      old: badSecret,
      want: [],
    },
    {
      name: 'a new bad secret name is not',
      obj: badSecret,
      old: base,
      want: [`spec.tls[0].secretName: Invalid value: "Shop_TLS": ${SUBDOMAIN}`],
    },
  ])('VALKINDS-22 $name', ({ obj, old, want }) => {
    expect(texts(validateIngressUpdate(obj, old))).toEqual(want)
  })

  test('VALKINDS-22 status: load-balancer addresses', () => {
    const obj = {
      ...clone(base),
      status: {
        loadBalancer: { ingress: [{ ip: '203.0.113.9' }, { ip: 'x' }, { hostname: '5.6.7.8' }] },
      },
    }
    expect(texts(validateIngressStatusUpdate(obj, base))).toEqual([
      'status.loadBalancer.ingress[1].ip: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'status.loadBalancer.ingress[2].hostname: Invalid value: "5.6.7.8": must be a DNS name, not an IP address',
    ])
  })
})
