/**
 * Deterministic generator of multi-document Kubernetes manifests for the benchmark: a realistic mix
 * of Deployments (with and without resources and probes), StatefulSets with volumeClaimTemplates,
 * Services, HPAs (autoscaling/v2), PVCs, StorageClasses, PDBs and ConfigMaps, about one in eight
 * carrying a mistake (typo'd quantity, limit below request, unknown field, bad enum, min > max …).
 */
import { Prng } from './prng';

const APPS = ['checkout', 'cart', 'catalog', 'payments', 'search', 'auth', 'gateway', 'orders', 'billing', 'inventory', 'notify', 'reports', 'ledger', 'profile', 'media', 'shipping'];
const TEAMS = ['shop', 'platform', 'data', 'identity', 'finance'];
const IMAGES = ['registry.example.com/{team}/{app}:1.{minor}.{patch}', 'ghcr.io/example/{app}:v2.{minor}.{patch}', 'docker.io/library/nginx:1.27.{patch}'];

interface Context {
  rng: Prng;
  /** Makes names unique across the file. */
  serial: number;
  /** Probability that a document carries a mistake. */
  mistakeRate: number;
}

function image(ctx: Context, app: string, team: string): string {
  if (ctx.rng.chance(ctx.mistakeRate / 4)) return `registry.example.com/${team}/${app}:latest`;
  return ctx.rng.pick(IMAGES).replace('{team}', team).replace('{app}', app).replace('{minor}', String(ctx.rng.int(0, 30))).replace('{patch}', String(ctx.rng.int(0, 9)));
}

function metadata(name: string, team: string, extraLabels: string[] = []): string[] {
  return ['metadata:', `  name: ${name}`, `  namespace: ${team}`, '  labels:', `    app.kubernetes.io/name: ${name}`, `    app.kubernetes.io/part-of: ${team}`, ...extraLabels.map((l) => `    ${l}`)];
}

function resources(ctx: Context, indent: string): string[] {
  const { rng } = ctx;
  const cpu = rng.pick(['50m', '100m', '250m', '500m', '1']);
  let memoryRequest = rng.pick(['64Mi', '128Mi', '256Mi', '512Mi', '1Gi']);
  let memoryLimit = memoryRequest.replace(/^(\d+)/, (n) => String(Number(n) * 2));
  if (rng.chance(ctx.mistakeRate)) {
    const mistake = rng.pick(['typo', 'below', 'nolimit']);
    if (mistake === 'typo') memoryRequest = memoryRequest.replace('Mi', 'mb').replace('Gi', 'gb');
    if (mistake === 'below') memoryLimit = '32Mi';
    if (mistake === 'nolimit') return [`${indent}resources:`, `${indent}  requests:`, `${indent}    cpu: ${cpu}`, `${indent}    memory: ${memoryRequest}`];
  }
  const lines = [`${indent}resources:`, `${indent}  requests:`, `${indent}    cpu: ${cpu}`, `${indent}    memory: ${memoryRequest}`, `${indent}  limits:`, `${indent}    memory: ${memoryLimit}`];
  if (rng.chance(0.4)) lines.push(`${indent}    cpu: "${rng.pick(['1', '2', '4'])}"`);
  return lines;
}

function probes(ctx: Context, indent: string, port: string): string[] {
  const { rng } = ctx;
  const period = rng.pick([5, 10, 15]);
  const timeout = rng.chance(ctx.mistakeRate / 2) ? period + 5 : rng.pick([1, 2, 3]);
  const lines = [`${indent}readinessProbe:`, `${indent}  httpGet:`, `${indent}    path: /ready`, `${indent}    port: ${port}`, `${indent}  periodSeconds: ${period}`, `${indent}  timeoutSeconds: ${timeout}`];
  if (rng.chance(0.7)) lines.push(`${indent}livenessProbe:`, `${indent}  httpGet:`, `${indent}    path: /healthz`, `${indent}    port: ${port}`, `${indent}  initialDelaySeconds: ${rng.pick([0, 5, 10])}`, `${indent}  periodSeconds: 20`, `${indent}  failureThreshold: 3`);
  return lines;
}

