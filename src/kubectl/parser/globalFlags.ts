import type { FlagSpec } from './flagSpec'

/** kubectl's persistent flags (`kubectl options`), accepted by every command. */
export const globalFlags: readonly FlagSpec[] = [
  {
    name: 'namespace',
    shorthand: 'n',
    type: 'string',
    usage: 'If present, the namespace scope for this CLI request',
  },
  { name: 'v', shorthand: 'v', type: 'int', usage: 'number for the log level verbosity' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  {
    name: 'server',
    shorthand: 's',
    type: 'string',
    usage: 'The address and port of the Kubernetes API server',
  },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server' },
  {
    name: 'as',
    type: 'string',
    usage:
      'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.',
  },
  {
    name: 'as-group',
    type: 'stringArray',
    usage:
      'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
  },
  {
    name: 'request-timeout',
    type: 'string',
    default: '0',
    usage:
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  },
  {
    name: 'insecure-skip-tls-verify',
    type: 'bool',
    usage:
      "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
  },
  {
    name: 'warnings-as-errors',
    type: 'bool',
    usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code',
  },
]

/** `-A, --all-namespaces`, declared by the listing commands (get, describe, delete, ...), not globally. */
export const allNamespacesFlag: FlagSpec = {
  name: 'all-namespaces',
  shorthand: 'A',
  type: 'bool',
  usage:
    'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
}

/** `-o, --output`, declared by commands that print objects; each command validates the format itself. */
export const outputFlag: FlagSpec = {
  name: 'output',
  shorthand: 'o',
  type: 'string',
  usage:
    'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
}

/** cobra's implicit `-h, --help`, added to every command that does not declare its own. */
export const helpFlag: FlagSpec = {
  name: 'help',
  shorthand: 'h',
  type: 'bool',
  usage: 'help for this command',
}
