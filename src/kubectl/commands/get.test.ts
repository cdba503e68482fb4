import { describe, expect, test } from 'vitest'
import { runKubectl } from '../kubectl'
import { webCluster } from '../testCluster'

const ctx = webCluster()
const P1 = 'web-7d4bcbbf5b-c6q2k'
const P2 = 'web-7d4bcbbf5b-jqzvw'

const rows: { name: string; line: string; stdout: string; stderr?: string; exitCode?: number }[] = [
  {
    name: 'GET-1 pods table',
    line: 'kubectl get pods',
    stdout: `NAME                   READY   STATUS    RESTARTS   AGE
${P1}   1/1     Running   0          60s
${P2}   1/1     Running   0          60s
`,
  },
  {
    name: 'GET-2 several types: kind prefixes and a blank line between tables',
    line: 'kubectl get deploy,rs',
    stdout: `NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           60s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-7d4bcbbf5b   2         2         2       60s
`,
  },
  {
    name: 'GET-3 -o wide',
    line: 'kubectl get pods -o wide',
    stdout: `NAME                   READY   STATUS    RESTARTS   AGE   IP          NODE     NOMINATED NODE   READINESS GATES
${P1}   1/1     Running   0          60s   10.64.0.2   node-1   <none>           <none>
${P2}   1/1     Running   0          60s   10.64.1.2   node-2   <none>           <none>
`,
  },
  {
    name: 'GET-4 -o name of one pod',
    line: `kubectl get pod ${P1} -o name`,
    stdout: `pod/${P1}\n`,
  },
  {
    name: 'GET-4 TYPE/NAME -o name',
    line: 'kubectl get deployment.apps/web -o name',
    stdout: 'deployment.apps/web\n',
  },
  {
    name: 'GET-5 -l with --show-labels',
    line: 'kubectl get po -l app=web --show-labels --no-headers',
    stdout: `${P1}   1/1   Running   0     60s   app=web,pod-template-hash=7d4bcbbf5b
${P2}   1/1   Running   0     60s   app=web,pod-template-hash=7d4bcbbf5b
`,
  },
  {
    name: 'GET-5 -l matching nothing',
    line: 'kubectl get pods -l app=none',
    stdout: '',
    stderr: 'No resources found in default namespace.\n',
  },
  {
    name: 'GET-6 empty namespace via -n',
    line: 'kubectl get pods -n kube-system',
    stdout: '',
    stderr: 'No resources found in kube-system namespace.\n',
  },
  {
    name: 'GET-6 -A adds NAMESPACE',
    line: 'kubectl get deploy -A',
    stdout: `NAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE
default     web    2/2     2            2           60s
`,
  },
  {
    name: 'GET-6 --field-selector',
    line: 'kubectl get pods --field-selector spec.nodeName=node-2 -o name',
    stdout: `pod/${P2}\n`,
  },
  {
    name: 'GET-7 not found',
    line: 'kubectl get pod nope',
    stdout: '',
    stderr: 'Error from server (NotFound): pods "nope" not found\n',
    exitCode: 1,
  },
  {
    name: 'GET-7 unknown type',
    line: 'kubectl get foo',
    stdout: '',
    stderr: 'error: the server doesn\'t have a resource type "foo"\n',
    exitCode: 1,
  },
  {
    name: 'GET-8 no type',
    line: 'kubectl get',
    stdout: '',
    stderr:
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    exitCode: 1,
  },
  {
    name: 'GET-8 bad output format',
    line: 'kubectl get pods -o xml',
    stdout: '',
    stderr:
      'error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    exitCode: 1,
  },
]

describe('kubectl get', () => {
  test.each(rows)('$name', ({ line, stdout, stderr = '', exitCode = 0 }) => {
    expect(runKubectl(line, ctx)).toEqual({ stdout, stderr, exitCode })
  })

  test('GET-9 -o json of a list: a v1 List, 4-space indent, items with apiVersion and kind', () => {
    const r = runKubectl('kubectl get pods -o json', ctx)
    expect(r.exitCode).toBe(0)
    expect(r.stdout.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n')).toBe(true)
    const list = JSON.parse(r.stdout) as {
      kind: string
      items: { apiVersion: string; kind: string; metadata: { name: string } }[]
    }
    expect(list.kind).toBe('List')
    expect(list.items.map((i) => [i.apiVersion, i.kind, i.metadata.name])).toEqual([
      ['v1', 'Pod', P1],
      ['v1', 'Pod', P2],
    ])
  })

  test.each([
    {
      name: 'json',
      line: 'kubectl get deploy web -o json',
      parse: (s: string): unknown => JSON.parse(s),
    },
  ])('GET-9 -o $name of one object is the object itself', ({ line, parse }) => {
    const obj = parse(runKubectl(line, ctx).stdout) as { apiVersion: string; kind: string }
    expect([obj.apiVersion, obj.kind]).toEqual(['apps/v1', 'Deployment'])
  })

  test('GET-10 -o yaml: sorted keys, list items not indented', () => {
    const r = runKubectl('kubectl get deploy web -o yaml', ctx)
    expect(r.stdout.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n')).toBe(true)
    expect(r.stdout).toContain('\n      containers:\n      - image: nginx:1.25\n')
  })
})
