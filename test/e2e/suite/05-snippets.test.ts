import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, closeAllEditors, open, waitFor } from './helpers';

const PREFIXES = ['k8s-hpa', 'k8s-storageclass'];

/** Snippet files may hold comments and trailing commas (they are JSONC). */
function parseJsonc(text: string): unknown {
  const noComments = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? '');
  return JSON.parse(noComments.replace(/,(\s*[}\]])/g, '$1'));
}

suite('snippets', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('the extension contributes YAML snippets k8s-hpa and k8s-storageclass', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON?.contributes?.snippets ?? []) as { language?: string; path: string }[];
    assert.ok(contributed.length > 0, 'package.json contributes no snippets');
    const prefixes = new Set<string>();
    for (const s of contributed) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, s.path));
      const json = parseJsonc(new TextDecoder().decode(bytes)) as Record<string, { prefix?: string | string[] }>;
      for (const snippet of Object.values(json)) {
        for (const p of ([] as string[]).concat(snippet.prefix ?? [])) prefixes.add(p);
      }
      if (s.language) assert.ok(s.language.split(',').map((l) => l.trim()).includes('yaml'), `snippets ${s.path} are for ${s.language}, not yaml`);
    }
    for (const p of PREFIXES) assert.ok(prefixes.has(p), `no snippet with prefix ${p} (have: ${[...prefixes].join(', ')})`);
  });

  test('completion on an empty line offers the snippets', async () => {
    const doc = await open('blank.yaml');
    const pos = new vscode.Position(doc.lineCount - 1, 0);
    assert.equal(doc.lineAt(pos.line).text, '', 'blank.yaml should end with an empty line');
    let labels: string[] = [];
    await waitFor(`completions ${PREFIXES.join(', ')}`, async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return PREFIXES.every((p) => labels.includes(p));
    }, { describe: () => `labels: ${JSON.stringify(labels.slice(0, 50))}` });
  });
});
