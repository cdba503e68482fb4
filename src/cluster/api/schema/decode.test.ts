import { describe, expect, it, test } from 'vitest'
import { decodeAs, decodeObject, strictDecodingMessage, unknownFieldMessage } from './decode'
import { validObjects } from './fixtures.test-data'
import type { GoStruct } from './schemaTypes'

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

const lax = { strict: false }
const strict = { strict: true }

describe('valid objects', () => {
  test.each(Object.entries(validObjects).map(([kind, object]) => ({ kind, object })))(
    'DECODE-12 $kind round-trips unchanged, as a new object',
    ({ kind, object }) => {
      const body = deepFreeze(JSON.parse(JSON.stringify(object)) as typeof object)
      const res = decodeObject(kind, body, strict)
      expect(res).toEqual({ ok: true, object, unknownFields: [] })
      if (!res.ok) return
      expect(res.object).not.toBe(body)
      for (const [key, value] of Object.entries(body)) {
        if (value && typeof value === 'object') expect(res.object[key]).not.toBe(value)
      }
    },
  )

  it('DECODE-12 writes map keys sorted, as encoding/json does', () => {
    const res = decodeObject('ConfigMap', { metadata: { labels: { b: '1', a: '2', c: '3' } } }, lax)
    expect(res.ok && Object.keys(res.object.metadata?.labels ?? {})).toEqual(['a', 'b', 'c'])
  })

  it('DECODE-12 keeps a "__proto__" map key as an ordinary key', () => {
    const labels = JSON.parse('{"__proto__": "x"}') as unknown
    const res = decodeObject('ConfigMap', { metadata: { labels } }, lax)
    expect(res.ok && Object.getOwnPropertyNames(res.object.metadata?.labels)).toEqual(['__proto__'])
    expect(res.ok && Object.getPrototypeOf(res.object.metadata?.labels)).toBe(Object.prototype)
  })

  it('DECODE-12 copies raw JSON (managedFields fieldsV1) instead of sharing it', () => {
    const fieldsV1 = { 'f:metadata': {} }
    const res = decodeObject('Pod', { metadata: { managedFields: [{ fieldsV1 }] } }, lax)
    const got = res.ok ? (res.object.metadata?.managedFields?.[0]?.fieldsV1 as unknown) : undefined
    expect(got).toEqual(fieldsV1)
    expect(got).not.toBe(fieldsV1)
  })
})

describe('the body before decoding (Interpret)', () => {
  const typeName =
    'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'
  test.each([
    { name: 'array', body: [{ kind: 'Pod' }], what: 'array' },
    { name: 'string', body: 'kind: Pod', what: 'string' },
    { name: 'number', body: 42, what: 'number' },
    { name: 'bool', body: true, what: 'bool' },
  ])('DECODE-2 a JSON $name body is unrecognized', ({ body, what }) => {
    expect(decodeObject('Pod', body, lax)).toEqual({
      ok: false,
      message: `couldn't get version/kind; json parse error: json: cannot unmarshal ${what} into Go value of type ${typeName}`,
      unrecognized: true,
    })
  })

  test.each([
    {
      name: 'no body at all',
      body: undefined,
      message: "couldn't get version/kind; json parse error: unexpected end of JSON input",
    },
    {
      name: 'kind is a number',
      body: { kind: 5 },
      message:
        "couldn't get version/kind; json parse error: json: cannot unmarshal number into Go struct field .kind of type string",
    },
    {
      name: 'apiVersion matched case-insensitively',
      body: { ApiVersion: ['v1'] },
      message:
        "couldn't get version/kind; json parse error: json: cannot unmarshal array into Go struct field .apiVersion of type string",
    },
    {
      name: 'apiVersion with two slashes',
      body: { apiVersion: 'a/b/c' },
      message: 'unexpected GroupVersion string: a/b/c',
    },
  ])('DECODE-2 $name', ({ body, message }) => {
    expect(decodeObject('Pod', body, lax)).toEqual({ ok: false, message, unrecognized: true })
  })

  it('DECODE-2 a null body decodes to an empty object', () => {
    expect(decodeObject('Pod', null, strict)).toEqual({ ok: true, object: {}, unknownFields: [] })
  })

  it('DECODE-2 apiVersion and kind are kept as written (the caller checks them)', () => {
    const res = decodeObject('Pod', { apiVersion: 'apps/v1', kind: 'Deployment' }, strict)
    expect(res).toEqual({
      ok: true,
      object: { apiVersion: 'apps/v1', kind: 'Deployment' },
      unknownFields: [],
    })
  })

  it('DECODE-2 an unserved kind is a programming error', () => {
    expect(() => decodeObject('Widget', {}, lax)).toThrow(/not a served kind/)
  })
})

