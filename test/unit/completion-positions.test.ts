/**
 * Completion at many cursor positions, through the LSP layer's document selection (the chunk of a
 * multi-document file, positions in CRLF and BOM files). Each row names keys or values that must
 * be offered and ones that must not; `|` marks the cursor.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionItems } from '../../server/src/lsp/completion';
import { parseFile } from '../../server/src/yaml/parse';
import { testSchemas } from '../support/rule-tester';

interface Row {
  readonly name: string;
  readonly source: string;
  readonly offers: readonly string[];
  readonly omits?: readonly string[];
}

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: web\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

const ROWS: readonly Row[] = [
  { name: 'first line under spec after a block metadata', source: `${SERVICE}spec:\n  |\n`, offers: ['ports', 'selector', 'type'] },
  { name: 'enum value on the first line under spec', source: `${SERVICE}spec:\n  type: |\n`, offers: SERVICE_TYPES },
  { name: 'enum value with a typed prefix', source: `${SERVICE}spec:\n  type: Node|\n`, offers: SERVICE_TYPES },
  { name: 'after a block mapping sibling', source: `${SERVICE}spec:\n  selector:\n    app: web\n  |\n`, offers: ['ports', 'type'], omits: ['selector'] },
  { name: 'value after a block mapping sibling', source: `${SERVICE}spec:\n  selector:\n    app: web\n  type: |\n`, offers: SERVICE_TYPES },
  { name: 'after a block sequence', source: `${SERVICE}spec:\n  ports:\n    - port: 80\n  |\n`, offers: ['type', 'selector'], omits: ['ports'] },
  { name: 'after an unindented block sequence', source: `${SERVICE}spec:\n  ports:\n  - port: 80\n  |\n`, offers: ['type'], omits: ['ports'] },
  { name: 'value after a block sequence', source: `${SERVICE}spec:\n  ports:\n    - port: 80\n  type: |\n`, offers: SERVICE_TYPES },
  { name: 'at end of file without a final newline', source: `${SERVICE}spec:\n  |`, offers: ['ports', 'type'] },
  { name: 'value at end of file without a final newline', source: `${SERVICE}spec:\n  type: |`, offers: SERVICE_TYPES },
  { name: 'half-typed key at end of file', source: `${SERVICE}spec:\n  ty|`, offers: ['type'] },
  { name: 'with CRLF line endings', source: `${SERVICE}spec:\n  selector:\n    app: web\n  |\n`.replaceAll('\n', '\r\n'), offers: ['ports', 'type'], omits: ['selector'] },
  { name: 'value with CRLF line endings', source: `${SERVICE}spec:\n  type: |\n`.replaceAll('\n', '\r\n'), offers: SERVICE_TYPES },
  { name: 'with a UTF-8 BOM on line 1', source: `\ufeff${SERVICE}spec:\n  |\n`, offers: ['ports', 'type'] },
  { name: 'under a key on line 1 after a BOM', source: '\ufeffspec:\n  |\napiVersion: v1\nkind: Service\n', offers: ['ports', 'type'] },
  { name: 'root key on line 1 after a BOM', source: '\ufeff|\napiVersion: v1\nkind: ConfigMap\n', offers: ['data', 'metadata'] },
  { name: 'inside a second --- document', source: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n---\n${SERVICE}spec:\n  |\n`, offers: ['ports', 'type'], omits: ['data'] },
  { name: 'value inside a second --- document', source: `${DEPLOYMENT}spec:\n  replicas: 1\n---\n${SERVICE}spec:\n  type: |\n`, offers: SERVICE_TYPES },
  { name: 'in a new nested list item', source: `${SERVICE}spec:\n  ports:\n    - |\n`, offers: ['port', 'protocol', 'targetPort'] },
  { name: 'in a list item after a sibling item', source: `${SERVICE}spec:\n  ports:\n    - port: 80\n      name: http\n    - |\n`, offers: ['port', 'name'] },
  { name: 'second key of a list item', source: `${SERVICE}spec:\n  ports:\n    - port: 80\n      |\n`, offers: ['protocol', 'name'], omits: ['port'] },
  { name: 'enum value in a list item', source: `${SERVICE}spec:\n  ports:\n    - port: 80\n      protocol: |\n`, offers: ['TCP', 'UDP', 'SCTP'] },
  { name: 'enum value on the "- " line', source: `${SERVICE}spec:\n  ports:\n    - protocol: |\n`, offers: ['TCP', 'UDP', 'SCTP'] },
  {
    name: 'nested spec after a block metadata in a pod template',
    source: `${DEPLOYMENT}spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      |\n`,
    offers: ['containers', 'volumes'],
  },
  { name: 'container list item under a nested spec', source: `${DEPLOYMENT}spec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          imagePullPolicy: |\n`, offers: ['Always', 'IfNotPresent', 'Never'] },
  { name: 'after a comment and a blank line', source: `${SERVICE}spec:\n  # the ports\n\n  |\n`, offers: ['ports', 'type'] },
];

/** Completion labels at the `|` in `source`, through the same path as the server. */
function labelsAt(source: string): string[] {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'mark the cursor with |');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const document = TextDocument.create('file:///w/x.yaml', 'yaml', 1, text);
  return completionItems(document, parseFile(text), document.positionAt(offset), testSchemas()).map((item) => item.label);
}

describe('completion at cursor positions', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const labels = labelsAt(row.source);
      for (const label of row.offers) assert.ok(labels.includes(label), `${label} is offered (got: ${labels.join(', ') || 'nothing'})`);
      for (const label of row.omits ?? []) assert.ok(!labels.includes(label), `${label} is already present, so not offered`);
    });
  }
});
