import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/hover/hover';
import { toK8sObject } from '../../server/src/k8s/objects';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { parseFile } from '../../server/src/yaml/parse';
import { deployment } from '../support/manifests';
import { yaml } from '../support/yaml-tag';

/** Hover markdown at the `delta`-th character of the first occurrence of `needle` (after `from`, if given). */
function hover(text: string, needle: string, delta = 0, from = ''): string | undefined {
  const fileOffset = text.indexOf(needle, from === '' ? 0 : text.indexOf(from)) + delta;
  assert.ok(fileOffset >= delta, `"${needle}" not in the text`);
  const placed = [...parseFile(text)].reverse().find((d) => d.offset <= fileOffset)!;
  const object = toK8sObject(placed.parsed.doc);
  return hoverAt({ document: placed.parsed, offset: fileOffset - placed.offset, object, findings: [], rules: RULES_BY_ID })?.markdown;
}

describe('probe hover', () => {
  const manifest = deployment(`
    - name: app
      ports:
        - name: http
          containerPort: 8080
      livenessProbe:
        httpGet:
          path: /live
          port: http
        initialDelaySeconds: 15
        failureThreshold: 5
      readinessProbe:
        tcpSocket:
          port: 8080
        periodSeconds: 5
        successThreshold: 2
  `);

  it('on the livenessProbe key: meaning, restart times and effective values with defaults marked', () => {
    assert.equal(hover(manifest, 'livenessProbe', 3), [
      '**Liveness probe** of container "app"',
      '',
      'The kubelet restarts the container when this check fails `failureThreshold` times in a row. It should fail only when the process cannot recover on its own, never because a dependency is slow.',
      '',
      '- Check: httpGet /live on port http, waiting up to 1 s for an answer.',
      '- First check: about 15 s after the container starts; then every 10 s.',
      '- A container that never passes is restarted about 15 + 10 × 5 = **65 s** after it starts.',
      '- Once running, about 10 × 5 = **50 s** of failing checks restart it.',
      '',
      '| Field | Effective value |',
      '| --- | --- |',
      '| `initialDelaySeconds` | 15 |',
      '| `periodSeconds` | 10 (default) |',
      '| `timeoutSeconds` | 1 (default) |',
      '| `failureThreshold` | 5 |',
      '| `successThreshold` | 1 (default) |',
    ].join('\n'));
  });

  it('on a field deep inside the probe (the httpGet port value)', () => {
    const text = hover(manifest, 'port: http', 7);
    assert.match(text ?? '', /^\*\*Liveness probe\*\* of container "app"/);
  });

  it('on a readiness timing value: time to leave and rejoin endpoints', () => {
    const text = hover(manifest, 'periodSeconds: 5', 15) ?? '';
    assert.ok(text.startsWith('**Readiness probe** of container "app"'), text);
    assert.ok(text.includes('- Check: tcpSocket on port 8080, waiting up to 1 s for an answer.'), text);
    assert.ok(text.includes('- Removed from Service endpoints after about 5 × 3 = **15 s** of failing checks; back after 2 passing checks (about 10 s).'), text);
    assert.ok(text.includes('| `periodSeconds` | 5 |\n| `timeoutSeconds` | 1 (default) |\n| `failureThreshold` | 3 (default) |\n| `successThreshold` | 2 |'), text);
  });

  it('startup probe: its budget; other probes say they wait for it (second document, sidecar)', () => {
    const text = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: c
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        template:
          spec:
            initContainers:
              - name: proxy
                restartPolicy: Always
                startupProbe:
                  grpc: {port: 9000}
                  initialDelaySeconds: 5
                  failureThreshold: 30
                readinessProbe:
                  exec:
                    command: [ready]
    `;
    const startup = hover(text, 'startupProbe', 1) ?? '';
    assert.ok(startup.startsWith('**Startup probe** of container "proxy"'), startup);
    assert.ok(startup.includes('- Start-up budget: 5 + 10 × 30 = **305 s**; liveness and readiness take over as soon as it passes, and the container is killed if it has not passed by then.'), startup);
    const readiness = hover(text, 'ready]', 1) ?? '';
    assert.ok(readiness.includes('- Check: exec `ready`, waiting up to 1 s for an answer.'), readiness);
    assert.ok(readiness.includes('- First check: about 0 s after the container starts, and not before the startup probe has passed; then every 10 s.'), readiness);
  });

  it('says nothing outside probes, for non-mapping probes, or outside workloads', () => {
    assert.equal(hover(manifest, 'containerPort', 2), undefined);
    assert.equal(hover(deployment(`
      - name: app
        livenessProbe:
    `), 'livenessProbe', 2), undefined);
    assert.equal(hover(yaml`
      apiVersion: example.com/v1
      kind: Widget
      spec:
        livenessProbe:
          tcpSocket: {port: 80}
    `, 'livenessProbe', 2), undefined);
  });
});
