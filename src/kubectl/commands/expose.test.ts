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

const rows: Row[] = [
  {
    name: 'EXP-1 service/NAME exposed',
    line: 'kubectl expose deployment web --port=80',
    stdout: 'service/web exposed\n',
  },
  {
    name: 'EXP-1 the Service kubectl builds',
    line: 'kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort --dry-run=client -o yaml',
    stdout: `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`,
  },
  {
    name: 'EXP-2 --name and --type',
    line: 'kubectl expose deploy/web --port=80 --name=web-lb --type=LoadBalancer -o name',
    stdout: 'service/web-lb\n',
  },
  {
    name: 'EXP-2 ports copied from the pod template',
    setup: ['kubectl create deployment api --image=nginx --port=8080'],
    line: 'kubectl expose deployment api',
    stdout: 'service/api exposed\n',
  },
  {
    name: 'EXP-3 AlreadyExists',
    setup: ['kubectl expose deployment web --port=80'],
    line: 'kubectl expose deployment web --port=80',
    stdout: '',
    stderr: 'Error from server (AlreadyExists): services "web" already exists\n',
    exitCode: 1,
  },
  {
    name: 'EXP-3 NotFound',
    line: 'kubectl expose deployment nope --port=80',
    stdout: '',
    stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    exitCode: 1,
  },
  {
    name: 'EXP-3 no port anywhere',
    line: 'kubectl expose deployment web',
    stdout: '',
    stderr:
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n",
    exitCode: 1,
  },
]

describe('kubectl expose', () => {
  test.each(rows)('$name', ({ setup = [], line, stdout, stderr = '', exitCode = 0 }) => {
    const ctx = webCluster()
    for (const s of setup) runKubectl(s, ctx)
    expect(runKubectl(line, ctx)).toEqual({ stdout, stderr, exitCode })
  })

  test('EXP-1 the created Service selects the deployment pods, targetPort defaults to port', () => {
    const ctx = webCluster()
    runKubectl('kubectl expose deployment web --port=80', ctx)
    const svc = JSON.parse(runKubectl('kubectl get svc web -o json', ctx).stdout) as {
      spec: {
        selector: Record<string, string>
        ports: { port: number; targetPort: number }[]
        type: string
      }
    }
    expect(svc.spec.selector).toEqual({ app: 'web' })
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80 })
    expect(svc.spec.type).toBe('ClusterIP')
  })
})
