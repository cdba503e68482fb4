import { describe, expect, test } from 'vitest'
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1'
import { errorText, fieldPath, type FieldError } from '../field'
import { goSharpV } from '../goFormat'
import {
  fieldImmutableErrorMsg,
  isNegativeErrorMsg,
  validateAnnotations,
  validateFinalizers,
  validateLabelSelector,
  validateLabels,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateOwnerReferences,
} from './metaValidation'
import { nameIsDNSLabel, nameIsDNSSubdomain } from './names'

const meta = fieldPath('metadata')
const texts = (errs: FieldError[]): string[] => errs.map(errorText)

const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const keyMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const valueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

describe('validateObjectMeta', () => {
  const rows: { name: string; m: ObjectMeta | undefined; ns: boolean; want: string[] }[] = [
    {
      name: 'valid namespaced object',
      m: { name: 'web', namespace: 'default' },
      ns: true,
      want: [],
    },
    {
      name: 'no name, no generateName',
      m: { namespace: 'default' },
      ns: true,
      want: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      name: 'missing metadata',
      m: undefined,
      ns: false,
      want: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      name: 'generateName alone (name generated later)',
      m: { generateName: 'web-', namespace: 'default' },
      ns: true,
      want: [],
    },
    {
      name: 'bad generateName',
      m: { generateName: 'Web-', namespace: 'default' },
      ns: true,
      want: [`metadata.generateName: Invalid value: "Web-": ${subdomainMsg}`],
    },
    {
      name: 'bad name',
      m: { name: 'My_App', namespace: 'default' },
      ns: true,
      want: [`metadata.name: Invalid value: "My_App": ${subdomainMsg}`],
    },
    {
      name: 'namespaced kind without namespace',
      m: { name: 'web' },
      ns: true,
      want: ['metadata.namespace: Required value'],
    },
    {
      name: 'bad namespace',
      m: { name: 'web', namespace: 'Prod' },
      ns: true,
      want: [`metadata.namespace: Invalid value: "Prod": ${labelMsg}`],
    },
    {
      name: 'namespace on a cluster-scoped kind',
      m: { name: 'n1', namespace: 'default' },
      ns: false,
      want: ['metadata.namespace: Forbidden: not allowed on this type'],
    },
    {
      name: 'negative generation',
      m: { name: 'web', namespace: 'default', generation: -1 },
      ns: true,
      want: [`metadata.generation: Invalid value: -1: ${isNegativeErrorMsg}`],
    },
    {
      name: 'bad label key and value',
      m: { name: 'web', namespace: 'default', labels: { 'app name': 'web', tier: '-fe' } },
      ns: true,
      want: [
        `metadata.labels: Invalid value: "app name": ${keyMsg}`,
        `metadata.labels: Invalid value: "-fe": ${valueMsg}`,
      ],
    },
    {
      name: 'annotation keys ignore case',
      m: { name: 'web', namespace: 'default', annotations: { 'Example.com/Owner': 'me' } },
      ns: true,
      want: [],
    },
    {
      name: 'finalizer without domain',
      m: { name: 'web', namespace: 'default', finalizers: ['kubernetes', 'example.com/x', 'foo'] },
      ns: true,
      want: [
        'metadata.finalizers[2]: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified',
      ],
    },
    {
      name: 'orphan and foregroundDeletion together',
      m: { name: 'web', namespace: 'default', finalizers: ['orphan', 'foregroundDeletion'] },
      ns: true,
      want: [
        'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
      ],
    },
    {
      name: 'labels of the wrong type',
      m: {
        name: 'web',
        namespace: 'default',
        labels: { replicas: 3 } as unknown as Record<string, string>,
      },
      ns: true,
      want: ['metadata.labels[replicas]: Invalid value: 3: must be of type string'],
    },
  ]
  test.each(rows)('SEL-8 $name', ({ m, ns, want }) => {
    expect(texts(validateObjectMeta(m, ns, nameIsDNSSubdomain, meta))).toEqual(want)
  })

  test('SEL-8 the name function decides the name rule (Namespace: DNS label)', () => {
    expect(texts(validateObjectMeta({ name: 'a.b' }, false, nameIsDNSLabel, meta))).toEqual([
      'metadata.name: Invalid value: "a.b": must not contain dots',
    ])
  })
})