describe('unknown fields', () => {
  test.each([
    { name: 'top level', body: { kind: 'Pod', foo: 1 }, unknown: ['foo'] },
    {
      name: 'misspelt spec field',
      body: { spec: { replica: 3, replicas: 2 } },
      unknown: ['spec.replica'],
    },
    {
      name: 'inside list elements, with indices',
      body: {
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'a', imagee: 'x' },
                { name: 'b', ports: [{ containerPort: 80 }, { containerport: 81 }] },
              ],
            },
          },
        },
      },
      unknown: [
        'spec.template.spec.containers[0].imagee',
        'spec.template.spec.containers[1].ports[1].containerport',
      ],
    },
    {
      name: 'fields of an object in the wrong place (a real kubectl apply mistake)',
      body: {
        spec: { template: { metadata: { labels: { app: 'x' }, containers: [], volumes: [] } } },
      },
      unknown: ['spec.template.metadata.containers', 'spec.template.metadata.volumes'],
    },
    {
      name: 'matching is case-sensitive',
      body: { Spec: {}, spec: { Replicas: 1 } },
      unknown: ['Spec', 'spec.Replicas'],
    },
    {
      name: 'only the outermost unknown key',
      body: { spec: { extra: { deeper: { x: 1 } } } },
      unknown: ['spec.extra'],
    },
  ])('DECODE-3 $name', ({ body, unknown }) => {
    const res = decodeObject('Deployment', body, lax)
    expect(res.ok && res.unknownFields).toEqual(unknown)
    expect(JSON.stringify(res.ok && res.object)).not.toMatch(
      /imagee|containerport|Replicas|extra|foo|"Spec"/,
    )
  })

  it('DECODE-3 strict mode fails with every unknown field, joined as upstream', () => {
    const body = {
      spec: { replica: 3, template: { spec: { containers: [{ name: 'a', imagee: 'x' }] } } },
    }
    expect(decodeObject('Deployment', body, strict)).toEqual({
      ok: false,
      message:
        'strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagee"',
    })
  })

  it('DECODE-3 the Warning text of one unknown field', () => {
    expect(unknownFieldMessage('spec.replica')).toBe('unknown field "spec.replica"')
    expect(strictDecodingMessage(['a', 'b'])).toBe(
      'strict decoding error: unknown field "a", unknown field "b"',
    )
  })

  it('DECODE-3 keeps at most 100 unknown fields', () => {
    const body = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`x${i}`, i]))
    const res = decodeObject('Pod', body, lax)
    expect(res.ok && res.unknownFields.length).toBe(100)
    expect(res.ok && res.unknownFields[99]).toBe('x99')
  })

  it('DECODE-6 a type error hides unknown fields, even in strict mode', () => {
    const res = decodeObject('Deployment', { unknown: true, spec: { replicas: 'x' } }, strict)
    expect(res).toEqual({
      ok: false,
      message:
        'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    })
  })

  it('DECODE-3 map keys join the path with dots, list indices with brackets (sigs.k8s.io/json TestStrictErrors)', () => {
    // The served kinds have no map of structs, so this uses upstream's own test shape.
    const structs: Record<string, GoStruct> = {
      Typed: {
        go: 'json.Typed',
        fields: {
          a: 'int32',
          b: { map: { object: 'SubType' } },
          c: { list: { object: 'SubType' } },
        },
      },
      SubType: { go: 'json.SubType', fields: {} },
    }
    const body = {
      a: 1,
      unknown: true,
      unknown2: true,
      b: { a: { unknown: true } },
      c: [{ unknown: true }, { unknown: true }],
    }
    expect(decodeAs('Typed', body, strict, (n) => structs[n])).toEqual({
      ok: false,
      message:
        'strict decoding error: unknown field "unknown", unknown field "unknown2", unknown field "b.a.unknown", unknown field "c[0].unknown", unknown field "c[1].unknown"',
    })
    expect(decodeAs('Typed', { unknown: true, a: true }, strict, (n) => structs[n])).toEqual({
      ok: false,
      message: 'json: cannot unmarshal bool into Go struct field Typed.a of type int32',
    })
  })
})

