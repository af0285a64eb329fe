/** Language server entry point: `node dist/server.js --stdio`, or over IPC when VS Code starts it. */
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { lazySchemas } from './node/schema-files';

const connection = createConnection(ProposedFeatures.all);
// The bundle lives in dist/; the schemas ship beside it in schemas/.
startServer(connection, { schemas: lazySchemas(path.resolve(__dirname, '..', 'schemas'), (message) => connection.console.error(message)) });