describe('labels and annotations', () => {
  test('SEL-9 annotations over 256 KiB in total', () => {
    const big = { a: 'x'.repeat(262144) }
    expect(texts(validateAnnotations(big, meta.child('annotations')))).toEqual([
      'metadata.annotations: Too long: must have at most 262144 bytes',
    ])
    expect(validateAnnotations({ a: 'x'.repeat(262143) }, meta.child('annotations'))).toEqual([])
  })
  test('SEL-9 labels that are not a map', () => {
    expect(texts(validateLabels('app=web', meta.child('labels')))).toEqual([
      'metadata.labels: Invalid value: "app=web": must be of type object',
    ])
    expect(validateLabels(undefined, meta.child('labels'))).toEqual([])
  })
  test('SEL-9 a prefixed key with a bad prefix', () => {
    expect(texts(validateLabels({ 'Example.com/app': 'x' }, meta.child('labels')))).toEqual([
      `metadata.labels: Invalid value: "Example.com/app": prefix part ${subdomainMsg}`,
    ])
  })
})

describe('validateLabelSelector', () => {
  const sel = fieldPath('spec', 'selector')
  const rows: { name: string; s: LabelSelector | undefined; allow: boolean; want: string[] }[] = [
    { name: 'missing selector', s: undefined, allow: false, want: [] },
    { name: 'matchLabels', s: { matchLabels: { app: 'web' } }, allow: false, want: [] },
    {
      name: 'bad matchLabels key',
      s: { matchLabels: { 'a b': 'web' } },
      allow: false,
      want: [`spec.selector.matchLabels: Invalid value: "a b": ${keyMsg}`],
    },
    {
      name: 'In without values',
      s: { matchExpressions: [{ key: 'app', operator: 'In' }] },
      allow: false,
      want: [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    },
    {
      name: 'Exists with values',
      s: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] },
      allow: false,
      want: [
        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    },
    {
      name: 'unknown operator',
      s: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['x'] }] },
      allow: false,
      want: [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      ],
    },
    {
      name: 'bad value',
      s: { matchExpressions: [{ key: 'app', operator: 'In', values: ['ok', 'not ok'] }] },
      allow: false,
      want: [`spec.selector.matchExpressions[0].values[1]: Invalid value: "not ok": ${valueMsg}`],
    },
    {
      name: 'bad value allowed (allowInvalidLabelValueInSelector)',
      s: { matchExpressions: [{ key: 'app', operator: 'In', values: ['not ok'] }] },
      allow: true,
      want: [],
    },
  ]
  test.each(rows)('SEL-10 $name', ({ s, allow, want }) => {
    expect(
      texts(validateLabelSelector(s, { allowInvalidLabelValueInSelector: allow }, sel)),
    ).toEqual(want)
  })
  test('SEL-10 validateNonnegativeField', () => {
    expect(texts(validateNonnegativeField(-2, fieldPath('spec', 'replicas')))).toEqual([
      'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
    ])
    expect(validateNonnegativeField(0, fieldPath('spec', 'replicas'))).toEqual([])
  })
})

