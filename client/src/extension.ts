/** VS Code entry point: starts the language client and registers our commands. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';

let client: LanguageClient | undefined;

/** What `activate` returns (`extension.exports`): timings the editor tests report. */
export interface KubeGuardrailsApi {
  /** How long `activate` itself took, in milliseconds. */
  readonly activationMs: number;
  /** Resolves with the milliseconds from the start of activation until the language server answered `initialize` (NaN if it failed to start). */
  readonly serverReady: Promise<number>;
}

export function activate(context: vscode.ExtensionContext): KubeGuardrailsApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Kube Guardrails', { log: true });
  context.subscriptions.push(output);
  const current = createClient(context, output);
  client = current;
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeGuardrails.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('kubeGuardrails.showOutput', () => output.show(true)),
  );
  // The server starts in the background: activation does not wait for a process to spawn, so the
  // editor stays responsive, and diagnostics arrive as soon as the server is up.
  const serverReady = current.start().then(
    () => {
      const ms = performance.now() - started;
      output.info(`language server ready ${ms.toFixed(0)} ms after activation began`);
      return ms;
    },
    (error: unknown) => {
      output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      return Number.NaN;
    },
  );
  const activationMs = performance.now() - started;
  output.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, serverReady };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
