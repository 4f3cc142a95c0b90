// Starts `hlc lsp` for .hl files and connects VS Code to it over stdio. Everything the editor shows
// (findings, hover, completion, formatting, colours of literals) comes from the server.
'use strict';
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The server command: the setting, else the repository's own launcher, else `hlc` on the PATH. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('hlc').get('server.command') || [];
  if (configured.length > 0) return { command: configured[0], args: configured.slice(1) };
  for (const folder of vscode.workspace.workspaceFolders || []) {
    const launcher = path.join(folder.uri.fsPath, 'hlc');
    try {
      fs.accessSync(launcher, fs.constants.X_OK);
      if (fs.statSync(launcher).isFile()) return { command: launcher, args: ['lsp'] };
    } catch (notThere) {
      // try the next folder
    }
  }
  return { command: 'hlc', args: ['lsp'] };
}

function activate(context) {
  const { command, args } = serverCommand();
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'hl' }],
    // An imported file changed on disk (a checkout): the server checks the specs that import it again.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.hl') },
  };
  client = new LanguageClient('hlc', 'hlc language server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