describe('null', () => {
  test.each([
    {
      name: 'a pointer field is dropped',
      kind: 'Deployment',
      body: { spec: { replicas: null, paused: null } },
      out: { spec: {} },
    },
    {
      name: 'a map field is dropped',
      kind: 'Pod',
      body: { metadata: { labels: null } },
      out: { metadata: {} },
    },
    {
      name: 'a struct field is dropped',
      kind: 'Pod',
      body: { metadata: null, spec: null },
      out: {},
    },
    {
      name: 'a pointer IntOrString is dropped',
      kind: 'Deployment',
      body: { spec: { strategy: { rollingUpdate: { maxSurge: null } } } },
      out: { spec: { strategy: { rollingUpdate: {} } } },
    },
    {
      name: 'a value IntOrString becomes 0',
      kind: 'Service',
      body: { spec: { ports: [{ port: 80, targetPort: null }] } },
      out: { spec: { ports: [{ port: 80, targetPort: 0 }] } },
    },
    {
      name: 'a value Quantity becomes "0"',
      kind: 'Pod',
      body: {
        spec: {
          containers: [
            {
              name: 'a',
              env: [
                {
                  name: 'C',
                  valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: null } },
                },
              ],
            },
          ],
        },
      },
      out: {
        spec: {
          containers: [
            {
              name: 'a',
              env: [
                {
                  name: 'C',
                  valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } },
                },
              ],
            },
          ],
        },
      },
    },
    {
      name: 'a pointer Quantity is dropped',
      kind: 'Pod',
      body: { spec: { volumes: [{ name: 'v', emptyDir: { sizeLimit: null } }] } },
      out: { spec: { volumes: [{ name: 'v', emptyDir: {} }] } },
    },
    {
      name: 'a Time is dropped',
      kind: 'Pod',
      body: { metadata: { creationTimestamp: null } },
      out: { metadata: {} },
    },
    {
      name: 'a map[string]string value becomes ""',
      kind: 'ConfigMap',
      body: { data: { a: null, b: 'x' } },
      out: { data: { a: '', b: 'x' } },
    },
    {
      name: 'a ResourceList value becomes "0"',
      kind: 'Pod',
      body: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: null } } }] } },
      out: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: '0' } } }] } },
    },
    {
      name: 'list elements become zero values',
      kind: 'Pod',
      body: {
        spec: {
          containers: [null, { name: 'a', args: [null, 'x'] }],
          securityContext: { supplementalGroups: [null] },
        },
      },
      out: {
        spec: {
          containers: [{}, { name: 'a', args: ['', 'x'] }],
          securityContext: { supplementalGroups: [0] },
        },
      },
    },
    {
      name: 'a []byte map value becomes ""',
      kind: 'Secret',
      body: { data: { a: null } },
      out: { data: { a: '' } },
    },
  ])('DECODE-11 $name', ({ kind, body, out }) => {
    expect(decodeObject(kind, body, strict)).toEqual({ ok: true, object: out, unknownFields: [] })
  })
})
