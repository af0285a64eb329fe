/** Language server entry point: `node dist/server.js --stdio`, or over IPC when VS Code starts it. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