function container(ctx: Context, app: string, team: string, indent: string): string[] {
  const { rng } = ctx;
  const port = rng.pick([8080, 8443, 3000, 9090]);
  const lines = [`${indent}- name: ${app}`, `${indent}  image: ${image(ctx, app, team)}`];
  const pullPolicy = rng.chance(ctx.mistakeRate / 3) ? 'Alwayz' : rng.pick(['IfNotPresent', 'Always']);
  if (rng.chance(0.5)) lines.push(`${indent}  imagePullPolicy: ${pullPolicy}`);
  lines.push(`${indent}  ports:`, `${indent}    - name: http`, `${indent}      containerPort: ${port}`, `${indent}      protocol: TCP`);
  lines.push(`${indent}  env:`);
  const values: Record<string, () => string> = {
    LOG_LEVEL: () => rng.pick(['info', 'debug', 'warn']),
    PORT: () => `"${port}"`,
    REGION: () => rng.pick(['eu-west-1', 'us-east-2']),
    FEATURE_FLAGS: () => rng.pick(['new-checkout,fast-search', 'none']),
    CACHE_TTL: () => `"${rng.pick([60, 300, 900])}"`,
    DB_HOST: () => `${team}-db.${team}.svc.cluster.local`,
    JAVA_TOOL_OPTIONS: () => `"-XX:MaxRAMPercentage=75 -Xmx${rng.pick(['96m', '192m', '384m', '1g'])}"`,
  };
  for (const name of Object.keys(values)) if (rng.chance(0.5)) lines.push(`${indent}    - name: ${name}`, `${indent}      value: ${(values[name] as () => string)()}`);
  lines.push(`${indent}    - name: POD_NAME`, `${indent}      valueFrom:`, `${indent}        fieldRef:`, `${indent}          fieldPath: metadata.name`);
  if (rng.chance(0.85)) lines.push(...resources(ctx, `${indent}  `));
  if (rng.chance(0.75)) lines.push(...probes(ctx, `${indent}  `, rng.chance(0.8) ? 'http' : String(port)));
  lines.push(`${indent}  volumeMounts:`, `${indent}    - name: config`, `${indent}      mountPath: /etc/${app}`, `${indent}      readOnly: true`);
  return lines;
}

function podSpec(ctx: Context, app: string, team: string, name: string, indent: string): string[] {
  const { rng } = ctx;
  const lines = [`${indent}metadata:`, `${indent}  labels:`, `${indent}    app.kubernetes.io/name: ${name}`, `${indent}spec:`];
  if (rng.chance(0.3)) lines.push(`${indent}  terminationGracePeriodSeconds: ${rng.pick([30, 60])}`);
  if (rng.chance(0.4)) {
    lines.push(`${indent}  affinity:`, `${indent}    podAntiAffinity:`, `${indent}      preferredDuringSchedulingIgnoredDuringExecution:`, `${indent}        - weight: 100`, `${indent}          podAffinityTerm:`, `${indent}            topologyKey: kubernetes.io/hostname`, `${indent}            labelSelector:`, `${indent}              matchLabels:`, `${indent}                app.kubernetes.io/name: ${name}`);
  }
  lines.push(`${indent}  containers:`, ...container(ctx, app, team, `${indent}    `));
  if (rng.chance(0.2)) lines.push(...container(ctx, `${app}-sidecar`, team, `${indent}    `));
  lines.push(`${indent}  volumes:`, `${indent}    - name: config`, `${indent}      configMap:`, `${indent}        name: ${name}-config`);
  return lines;
}

