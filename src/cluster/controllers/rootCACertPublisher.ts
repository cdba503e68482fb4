/**
 * The root-ca-cert-publisher: every namespace gets the `kube-root-ca.crt` ConfigMap that pods
 * mount to trust the API server. The certificate is a placeholder (there is no TLS here).
 * Mirrors pkg/controller/certificates/rootcacertpublisher/publisher.go
 */
import type { ApiServer } from '../apiserver/apiserver'
import { isObject } from '../util/json'

const configMapName = 'kube-root-ca.crt'
const placeholderCert = '-----BEGIN CERTIFICATE-----\nS3ViZXBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgQ0E=\n-----END CERTIFICATE-----\n'

/** Start the controller; returns stop(). */
export function startRootCACertPublisher(api: ApiServer): () => void {
  return api.watch({ method: 'GET', path: '/api/v1/namespaces' }, (event) => {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return
    const ns = event.object
    if (!isObject(ns.metadata) || typeof ns.metadata.name !== 'string' || ns.metadata.deletionTimestamp) return
    const name = ns.metadata.name
    const path = `/api/v1/namespaces/${name}/configmaps`
    if (api.handle({ method: 'GET', path: `${path}/${configMapName}` }).status === 200) return
    api.handle({
      method: 'POST',
      path,
      body: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: configMapName, namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
        data: { 'ca.crt': placeholderCert },
      },
    })
  })
}
