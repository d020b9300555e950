// Runs before `npm start`: installs dependencies from the lock when they are missing.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const path = require('node:path');
const root = path.resolve(__dirname, '..');
if (!existsSync(path.join(root, 'node_modules', '.bin', 'turbo'))) {
  console.log('[start] dependencies missing: running npm ci (first start takes a few minutes)');
  execSync('npm ci', { cwd: root, stdio: 'inherit' });
}
