import { load } from 'js-yaml';
import { find, type Manifest, manifests, read, run, runOk, tool } from './tools';

// helm/market, checked with the real Helm CLI, kubeconform with the Kubernetes schemas (offline) and Kubernetes'
// own Pod Security admission checks (deploy/pod-security). See helm/README.md#how-it-is-checked.

const chart = 'helm/market';
const production = ['-f', 'helm/market/ci/production-values.yaml'];
// A release name of 53 characters, the most Helm allows, without "market" in it (so the chart name is appended).
const longRelease = 'a-very-long-release-name-for-the-shop-in-production-x';

interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  livenessProbe?: { exec?: { command: string[] }; httpGet?: unknown };
  readinessProbe?: { exec?: { command: string[] }; httpGet?: unknown };
}
interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string } }[];
}
interface Workload {
  replicas?: number;
  selector: { matchLabels: Record<string, string> };
  template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
}
const workload = (doc: Manifest) => doc.spec as unknown as Workload;
const podSpec = (doc: Manifest) => workload(doc).template.spec;

/**
 * The `helm upgrade --install …` command of a Markdown file, exactly as documented, turned into its argument list
 * by bash itself (quotes, `$(…)` and line continuations included).
 */
function documentedHelmArgs(file: string): string[] {
  const lines = read(file).split('\n');
  const start = lines.findIndex((l) => l.startsWith('helm upgrade --install '));
  expect([file, start]).not.toEqual([file, -1]);
  let end = start;
  while (lines[end]!.trimEnd().endsWith('\\')) end++;
  const command = lines.slice(start, end + 1).join('\n');
  const printed = runOk('bash', ['-c', `helm() { printf '%s\\0' "$@"; }\n${command}`]);
  const args = printed.split('\0').slice(0, -1);
  expect(args.slice(0, 2)).toEqual(['upgrade', '--install']);
  return args.slice(2);
}

/** The arguments without the `--set <key>=…` pair for this key. */
function withoutSet(args: string[], key: string): string[] {
  const i = args.findIndex((a, n) => args[n - 1] === '--set' && a.startsWith(`${key}=`));
  expect([key, i]).not.toEqual([key, -1]);
  return [...args.slice(0, i - 1), ...args.slice(i + 1)];
}

