import { describe, expect, test } from 'vitest'
import { runKubectl } from '../kubectl'
import { webCluster } from '../testCluster'

interface Row {
  name: string
  setup?: string[]
  line: string
  stdout: string
  stderr?: string
  exitCode?: number
}

const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: x
  name: x
spec:
  containers:
  - image: nginx
    name: x
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`

const rows: Row[] = [
  { name: 'RUN-1 creates the pod', line: 'kubectl run x --image=nginx', stdout: 'pod/x created\n' },
  {
    name: 'RUN-1 AlreadyExists',
    setup: ['kubectl run x --image=nginx'],
    line: 'kubectl run x --image=nginx',
    stdout: '',
    stderr: 'Error from server (AlreadyExists): pods "x" already exists\n',
    exitCode: 1,
  },
  {
    name: 'RUN-2 --dry-run=client -o yaml is the object kubectl builds',
    line: 'kubectl run x --image=nginx --dry-run=client -o yaml',
    stdout: POD_YAML,
  },
  {
    name: 'RUN-2 port, labels, restart and args after --',
    line: 'kubectl run x --image=nginx --port=80 --labels=a=b,c=d --restart=Never --dry-run=client -o yaml -- sleep 10',
    stdout: `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    a: b
    c: d
  name: x
spec:
  containers:
  - args:
    - sleep
    - "10"
    image: nginx
    name: x
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`,
  },
  {
    name: 'RUN-3 client dry run',
    line: 'kubectl run x --image=nginx --dry-run=client',
    stdout: 'pod/x created (dry run)\n',
  },
  {
    name: 'RUN-3 server dry run does not persist',
    setup: ['kubectl run x --image=nginx --dry-run=server'],
    line: 'kubectl run x --image=nginx --dry-run=server',
    stdout: 'pod/x created (server dry run)\n',
  },
  { name: 'RUN-3 -o name', line: 'kubectl run x --image=nginx -o name', stdout: 'pod/x\n' },
  {
    name: 'RUN-4 --image is required',
    line: 'kubectl run x',
    stdout: '',
    stderr: 'error: required flag(s) "image" not set\n',
    exitCode: 1,
  },
  {
    name: 'RUN-4 invalid restart policy',
    line: 'kubectl run x --image=nginx --restart=Sometimes',
    stdout: '',
    stderr:
      "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n",
    exitCode: 1,
  },
]

describe('kubectl run', () => {
  test.each(rows)('$name', ({ setup = [], line, stdout, stderr = '', exitCode = 0 }) => {
    const ctx = webCluster()
    for (const s of setup) runKubectl(s, ctx)
    expect(runKubectl(line, ctx)).toEqual({ stdout, stderr, exitCode })
  })

  test('RUN-1 the created pod carries run=NAME and the --command words', () => {
    const ctx = webCluster()
    expect(runKubectl('kubectl run x --image=busybox --command -- sleep 5', ctx).exitCode).toBe(0)
    const pod = JSON.parse(runKubectl('kubectl get pod x -o json', ctx).stdout) as {
      metadata: { labels: Record<string, string> }
      spec: { containers: { command?: string[]; args?: string[] }[] }
    }
    expect(pod.metadata.labels).toEqual({ run: 'x' })
    expect(pod.spec.containers[0]?.command).toEqual(['sleep', '5'])
    expect(pod.spec.containers[0]?.args).toBeUndefined()
  })
})
