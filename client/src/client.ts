/** Language client options: the bundled server over IPC, YAML documents, our settings section. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/shared/protocol';

const SECTION = 'kubeGuardrails';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const initializationOptions: InitializationOptions = {};
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      // The JSON form of the config file, so that its problems show as diagnostics too.
      { scheme: 'file', pattern: '**/.kube-guardrails.json' },
    ],
    synchronize: {
      configurationSection: SECTION,
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/.kube-guardrails.json'),
      ],
    },
    initializationOptions,
    outputChannel: output,
  };
  return new LanguageClient('kubeGuardrails', 'Kube Guardrails', serverOptions, clientOptions);
}
