import * as assert from 'node:assert/strict';
import { activateExtension, closeAllEditors, hoverText, open, positionOf, waitFor } from './helpers';

suite('hover', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('hover on a cpu request explains it in cores', async () => {
    const doc = await open('resources.yaml');
    const pos = positionOf(doc, 'cpu: 250m', 'cpu: '.length + 1); // inside "250m"
    const text = await waitFor('a hover mentioning "0.25 CPU core"', async () => {
      const t = await hoverText(doc.uri, pos);
      return t.includes('0.25 CPU core') ? t : undefined;
    }, { describe: async () => `hover text: ${JSON.stringify(await hoverText(doc.uri, pos))}` });
    assert.match(text, /0\.25 CPU core/);
  });

  test('hover on a memory quantity shows bytes', async () => {
    const doc = await open('resources.yaml');
    const pos = positionOf(doc, 'memory: 512Mi', 'memory: '.length + 1);
    const text = await waitFor('a hover mentioning "536,870,912 bytes"', async () => {
      const t = await hoverText(doc.uri, pos);
      return t.includes('536,870,912 bytes') ? t : undefined;
    }, { describe: async () => `hover text: ${JSON.stringify(await hoverText(doc.uri, pos))}` });
    assert.ok(text.includes('536,870,912 bytes'));
  });
});
