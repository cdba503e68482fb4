/**
 * Test helpers for the pod and container validators: a Pod and a Container as the API server
 * holds them after defaulting, ways to vary them in table rows, and the upstream messages
 * several test files expect.
 */
import type { Pod } from 'kubernetes-types/core/v1'
import { errorText, fieldPath } from '../field'
import { validateContainers, type ContainerContext } from './container'
import { validatePod } from './pod'

/** A JSON object. */
export type Obj = Record<string, unknown>

/** A change to a Pod, given the pod, its spec and its first container. */
export type Mutate = (pod: Obj, spec: Obj, ctr: Obj) => void

/** A table row: a change to the base Pod and the errors validatePod then reports. */
export interface PodRow {
  name: string
  mutate: Mutate
  want: string[]
}

/** A table row: a change to the base Container and the errors validateContainers reports. */
export interface ContainerRow {
  name: string
  mutate: (c: Obj) => void
  want: string[]
}

/** A Pod as the API server holds it after defaulting and ServiceAccount admission. */
export function basePod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'u-1',
      resourceVersion: '7',
      labels: { app: 'web' },
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
          env: [
            { name: 'MODE', value: 'prod' },
            {
              name: 'POD_NAME',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
            },
          ],
          resources: {
            requests: { cpu: '100m', memory: '64Mi' },
            limits: { cpu: '500m', memory: '128Mi' },
          },
          livenessProbe: {
            httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            tcpSocket: { port: 'http' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          volumeMounts: [
            { name: 'data', mountPath: '/data' },
            {
              name: 'kube-api-access-x7k2p',
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      volumes: [
        { name: 'data', emptyDir: {} },
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      path: 'namespace',
                      fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
  }
}

/** A deep copy of a JSON value. */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** The value seen as a JSON object (tests only: the rows know the shapes they build). */
export const asObj = (v: unknown): Obj => v as Obj

/** The base Pod with one change applied. */
export function podWith(mutate: Mutate): Obj {
  const pod = basePod()
  const spec = asObj(pod.spec)
  mutate(pod, spec, asObj((spec.containers as unknown[])[0]))
  return pod
}

/** validatePod's errors for a pod, as text. */
export const createErrors = (pod: Obj): string[] => validatePod(pod as Pod).map(errorText)

/** A Container as defaulting leaves it. */
export function baseContainer(): Obj {
  return {
    name: 'app',
    image: 'demo/api:1.0',
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ],
    envFrom: [{ configMapRef: { name: 'app-config' } }],
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  }
}

/** The pod a container is checked in: one emptyDir volume "data", restartPolicy Always. */
export const containerContext = (): ContainerContext => ({
  vols: new Map([['data', { name: 'data', emptyDir: {} }]]),
  podClaimNames: new Set(),
  gracePeriod: 30,
  restartPolicy: 'Always',
  hostUsers: true,
})

/** spec.containers */
export const containersPath = fieldPath('spec', 'containers')

/** validateContainers' errors for these containers in containerContext(), as text. */
export const containerErrors = (containers: unknown[]): string[] =>
  validateContainers(containers, containerContext(), containersPath).map(errorText)

/** The containerErrors of the base Container after one change. */
export function containerWith(mutate: (c: Obj) => void): string[] {
  const c = baseContainer()
  mutate(c)
  return containerErrors([c])
}

/** isDNS1123Subdomain's message. */
export const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
/** isDNS1123Label's message. */
export const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
/** isValidLabelValue's message. */
export const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
/** isQualifiedName's message for a bad name part. */
export const namePartMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
