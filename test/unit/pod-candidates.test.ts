import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { WorkspaceIndex } from '../../server/src/index/workspace-index';
import { podCandidates, podObjects } from '../../server/src/k8s/relations';
import { matches, parseLabelSelector, type LabelSelector } from '../../server/src/k8s/selectors';

/** A small seeded generator, so a failure reproduces. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const KEYS = ['app', 'tier', 'team'];
const VALUES = ['a', 'b', 'c'];

function labelsYaml(random: () => number): string {
  const lines = KEYS.filter(() => random() < 0.6).map((key) => `        ${key}: ${VALUES[Math.floor(random() * VALUES.length)]}`);
  return lines.length > 0 ? `\n${lines.join('\n')}` : ' {}';
}

function workspace(random: () => number, count: number): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w${i}\nspec:\n  template:\n    metadata:\n      labels:${labelsYaml(random)}\n    spec:\n      containers:\n        - name: app\n`);
  }
  index.update('file:///w/pods.yaml', docs.join('---\n'));
  return index;
}

function selector(random: () => number): LabelSelector {
  const operators = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
  const expressions = KEYS.filter(() => random() < 0.5).map((key) => {
    const operator = operators[Math.floor(random() * operators.length)]!;
    const values = operator === 'In' || operator === 'NotIn' ? VALUES.filter(() => random() < 0.5) : [];
    return `  - key: ${key}\n    operator: ${operator}\n    values: [${values.join(', ')}]`;
  });
  const matchLabels = random() < 0.5 ? `matchLabels:\n  ${KEYS[Math.floor(random() * KEYS.length)]}: ${VALUES[Math.floor(random() * VALUES.length)]}\n` : '';
  const text = `${matchLabels}${expressions.length > 0 ? `matchExpressions:\n${expressions.join('\n')}\n` : ''}` || '{}';
  const parsed = parseLabelSelector(parseDocument(text).contents as never);
  assert.ok(parsed, `selector parses:\n${text}`);
  return parsed;
}

describe('podCandidates (inverted label index)', () => {
  it('never leaves out a pod the selector matches, and narrows when it can', () => {
    const random = prng(7);
    let narrowed = 0;
    for (let round = 0; round < 40; round++) {
      const index = workspace(random, 30);
      const all = podObjects(index);
      for (let i = 0; i < 25; i++) {
        const chosen = selector(random);
        const candidates = new Set(podCandidates(index, chosen));
        const expected = all.filter((pod) => matches(chosen, pod.podSpec.labels));
        for (const pod of expected) assert.ok(candidates.has(pod), `round ${round}: ${pod.entry.object.name} is matched but not a candidate`);
        if (candidates.size < all.length) narrowed++;
      }
    }
    assert.ok(narrowed > 100, `the index narrowed ${narrowed} of 1000 lookups`);
  });

  it('keeps the order of the pods for a selector with several values', () => {
    const index = workspace(prng(3), 30);
    const chosen = parseLabelSelector(parseDocument('matchExpressions:\n  - key: app\n    operator: In\n    values: [c, a]\n').contents as never)!;
    const names = podCandidates(index, chosen).map((pod) => Number(pod.entry.object.name!.slice(1)));
    assert.ok(names.length > 0);
    assert.deepEqual(names, [...names].sort((a, b) => a - b));
  });
});
