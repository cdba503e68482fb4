/**
 * The root-ca-cert-publisher: every active namespace has the `kube-root-ca.crt` ConfigMap that
 * pods mount to trust the API server; it is made again if deleted. The certificate is a
 * placeholder (there is no TLS in the simulation).
 * Mirrors pkg/controller/certificates/rootcacertpublisher/publisher.go
 */
import type { StoredObject } from '../../api/types'
import type { ComponentContext } from '../runtime/context'
import { startController } from '../runtime/controller'

const configMapName = 'kube-root-ca.crt'
const placeholderCert = '-----BEGIN CERTIFICATE-----\nS3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgQ0E=\n-----END CERTIFICATE-----\n'
const description =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'

/** Start the controller; returns stop(). */
export function startRootCACertPublisher(ctx: ComponentContext): { stop(): void } {
  const namespaces = ctx.informers.informer('Namespace')
  const configMaps = ctx.informers.informer('ConfigMap')
  const controller = startController(
    ctx.clock,
    'root-ca-cert-publisher',
    (name) => {
      const ns = namespaces.get(name)
      if (!ns || ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase !== 'Active') return
      if (configMaps.get(`${name}/${configMapName}`)) return
      const res = ctx.client.create('ConfigMap', name, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: configMapName, namespace: name, annotations: { 'kubernetes.io/description': description } },
        data: { 'ca.crt': placeholderCert },
      })
      if (!res.ok && res.status.reason !== 'AlreadyExists') return { retry: res.status.message ?? 'create failed' }
      return undefined
    },
    ctx.onError,
  )
  namespaces.addHandlers({ add: (ns) => controller.queue.add(ns.metadata.name), update: (_o, ns) => controller.queue.add(ns.metadata.name) })
  configMaps.addHandlers({
    delete: (cm: StoredObject) => {
      if (cm.metadata.name === configMapName && cm.metadata.namespace) controller.queue.add(cm.metadata.namespace)
    },
  })
  return { stop: () => {} }
}