describe('owner references and finalizers', () => {
  const p = meta.child('ownerReferences')
  const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u1' }
  const rows = [
    { name: 'complete reference', refs: [ref], want: [] },
    {
      name: 'missing fields',
      refs: [{ apiVersion: '', kind: '', name: '', uid: '' }],
      want: [
        'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
        'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
        'metadata.ownerReferences.name: Invalid value: "": must not be empty',
        'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      ],
    },
    {
      name: 'two controllers',
      refs: [
        { ...ref, controller: true },
        { ...ref, kind: 'Deployment', name: 'web', controller: true },
      ],
      want: [
        `metadata.ownerReferences: Invalid value: ${JSON.stringify([
          { ...ref, controller: true },
          { ...ref, kind: 'Deployment', name: 'web', controller: true },
        ])}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/web-1 and Deployment/web`,
      ],
    },
    {
      name: 'an Event cannot own',
      refs: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }],
      want: [
        // The value prints through goSharpV (Go would print the v1.OwnerReference struct).
        `metadata.ownerReferences: Invalid value: ${goSharpV({ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' })}: /v1, Kind=Event is disallowed from being an owner`,
      ],
    },
  ]
  test.each(rows)('SEL-11 $name', ({ refs, want }) => {
    expect(texts(validateOwnerReferences(refs, p))).toEqual(want)
  })
  test('SEL-11 finalizer names are qualified names', () => {
    expect(texts(validateFinalizers(['a/b/c'], meta.child('finalizers')))[0]).toMatch(
      /^metadata\.finalizers: Invalid value: "a\/b\/c": a valid label key /,
    )
  })
})

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = {
    name: 'web',
    namespace: 'default',
    uid: 'u1',
    resourceVersion: '5',
    generation: 2,
    creationTimestamp: '2024-01-01T00:00:00Z',
  }
  const rows: { name: string; n: ObjectMeta; o?: ObjectMeta; want: string[] }[] = [
    { name: 'no change', n: { ...old }, want: [] },
    {
      name: 'rename',
      n: { ...old, name: 'web2' },
      want: [`metadata.name: Invalid value: "web2": ${fieldImmutableErrorMsg}`],
    },
    {
      name: 'move namespace',
      n: { ...old, namespace: 'prod' },
      want: ['metadata.namespace: Invalid value: "prod": field is immutable'],
    },
    {
      name: 'new uid',
      n: { ...old, uid: 'u2' },
      want: ['metadata.uid: Invalid value: "u2": field is immutable'],
    },
    {
      name: 'new creationTimestamp',
      n: { ...old, creationTimestamp: '2025-01-01T00:00:00Z' },
      want: [
        'metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable',
      ],
    },
    {
      name: 'no resourceVersion',
      n: { ...old, resourceVersion: '' },
      want: ['metadata.resourceVersion: Invalid value: "": must be specified for an update'],
    },
    {
      name: 'generation decremented',
      n: { ...old, generation: 1 },
      want: ['metadata.generation: Invalid value: 1: must not be decremented'],
    },
    {
      name: 'new finalizer while deleting',
      n: { ...old, deletionTimestamp: 'x', finalizers: ['a', 'b'] },
      o: { ...old, deletionTimestamp: 'x', finalizers: ['a'] },
      want: [
        'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b"}',
        'metadata.finalizers[0]: Invalid value: "a": name is neither a standard finalizer name nor is it fully qualified',
        'metadata.finalizers[1]: Invalid value: "b": name is neither a standard finalizer name nor is it fully qualified',
      ],
    },
    {
      name: 'removing a finalizer while deleting',
      n: { ...old, deletionTimestamp: 'x' },
      o: { ...old, deletionTimestamp: 'x', finalizers: ['kubernetes'] },
      want: [],
    },
    {
      name: 'bad new label',
      n: { ...old, labels: { app: 'not ok' } },
      want: [`metadata.labels: Invalid value: "not ok": ${valueMsg}`],
    },
  ]
  test.each(rows)('SEL-12 $name', ({ n, o, want }) => {
    expect(texts(validateObjectMetaUpdate(n, o ?? old, meta))).toEqual(want)
  })
})

describe('untrusted input never throws', () => {
  const garbage = {
    name: 7,
    namespace: ['x'],
    finalizers: 'kubernetes',
    ownerReferences: [null, 'x'],
    managedFields: { a: 1 },
    generation: 'two',
  } as unknown as ObjectMeta
  test('SEL-9 garbage metadata reads as zero values', () => {
    expect(texts(validateObjectMeta(garbage, false, nameIsDNSSubdomain, meta))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ])
    expect(() => validateObjectMetaUpdate(garbage, garbage, meta)).not.toThrow()
    expect(() =>
      validateLabelSelector(
        {
          matchExpressions: [null, { key: 3, operator: 'In', values: 'x' }],
        } as unknown as LabelSelector,
        { allowInvalidLabelValueInSelector: false },
        meta,
      ),
    ).not.toThrow()
  })
})
