/**
 * The exact messages kube-apiserver gives for common mistakes, as kubectl would print them
 * after "Error from server (<reason>): ".
 */
import { describe, expect, test } from 'vitest'
import { deployment, pod, service } from '../testing/fixtures'
import { messageOf, testClient, type TestClient } from '../testing/testClient'

const deploys = '/apis/apps/v1/namespaces/default/deployments'
const pods = '/api/v1/namespaces/default/pods'
const services = '/api/v1/namespaces/default/services'

const dns1123 =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

function withContainers(containers: unknown[]) {
  const p = pod('p')
  return { ...p, spec: { containers } }
}

const rows: { name: string; rule: string; run: (c: TestClient) => ReturnType<TestClient['get']>; status: number; reason: string; message: string }[] = [
  {
    name: 'a name that is not DNS-1123',
    rule: 'VALPOD',
    run: (c) => c.post(deploys, deployment('Web_1', 'nginx', 1, { app: 'web' })),
    status: 422,
    reason: 'Invalid',
    message: `Deployment.apps "Web_1" is invalid: metadata.name: Invalid value: "Web_1": ${dns1123}`,
  },
  {
    name: 'a selector that does not match the template labels',
    rule: 'VALKINDS',
    run: (c) => {
      const d = deployment('web')
      return c.post(deploys, { ...d, spec: { ...d.spec, template: { ...d.spec.template, metadata: { labels: { app: 'x' } } } } })
    },
    status: 422,
    reason: 'Invalid',
    message: 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
  },
  {
    name: 'a container without a name',
    rule: 'VALPOD',
    run: (c) => c.post(pods, withContainers([{ image: 'nginx' }])),
    status: 422,
    reason: 'Invalid',
    message: 'Pod "p" is invalid: spec.containers[0].name: Required value',
  },
  {
    name: 'a container without an image',
    rule: 'VALPOD',
    run: (c) => c.post(pods, withContainers([{ name: 'web' }])),
    status: 422,
    reason: 'Invalid',
    message: 'Pod "p" is invalid: spec.containers[0].image: Required value',
  },
  {
    name: 'two containers with the same name',
    rule: 'VALPOD',
    run: (c) => c.post(pods, withContainers([{ name: 'web', image: 'nginx' }, { name: 'web', image: 'busybox' }])),
    status: 422,
    reason: 'Invalid',
    message: 'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "web"',
  },
  {
    name: 'a container port out of range',
    rule: 'VALPOD',
    run: (c) => c.post(pods, withContainers([{ name: 'web', image: 'nginx', ports: [{ containerPort: 70000 }] }])),
    status: 422,
    reason: 'Invalid',
    message: 'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'a service port out of range',
    rule: 'VALKINDS',
    run: (c) => c.post(services, { ...service('web'), spec: { selector: { app: 'web' }, ports: [{ port: 0 }] } }),
    status: 422,
    reason: 'Invalid',
    // Defaulting copies port into targetPort, so upstream reports both.
    message:
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
  },
  {
    name: 'negative replicas',
    rule: 'VALKINDS',
    run: (c) => c.post(deploys, deployment('web', 'nginx', -1)),
    status: 422,
    reason: 'Invalid',
    message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: 'a string where a number belongs',
    rule: 'API-8',
    run: (c) => {
      const d = deployment('web')
      return c.post(deploys, { ...d, spec: { ...d.spec, replicas: 'three' } })
    },
    status: 400,
    reason: 'BadRequest',
    message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'an unknown field under fieldValidation=Strict',
    rule: 'API-8',
    run: (c) => {
      const d = deployment('web')
      return c.post(deploys, { ...d, spec: { ...d.spec, replica: 3 } }, { fieldValidation: 'Strict' })
    },
    status: 400,
    reason: 'BadRequest',
    message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
  },
  {
    name: 'a Deployment selector changed on update',
    rule: 'VALKINDS',
    run: (c) => {
      const created = c.post(deploys, deployment('web')).body as ReturnType<typeof deployment>
      const labels = { app: 'web', track: 'v2' }
      return c.put(`${deploys}/web`, { ...created, spec: { ...created.spec, selector: { matchLabels: labels }, template: { ...created.spec.template, metadata: { labels } } } })
    },
    status: 422,
    reason: 'Invalid',
    message:
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "track":"v2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  },
  {
    name: 'a Service clusterIP changed on update',
    rule: 'VALKINDS',
    run: (c) => {
      const created = c.post(services, service('web')).body as { spec: Record<string, unknown> }
      return c.put(`${services}/web`, { ...created, spec: { ...created.spec, clusterIP: '10.96.100.100', clusterIPs: ['10.96.100.100'] } })
    },
    status: 422,
    reason: 'Invalid',
    message: 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.100.100"}: may not change once set',
  },
  {
    name: 'a Deployment that already exists',
    rule: 'API-7',
    run: (c) => {
      c.post(deploys, deployment('web'))
      return c.post(deploys, deployment('web'))
    },
    status: 409,
    reason: 'AlreadyExists',
    message: 'deployments.apps "web" already exists',
  },
  { name: 'a pod that does not exist', rule: 'API-4', run: (c) => c.get(`${pods}/x`), status: 404, reason: 'NotFound', message: 'pods "x" not found' },
  {
    name: 'a deployment that does not exist',
    rule: 'API-4',
    run: (c) => c.del(`${deploys}/x`),
    status: 404,
    reason: 'NotFound',
    message: 'deployments.apps "x" not found',
  },
  {
    name: 'creating in a namespace that does not exist',
    rule: 'DEFAULTS',
    run: (c) => c.post('/api/v1/namespaces/nope/pods', pod('p')),
    status: 404,
    reason: 'NotFound',
    message: 'namespaces "nope" not found',
  },
  {
    name: 'a resource the server does not have',
    rule: 'API-4',
    run: (c) => c.get('/api/v1/namespaces/default/widgets'),
    status: 404,
    reason: 'NotFound',
    message: 'the server could not find the requested resource',
  },
  {
    name: 'a verb the resource does not serve',
    rule: 'API-3',
    run: (c) => c.del('/api/v1/namespaces'),
    status: 405,
    reason: 'MethodNotAllowed',
    message: 'deletecollection is not supported on resources of kind "namespaces"',
  },
  {
    name: 'a patch in an unsupported media type',
    rule: 'API-14',
    run: (c) => {
      c.post(deploys, deployment('web'))
      return c.cluster.handle({ method: 'PATCH', path: `${deploys}/web`, headers: { 'Content-Type': 'text/plain' }, body: '{}' })
    },
    status: 415,
    reason: 'UnsupportedMediaType',
    message:
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json',
  },
  {
    name: 'a body for another API version',
    rule: 'API-8',
    run: (c) => c.post(deploys, { ...deployment('web'), apiVersion: 'apps/v1beta1' }),
    status: 400,
    reason: 'BadRequest',
    message: 'the API version in the data (apps/v1beta1) does not match the expected API version (apps/v1)',
  },
  {
    name: 'a body of another kind than the path',
    rule: 'API-8',
    run: (c) => c.post(pods, service('web')),
    status: 400,
    reason: 'BadRequest',
    message: 'Service in version "v1" cannot be handled as a Pod: the kind in the data (Service) does not match the expected kind (Pod)',
  },
  {
    name: 'a body that is not an object',
    rule: 'API-8',
    run: (c) => c.post(pods, '[1,2]'),
    status: 400,
    reason: 'BadRequest',
    message:
      'couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
  },
  {
    name: 'a body that is not JSON',
    rule: 'API-8',
    run: (c) => c.post(pods, '{"apiVersion": '),
    status: 400,
    reason: 'BadRequest',
    message: "couldn't get version/kind; json parse error: unexpected end of JSON input",
  },
  {
    name: 'a namespace in the body unlike the path',
    rule: 'API-9',
    run: (c) => c.post(pods, { ...pod('p'), metadata: { name: 'p', namespace: 'kube-system' } }),
    status: 400,
    reason: 'BadRequest',
    message: 'the namespace of the provided object does not match the namespace sent on the request',
  },
  {
    name: 'a name in the body unlike the URL',
    rule: 'API-12',
    run: (c) => {
      c.post(pods, pod('p'))
      return c.put(`${pods}/p`, pod('q'))
    },
    status: 400,
    reason: 'BadRequest',
    message: 'the name of the object (q) does not match the name on the URL (p)',
  },
  {
    name: 'a resourceVersion on create',
    rule: 'API-10',
    run: (c) => c.post(pods, { ...pod('p'), metadata: { name: 'p', resourceVersion: '5' } }),
    status: 500,
    reason: 'InternalError',
    message: 'Internal error occurred: resourceVersion should not be set on objects to be created',
  },
  {
    name: 'a label selector that does not parse',
    rule: 'API-19',
    run: (c) => c.get(pods, { labelSelector: 'component not in (kube-apiserver)' }),
    status: 400,
    reason: 'BadRequest',
    message:
      'Unable to find "/v1, Resource=pods" that match label selector "component not in (kube-apiserver)", field selector "": unable to parse requirement: found \'not\', expected: in, notin, =, ==, !=, gt, lt',
  },
  {
    name: 'a field selector on an unsupported field',
    rule: 'API-19',
    run: (c) => c.get('/api/v1/namespaces/default/events', { fieldSelector: 'message=whatever' }),
    status: 400,
    reason: 'BadRequest',
    message: 'Unable to find "/v1, Resource=events" that match label selector "", field selector "message=whatever": field label not supported: message',
  },
  {
    name: 'deleting the default namespace',
    rule: 'DEFAULTS',
    run: (c) => c.del('/api/v1/namespaces/default'),
    status: 403,
    reason: 'Forbidden',
    message: 'namespaces "default" is forbidden: this namespace may not be deleted',
  },
]

describe('upstream messages for common mistakes', () => {
  test.each(rows)('$rule $name', ({ run, status, reason, message }) => {
    const c = testClient()
    const res = run(c)
    expect(res.status).toBe(status)
    expect((res.body as { reason?: string }).reason).toBe(reason)
    expect(messageOf(res)).toBe(message)
  })

  test('API-7 invalid objects leave the store unchanged', () => {
    const c = testClient()
    const before = c.get(deploys).body as { metadata: { resourceVersion: string } }
    expect(c.post(deploys, deployment('web', 'nginx', -1)).status).toBe(422)
    const after = c.get(deploys).body as { metadata: { resourceVersion: string } }
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion)
  })

  test('API-7 a 422 carries one cause per field error, with the field path', () => {
    const c = testClient()
    const res = c.post(pods, withContainers([{ name: 'Bad_Name' }]))
    const details = (res.body as { details: { kind: string; name: string; causes: { reason: string; field: string; message: string }[] } }).details
    expect(details.kind).toBe('Pod')
    expect(details.name).toBe('p')
    expect(details.causes.map((x) => [x.reason, x.field])).toEqual([
      ['FieldValueInvalid', 'spec.containers[0].name'],
      ['FieldValueRequired', 'spec.containers[0].image'],
    ])
  })
})