describe('the Helm chart', () => {
  let helm: string;
  let kubeconform: string;
  let podSecurity: string;
  let documented: string[];
  const template = (args: readonly string[]) => runOk(helm, ['template', ...args]);

  beforeAll(() => {
    helm = tool('MARKET_TEST_HELM', 'helm');
    kubeconform = tool('MARKET_TEST_KUBECONFORM', 'kubeconform');
    tool('MARKET_TEST_KUBE_SCHEMAS', 'kubeconform');
    podSecurity = tool('MARKET_TEST_POD_SECURITY', 'pod-security');
    documented = documentedHelmArgs('helm/README.md');
  });

  test('is Helm 4', () => {
    expect(runOk(helm, ['version', '--template', '{{.Version}}'])).toMatch(/^v4\.\d+\.\d+$/);
  });

  test('the install commands of helm/README.md and docs/deployment.md render', () => {
    expect(documented.slice(0, 2)).toEqual(['market', chart]);
    for (const args of [documented, documentedHelmArgs('docs/deployment.md')]) {
      const docs = manifests(template(args));
      expect(docs.map((d) => d.kind)).toEqual(expect.arrayContaining(['Deployment', 'Job', 'ConfigMap']));
    }
  });

  test('helm install --dry-run=client of the documented values prints the release notes', () => {
    // Client-side only: no cluster is contacted (KUBECONFIG points nowhere).
    const out = runOk(helm, ['install', ...documented, '--dry-run=client'], {
      env: { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' },
    });
    expect(out).toContain('NOTES:');
    expect(out).toMatch(/web {5}2 pod\(s\), Service market:80/);
    expect(out).toContain('migrations ran in Job market-migrate');
    expect(out).not.toContain('WARNING');
  });

  test('helm lint --strict passes with the documented values and with the production values', () => {
    for (const values of [documented.slice(2), production]) {
      const out = runOk(helm, ['lint', '--strict', chart, ...values]);
      expect(out).toContain('1 chart(s) linted, 0 chart(s) failed');
    }
  });

  describe.each([
    ['the documented command', () => documented],
    ['the production values', () => ['market', chart, ...production]],
  ])('rendered with %s', (_name, args) => {
    let rendered: string;
    beforeAll(() => {
      rendered = template(args());
    });

    test.each((process.env.MARKET_TEST_KUBE_VERSIONS ?? '1.30.0,1.37.0').split(','))(
      'every manifest is valid for Kubernetes %s (kubeconform, strict schemas)',
      (version) => {
        const schemas = process.env.MARKET_TEST_KUBE_SCHEMAS!;
        const result = run(
          kubeconform,
          [
            '-strict',
            '-summary',
            '-output',
            'json',
            '-kubernetes-version',
            version,
            '-schema-location',
            `${schemas}/{{.NormalizedKubernetesVersion}}-local{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json`,
            // KEDA's custom resources have no schema there: their fields are checked below.
            '-skip',
            'ScaledObject,TriggerAuthentication',
            '-',
          ],
          { input: rendered },
        );
        const report = JSON.parse(result.stdout) as {
          resources: { name: string; kind: string; status: string; msg: string }[];
          summary: { valid: number; invalid: number; errors: number; skipped: number };
        };
        expect(report.resources.filter((r) => r.status !== 'statusSkipped')).toEqual([]);
        const keda = manifests(rendered).filter((d) => d.apiVersion.startsWith('keda.sh/')).length;
        expect(report.summary).toEqual({
          valid: manifests(rendered).length - keda,
          invalid: 0,
          errors: 0,
          skipped: keda,
        });
        expect(result.status).toBe(0);
      },
    );

    test('every pod (web, worker, the migration Job) passes Pod Security "restricted"', () => {
      const result = run(podSecurity, ['-level', 'restricted'], { input: rendered });
      const verdicts = result.stdout
        .trim()
        .split('\n')
        .map(
          (line) => JSON.parse(line) as { kind: string; name: string; allowed: boolean; forbidden: string[] },
        );
      expect(verdicts.map((v) => `${v.kind} ${v.name.replace(/^.*-/, '')}`).sort()).toEqual([
        'Deployment web',
        'Deployment worker',
        'Job migrate',
      ]);
      expect(verdicts.filter((v) => !v.allowed)).toEqual([]);
      expect(result.status).toBe(0);
    });

    test("no pod mounts a ServiceAccount token, all use the chart's ServiceAccount or the hook's", () => {
      const docs = manifests(rendered);
      const accounts = docs.filter((d) => d.kind === 'ServiceAccount').map((d) => d.metadata.name);
      for (const doc of docs.filter((d) => d.kind === 'Deployment' || d.kind === 'Job')) {
        expect(podSpec(doc).automountServiceAccountToken).toBe(false);
        expect(accounts).toContain(podSpec(doc).serviceAccountName);
      }
    });
  });

  test('the Pod Security check refuses a pod without a seccomp profile (it is not a rubber stamp)', () => {
    const rendered = template([
      ...documented,
      '--set',
      'podSecurityContext.seccompProfile=null',
      '--set',
      'securityContext.seccompProfile=null',
    ]);
    const result = run(podSecurity, ['-level', 'restricted'], { input: rendered });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('seccompProfile');
  });

  test('more than one web pod without Redis does not render', () => {
    const withoutRedis = withoutSet(documented, 'secrets.existingSecretHasRedisUrl');
    for (const extra of [
      ['--set', 'web.replicaCount=2'],
      ['--set', 'web.replicaCount=1', '--set', 'web.autoscaling.enabled=true'],
    ]) {
      const result = run(helm, ['template', ...withoutRedis, ...extra]);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/\d web pods need Redis \(REDIS_URL\)/);
    }
    expect(run(helm, ['template', ...withoutRedis, '--set', 'web.replicaCount=1']).status).toBe(0);
    const chartRedis = [
      '--set',
      'secrets.existingSecret=',
      '--set',
      'secrets.databaseUrl=mysql://u:p@db/market',
    ];
    const secrets = [
      'jwtSecret=x',
      'stripeSecretKey=sk',
      'stripeWebhookSecret=wh',
      'smtpUrl=smtp://m',
    ].flatMap((s) => ['--set', `secrets.${s}`]);
    expect(
      run(helm, [
        'template',
        ...withoutRedis,
        ...chartRedis,
        ...secrets,
        '--set',
        'secrets.redisUrl=redis://r:6379',
      ]).status,
    ).toBe(0);
  });

  test('every name stays within 63 characters with the longest release name', () => {
    const releaseArgs = [longRelease, ...documented.slice(1)];
    for (const args of [releaseArgs, [longRelease, chart, ...production]]) {
      const docs = manifests(template(args));
      const tooLong = docs
        .filter((d) => d.metadata.name.length > 63)
        .map((d) => `${d.kind} ${d.metadata.name}`);
      expect(tooLong).toEqual([]);
      const job = find(docs, 'Job', '-migrate');
      expect(job.metadata.name.startsWith(longRelease.slice(0, 40))).toBe(true);
      expect(job.metadata.name.length).toBeLessThanOrEqual(63);
      // The Job reads the hook-scoped copies of the ConfigMap and Secret (and ServiceAccount): same short name.
      const refs = podSpec(job).containers[0]!.envFrom!.map((e) => e.configMapRef?.name ?? e.secretRef?.name);
      expect(refs).toContain(job.metadata.name);
    }
  });

  test('the web role: an HPA and a PodDisruptionBudget that select its pods', () => {
    const docs = manifests(template(['market', chart, ...production]));
    const web = find(docs, 'Deployment', '-web');
    expect(workload(web).replicas).toBeUndefined();
    const hpa = find(docs, 'HorizontalPodAutoscaler', '-web');
    expect(hpa.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: web.metadata.name },
      minReplicas: 3,
      maxReplicas: 10,
    });
    const pdb = find(docs, 'PodDisruptionBudget', '-web');
    expect(pdb.spec).toMatchObject({
      maxUnavailable: 1,
      selector: { matchLabels: workload(web).selector.matchLabels },
    });
    expect(workload(web).template.metadata.labels).toMatchObject(workload(web).selector.matchLabels);
    // Without autoscaling the Deployment keeps its replica count and there is no HPA.
    const plain = manifests(template(documented));
    expect(workload(find(plain, 'Deployment', '-web')).replicas).toBe(2);
    expect(plain.filter((d) => d.kind === 'HorizontalPodAutoscaler')).toEqual([]);
  });

  test("the web process's heap ceiling: 192 MB by default, none when emptied", () => {
    const web = (args: string[]) =>
      podSpec(find(manifests(template(args)), 'Deployment', '-web')).containers[0]!;
    expect(web(['market', chart, ...production]).command).toEqual([
      'node',
      '--max-old-space-size=192',
      'api/dist/main.js',
      'web',
    ]);
    expect(web(['market', chart, ...production, '--set', 'web.maxOldSpaceMb=']).command).toEqual([
      'node',
      'api/dist/main.js',
      'web',
    ]);
  });

  test('the worker: exec probes, and KEDA scaling on the Temporal task queue when enabled', () => {
    const docs = manifests(template(['market', chart, ...production]));
    const worker = find(docs, 'Deployment', '-worker');
    const container = podSpec(worker).containers[0]!;
    expect(container.livenessProbe?.exec?.command.slice(0, 2)).toEqual(['node', '-e']);
    expect(container.readinessProbe?.exec?.command.join(' ')).toContain('TEMPORAL_ADDRESS');
    expect(workload(worker).replicas).toBeUndefined();

    const values = load(read('helm/market/ci/production-values.yaml')) as {
      config: { temporal: { address: string; namespace: string } };
    };
    const scaled = find(docs, 'ScaledObject', '-worker');
    expect(scaled.apiVersion).toBe('keda.sh/v1alpha1');
    expect(scaled.spec).toMatchObject({
      scaleTargetRef: { name: worker.metadata.name },
      minReplicaCount: 2,
      maxReplicaCount: 20,
      triggers: [
        {
          type: 'temporal',
          metadata: {
            endpoint: values.config.temporal.address,
            namespace: values.config.temporal.namespace,
            taskQueue: 'market',
            queueTypes: 'workflow,activity',
            targetQueueSize: '20',
          },
          authenticationRef: { name: worker.metadata.name },
        },
      ],
    });
    const auth = find(docs, 'TriggerAuthentication', '-worker');
    expect(auth.spec).toEqual({
      secretTargetRef: [
        { parameter: 'apiKey', name: 'market-temporal-api-key', key: 'TEMPORAL_API_KEY' },
        { parameter: 'cert', name: 'market-temporal-mtls', key: 'tls.crt' },
        { parameter: 'key', name: 'market-temporal-mtls', key: 'tls.key' },
      ],
    });

    // Off by default: a fixed replica count, no KEDA objects.
    const plain = manifests(template(documented));
    expect(workload(find(plain, 'Deployment', '-worker')).replicas).toBe(1);
    expect(plain.filter((d) => d.apiVersion.startsWith('keda.sh/'))).toEqual([]);
  });

  test('NetworkPolicies: web pods reachable on their HTTP port only, the others not at all', () => {
    const docs = manifests(template(documented));
    const web = find(docs, 'NetworkPolicy', '-web');
    expect(web.spec).toMatchObject({
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: 'http', protocol: 'TCP' }] }],
    });
    const rest = find(docs, 'NetworkPolicy', '-no-ingress');
    expect(rest.spec).toMatchObject({ policyTypes: ['Ingress'] });
    expect(rest.spec).not.toHaveProperty('ingress');
  });

  test('workflow stack traces: off unless config.temporal.workflowStackTraces says so', () => {
    const configOf = (args: string[]) =>
      find(manifests(template(['market', chart, ...production, ...args])), 'ConfigMap', 'market').data!;
    expect(configOf([]).WORKFLOW_STACK_TRACES).toBe('false');
    expect(configOf(['--set', 'config.temporal.workflowStackTraces=true']).WORKFLOW_STACK_TRACES).toBe(
      'true',
    );
  });

  test('Temporal TLS and API key reach every pod as the variables the app reads', () => {
    const docs = manifests(template(['market', chart, ...production]));
    const config = find(docs, 'ConfigMap', 'market').data!;
    expect(config).toMatchObject({
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_CERT_PATH: '/etc/market/temporal-tls/tls.crt',
      TEMPORAL_TLS_KEY_PATH: '/etc/market/temporal-tls/tls.key',
      TEMPORAL_TLS_SERVER_NAME: 'market.a1b2c.tmprl.cloud',
    });
    expect(config).not.toHaveProperty('TEMPORAL_TLS_CA_PATH'); // caCert: false in these values
    expect(config).not.toHaveProperty('TEMPORAL_API_KEY');
    for (const doc of [
      find(docs, 'Deployment', '-web'),
      find(docs, 'Deployment', '-worker'),
      find(docs, 'Job'),
    ]) {
      const spec = podSpec(doc);
      const mount = spec.containers[0]!.volumeMounts!.find((m) => m.name === 'temporal-tls');
      expect(mount).toEqual({ name: 'temporal-tls', mountPath: '/etc/market/temporal-tls', readOnly: true });
      expect(spec.volumes!.find((v) => v.name === 'temporal-tls')?.secret?.secretName).toBe(
        'market-temporal-mtls',
      );
    }
    for (const doc of [find(docs, 'Deployment', '-web'), find(docs, 'Deployment', '-worker')]) {
      expect(podSpec(doc).containers[0]!.env).toEqual([
        {
          name: 'TEMPORAL_API_KEY',
          valueFrom: { secretKeyRef: { name: 'market-temporal-api-key', key: 'TEMPORAL_API_KEY' } },
        },
      ]);
    }

    // temporal.apiKey: the chart keeps it in a Secret of its own; with a CA, TEMPORAL_TLS_CA_PATH is set.
    const own = manifests(
      template([
        ...documented,
        '--set',
        'temporal.tls.enabled=true',
        '--set',
        'temporal.tls.existingSecret=mtls',
        '--set',
        'temporal.apiKey=key-123',
      ]),
    );
    expect(find(own, 'Secret', '-temporal').stringData).toEqual({ TEMPORAL_API_KEY: 'key-123' });
    expect(find(own, 'ConfigMap', 'market').data!.TEMPORAL_TLS_CA_PATH).toBe(
      '/etc/market/temporal-tls/ca.crt',
    );

    // Off by default: no TLS variables, no mount, no key.
    const plain = manifests(template(documented));
    expect(
      Object.keys(find(plain, 'ConfigMap', 'market').data!).filter((k) => k.startsWith('TEMPORAL_TLS')),
    ).toEqual([]);
    expect(podSpec(find(plain, 'Deployment', '-web')).containers[0]!.env).toBeUndefined();

    const wrong = run(helm, ['template', ...documented, '--set', 'temporal.tls.existingSecret=mtls']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('temporal.tls.enabled is false');
  });

  test("an empty image.tag is the chart's appVersion, which follows package.json", () => {
    const appVersion = (load(read('helm/market/Chart.yaml')) as { appVersion: string }).appVersion;
    expect(appVersion).toBe((JSON.parse(read('package.json')) as { version: string }).version);
    const withoutTag = withoutSet(documented, 'image.tag');
    const web = find(manifests(template(withoutTag)), 'Deployment', '-web');
    expect(podSpec(web).containers[0]!.image).toBe(`registry.example.com/market/market:${appVersion}`);
  });
});
