/** The non-table printers of `kubectl get`: -o name, -o json and -o yaml. */
import { stringify } from 'yaml'
import type { ApiResource } from '../parser/index'

/** `kind.group/name` lower-cased, as the name printer writes it (`pod/web`, `deployment.apps/web`). */
// Mirrors staging/src/k8s.io/cli-runtime/pkg/printers/name.go
export function nameLine(r: ApiResource, name: string): string {
  const kind = (r.group === '' ? r.kind : `${r.kind}.${r.group}`).toLowerCase()
  return `${kind}/${name}\n`
}

/** A copy with every object's keys sorted, as Go's encoding/json prints an unstructured map. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (typeof v !== 'object' || v === null) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k])
  return out
}

/** json.MarshalIndent(obj, "", "    ") plus a newline, HTML-escaping <, > and & as Go does. */
// Mirrors staging/src/k8s.io/cli-runtime/pkg/printers/json.go JSONPrinter
export function printJson(obj: unknown): string {
  const text = JSON.stringify(sortKeys(obj), null, 4)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
  return `${text}\n`
}

/** YAML in sigs.k8s.io/yaml's style: sorted keys, 2-space indent, list items not indented under their key. */
// Mirrors staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go YAMLPrinter
export function printYaml(obj: unknown): string {
  return stringify(sortKeys(obj), { indentSeq: false, lineWidth: 0 })
}

/** The List kubectl's printGeneric builds around several objects (pkg/cmd/get/get.go). */
export function listOf(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }
}