function deployment(ctx: Context, app: string, team: string, name: string): string[] {
  const { rng } = ctx;
  const replicasKey = rng.chance(ctx.mistakeRate / 4) ? 'replica' : 'replicas';
  return ['apiVersion: apps/v1', 'kind: Deployment', ...metadata(name, team), 'spec:', `  ${replicasKey}: ${rng.int(1, 6)}`, '  revisionHistoryLimit: 5', '  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${name}`, '  template:', ...podSpec(ctx, app, team, name, '    ')];
}

function statefulSet(ctx: Context, app: string, team: string, name: string): string[] {
  const { rng } = ctx;
  const lines = ['apiVersion: apps/v1', 'kind: StatefulSet', ...metadata(name, team), 'spec:', `  serviceName: ${name}`, `  replicas: ${rng.pick([1, 3, 5])}`, '  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${name}`];
  if (rng.chance(0.5)) lines.push('  persistentVolumeClaimRetentionPolicy:', '    whenDeleted: Retain', '    whenScaled: Delete');
  lines.push('  template:', ...podSpec(ctx, app, team, name, '    '));
  lines.push('  volumeClaimTemplates:', '    - metadata:', '        name: data', '      spec:', '        accessModes: ["ReadWriteOnce"]', `        storageClassName: ${rng.pick(['fast-ssd', 'standard', 'gp3'])}`, '        resources:', '          requests:', `            storage: ${rng.pick(['10Gi', '20Gi', '100Gi'])}`);
  return lines;
}

function service(ctx: Context, team: string, name: string): string[] {
  const type = ctx.rng.chance(ctx.mistakeRate / 3) ? 'Clusterip' : ctx.rng.pick(['ClusterIP', 'ClusterIP', 'LoadBalancer']);
  return ['apiVersion: v1', 'kind: Service', ...metadata(name, team), 'spec:', `  type: ${type}`, '  selector:', `    app.kubernetes.io/name: ${name}`, '  ports:', '    - name: http', '      port: 80', '      targetPort: http', '      protocol: TCP'];
}

function hpa(ctx: Context, team: string, name: string, kind: string): string[] {
  const { rng } = ctx;
  let min = rng.pick([1, 2, 3]);
  let maxReplicas = rng.pick([5, 10, 20]);
  if (rng.chance(ctx.mistakeRate)) [min, maxReplicas] = [maxReplicas, min];
  return ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', ...metadata(name, team), 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', `    kind: ${kind}`, `    name: ${name}`, `  minReplicas: ${min}`, `  maxReplicas: ${maxReplicas}`, '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target:', '          type: Utilization', `          averageUtilization: ${rng.pick([60, 70, 80])}`, '  behavior:', '    scaleDown:', '      stabilizationWindowSeconds: 300'];
}

function pdb(ctx: Context, team: string, name: string): string[] {
  const budget = ctx.rng.chance(0.5) ? '  minAvailable: 1' : '  maxUnavailable: 25%';
  return ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', ...metadata(name, team), 'spec:', budget, '  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${name}`];
}

function pvc(ctx: Context, team: string, name: string): string[] {
  const size = ctx.rng.chance(ctx.mistakeRate / 2) ? '5GB' : ctx.rng.pick(['1Gi', '5Gi', '50Gi']);
  return ['apiVersion: v1', 'kind: PersistentVolumeClaim', ...metadata(`${name}-cache`, team), 'spec:', '  accessModes:', '    - ReadWriteOnce', `  storageClassName: ${ctx.rng.pick(['fast-ssd', 'standard'])}`, '  resources:', '    requests:', `      storage: ${size}`];
}

function storageClass(ctx: Context, name: string): string[] {
  const { rng } = ctx;
  const lines = ['apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', `  name: ${name}`, `provisioner: ${rng.pick(['ebs.csi.aws.com', 'pd.csi.storage.gke.io'])}`, `reclaimPolicy: ${rng.pick(['Delete', 'Retain'])}`, `volumeBindingMode: ${rng.chance(ctx.mistakeRate * 2) ? 'Immediate' : 'WaitForFirstConsumer'}`];
  if (rng.chance(0.7)) lines.push('allowVolumeExpansion: true');
  lines.push('parameters:', `  type: ${rng.pick(['gp3', 'pd-ssd'])}`);
  return lines;
}

function configMap(ctx: Context, team: string, name: string): string[] {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', ...metadata(`${name}-config`, team), 'data:'];
  for (let i = 0, n = ctx.rng.int(2, 8); i < n; i++) lines.push(`  setting_${i}: "${ctx.rng.pick(['true', '30s', 'eu-west-1', 'https://api.example.com', '4'])}"`);
  lines.push('  app.properties: |', '    server.port=8080', `    cache.size=${ctx.rng.int(100, 999)}`, '    feature.newCheckout=true');
  return lines;
}

/** One application: a workload and what usually ships with it. */
function bundle(ctx: Context): string[][] {
  const { rng } = ctx;
  const app = rng.pick(APPS);
  const team = rng.pick(TEAMS);
  const name = `${app}-${ctx.serial++}`;
  const stateful = rng.chance(0.2);
  const docs: string[][] = [configMap(ctx, team, name), stateful ? statefulSet(ctx, app, team, name) : deployment(ctx, app, team, name), service(ctx, team, name)];
  if (rng.chance(0.5)) docs.push(hpa(ctx, team, name, stateful ? 'StatefulSet' : 'Deployment'));
  if (rng.chance(0.4)) docs.push(pdb(ctx, team, name));
  if (!stateful && rng.chance(0.25)) docs.push(pvc(ctx, team, name));
  if (rng.chance(0.05)) docs.push(storageClass(ctx, `class-${ctx.serial++}`));
  return docs;
}

/** A multi-document manifest of about `targetLines` lines; the same seed gives the same text. */
export function generateManifest(targetLines: number, seed = 20240607): string {
  const ctx: Context = { rng: new Prng(seed ^ targetLines), serial: 1, mistakeRate: 0.12 };
  const lines: string[] = [...storageClass(ctx, 'fast-ssd')];
  while (lines.length < targetLines) {
    for (const doc of bundle(ctx)) lines.push('---', ...doc);
  }
  return `${lines.join('\n')}\n`;
}
