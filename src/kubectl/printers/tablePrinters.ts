import type { KubeObject } from '../../cluster/api/types'
import { formatLabels } from './labelFormat'
import { podRow } from './podRow'
import {
  configMapRow,
  deploymentRow,
  endpointsRow,
  eventRow,
  hpaRow,
  ingressRow,
  namespaceRow,
  nodeRow,
  replicaSetRow,
  secretRow,
  serviceAccountRow,
  serviceRow,
} from './resourceRows'
import { tabwrite } from './tabwriter'

// Column definitions mirror AddHandlers in pkg/printers/internalversion/printers.go;
// printing mirrors printTable and decorateTable in
// staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go.

/** A metav1.TableColumnDefinition reduced to what kubectl prints: priority 1 shows only with -o wide. */
export interface ColumnDefinition {
  name: string
  priority: 0 | 1
}

/** The kinds kubectl can print as a table. */
export type PrintableKind =
  | 'Pod'
  | 'Deployment'
  | 'ReplicaSet'
  | 'Service'
  | 'Node'
  | 'Namespace'
  | 'Endpoints'
  | 'ConfigMap'
  | 'Secret'
  | 'ServiceAccount'
  | 'Event'
  | 'HorizontalPodAutoscaler'
  | 'Ingress'

/** A row function: (object, now, wide) → the cells, wide ones included only when wide. */
type RowFunc = (obj: never, nowMs: number, wide: boolean) => string[]

interface TableHandler {
  /** The API group, for the `kind.group/name` that --show-kind and multi-type gets print. */
  group: string
  columns: ColumnDefinition[]
  row: RowFunc
}

const col = (name: string, priority: 0 | 1 = 0): ColumnDefinition => ({ name, priority })
const containerColumns = [col('Containers', 1), col('Images', 1), col('Selector', 1)]

const HANDLERS: Record<PrintableKind, TableHandler> = {
  Pod: {
    group: '',
    columns: [
      col('Name'),
      col('Ready'),
      col('Status'),
      col('Restarts'),
      col('Age'),
      col('IP', 1),
      col('Node', 1),
      col('Nominated Node', 1),
      col('Readiness Gates', 1),
    ],
    row: podRow,
  },
  Deployment: {
    group: 'apps',
    columns: [
      col('Name'),
      col('Ready'),
      col('Up-to-date'),
      col('Available'),
      col('Age'),
      ...containerColumns,
    ],
    row: deploymentRow,
  },
  ReplicaSet: {
    group: 'apps',
    columns: [
      col('Name'),
      col('Desired'),
      col('Current'),
      col('Ready'),
      col('Age'),
      ...containerColumns,
    ],
    row: replicaSetRow,
  },
  Service: {
    group: '',
    columns: [
      col('Name'),
      col('Type'),
      col('Cluster-IP'),
      col('External-IP'),
      col('Port(s)'),
      col('Age'),
      col('Selector', 1),
    ],
    row: serviceRow,
  },
  Node: {
    group: '',
    columns: [
      col('Name'),
      col('Status'),
      col('Roles'),
      col('Age'),
      col('Version'),
      col('Internal-IP', 1),
      col('External-IP', 1),
      col('OS-Image', 1),
      col('Kernel-Version', 1),
      col('Container-Runtime', 1),
    ],
    row: nodeRow,
  },
  Namespace: { group: '', columns: [col('Name'), col('Status'), col('Age')], row: namespaceRow },
  Endpoints: { group: '', columns: [col('Name'), col('Endpoints'), col('Age')], row: endpointsRow },
  ConfigMap: { group: '', columns: [col('Name'), col('Data'), col('Age')], row: configMapRow },
  Secret: {
    group: '',
    columns: [col('Name'), col('Type'), col('Data'), col('Age')],
    row: secretRow,
  },
  ServiceAccount: {
    group: '',
    columns: [col('Name'), col('Secrets'), col('Age')],
    row: serviceAccountRow,
  },
  Event: {
    group: '',
    columns: [
      col('Last Seen'),
      col('Type'),
      col('Reason'),
      col('Object'),
      col('Subobject', 1),
      col('Source', 1),
      col('Message'),
      col('First Seen', 1),
      col('Count', 1),
      col('Name', 1),
    ],
    row: eventRow,
  },
  HorizontalPodAutoscaler: {
    group: 'autoscaling',
    columns: [
      col('Name'),
      col('Reference'),
      col('Targets'),
      col('MinPods'),
      col('MaxPods'),
      col('Replicas'),
      col('Age'),
    ],
    row: hpaRow,
  },
  Ingress: {
    group: 'networking.k8s.io',
    columns: [col('Name'), col('Class'), col('Hosts'), col('Address'), col('Ports'), col('Age')],
    row: ingressRow,
  },
}

