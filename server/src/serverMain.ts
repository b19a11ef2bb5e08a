// Entry point of the server bundle (out/server.js), started by the VS Code client over IPC,
// or by other clients with --stdio (vscode-languageserver reads the transport from argv).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
