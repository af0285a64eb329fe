/** Locations shared by the e2e runners. Everything generated lives under .e2e/ (git-ignored). */
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const E2E_DIR = process.env['KG_E2E_DIR'] ? path.resolve(process.env['KG_E2E_DIR']) : path.join(REPO_ROOT, '.e2e');
export const BUILD_DIR = path.join(E2E_DIR, 'build');
/** The figures of the newest run's activation test, kept after its run folder is removed (npm run bench reports them). */
export const LAST_METRICS_FILE = path.join(E2E_DIR, 'last-metrics.json');
export const SUITE_OUT = path.join(BUILD_DIR, 'suite');
export const SUITE_SRC = path.join(REPO_ROOT, 'test', 'e2e', 'suite');
export const WORKSPACE_SRC = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
export const RUNNER_EXT_SRC = path.join(REPO_ROOT, 'test', 'e2e', 'runner-extension');
export const CODE_SERVER_BIN = path.join(E2E_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const INSTALL_SCRIPT = path.join(REPO_ROOT, 'scripts', 'e2e', 'install-code-server.sh');
export const EXTENSION_ID = 'kube-guardrails.kube-guardrails';