/** Whether kubectl has a table printer for this kind here. */
export function isPrintableKind(kind: string): kind is PrintableKind {
  return Object.hasOwn(HANDLERS, kind)
}

/** The column definitions of a kind, wide ones included. */
export function columnDefinitions(kind: PrintableKind): readonly ColumnDefinition[] {
  return HANDLERS[kind].columns
}

/** The cells of one object's row (wide cells only when wide), before decoration. */
export function rowCells(
  kind: PrintableKind,
  obj: KubeObject,
  nowMs: number,
  wide: boolean,
): string[] {
  // Row functions take their own kubernetes-types shape; kind selects the matching one.
  return (HANDLERS[kind].row as (o: KubeObject, n: number, w: boolean) => string[])(
    obj,
    nowMs,
    wide,
  )
}

/** `kind.group`, lower-cased, as schema.GroupKind.String() prints it for --show-kind. */
export function kindPrefix(kind: PrintableKind): string {
  const group = HANDLERS[kind].group
  return (group ? `${kind}.${group}` : kind).toLowerCase()
}

/** What printTable needs besides the objects. */
export interface PrintTableOptions {
  nowMs: number
  wide?: boolean
  /** Prefix names with `kind.group/` (--show-kind, or several types in one get). */
  showKind?: boolean
  /** Append a LABELS column (--show-labels). */
  showLabels?: boolean
  /** Prepend a NAMESPACE column (-A / --all-namespaces). */
  namespaceColumn?: boolean
  /** Leave out the header line (--no-headers). */
  noHeaders?: boolean
  /** Extra columns, one per label key (-L / --label-columns). */
  labelColumns?: string[]
}

/**
 * Lays out the objects as `kubectl get` does: upper-case header, columns aligned by the
 * tabwriter, the last column unpadded, one line per object with a trailing newline.
 * Returns '' for no objects; the caller prints noResourcesFound() to stderr then.
 */
export function printTable(
  kind: PrintableKind,
  objects: readonly KubeObject[],
  options: PrintTableOptions,
): string {
  if (objects.length === 0) return ''
  const wide = options.wide ?? false
  const handler = HANDLERS[kind]
  const lines: string[][] = []
  if (!options.noHeaders) {
    const header = handler.columns
      .filter((c) => wide || c.priority === 0)
      .map((c) => c.name.toUpperCase())
    if (options.namespaceColumn) header.unshift('NAMESPACE')
    if (options.showLabels) header.push('LABELS')
    for (const key of options.labelColumns ?? []) {
      // formatLabelHeaders: the last path segment of the key, upper-cased.
      header.push((key.split('/').pop() ?? key).toUpperCase())
    }
    lines.push(header)
  }
  // The name column is the one with Format "name"; for Event it is the wide-only last column.
  const nameIndex = handler.columns
    .filter((c) => wide || c.priority === 0)
    .findIndex((c) => c.name === 'Name')
  for (const obj of objects) {
    const cells = rowCells(kind, obj, options.nowMs, wide).map(sanitizeCell)
    if (options.showKind && nameIndex >= 0 && cells[nameIndex] !== undefined) {
      cells[nameIndex] = `${kindPrefix(kind)}/${cells[nameIndex]}`
    }
    const labels = obj.metadata?.labels ?? {}
    if (options.namespaceColumn) cells.unshift(obj.metadata?.namespace ?? '')
    if (options.showLabels) cells.push(formatLabels(labels))
    for (const key of options.labelColumns ?? []) cells.push(labels[key] ?? '')
    lines.push(cells)
  }
  return tabwrite(lines.map((cells) => `${cells.join('\t')}\n`).join(''))
}

/** printTable cuts a string cell at its first \f, \n or \r and marks the cut with `...`. */
function sanitizeCell(cell: string): string {
  const cut = cell.search(/[\f\n\r]/)
  return cut >= 0 ? `${cell.slice(0, cut)}...` : cell
}

/**
 * The stderr line of `kubectl get` when nothing matched (pkg/cmd/get/get.go):
 * `No resources found in <ns> namespace.` for a namespaced request, else `No resources found`.
 */
export function noResourcesFound(
  namespace?: string,
  allNamespaces = false,
  namespaced = true,
): string {
  if (namespace && namespaced && !allNamespaces)
    return `No resources found in ${namespace} namespace.`
  return 'No resources found'
}
