// Keeps the domain pure: only its own files, no clock, no randomness, no environment, no runtime dependencies.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Comments may mention what they forbid; only code counts.
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;
const FORBIDDEN: Array<[string, RegExp]> = [
  ['Date.now(', /\bDate\s*\.\s*now\s*\(/],
  ['new Date()', /\bnew\s+Date\s*\(\s*\)/],
  ['Math.random', /\bMath\s*\.\s*random\b/],
  ['process.', /\bprocess\s*\./],
];

const files = sourceFiles(SRC);

describe('domain purity', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith(join('money', 'money.ts')))).toBe(true);
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s imports only relative paths', (_name, file) => {
    const code = stripComments(readFileSync(file, 'utf8'));
    const offending = [...code.matchAll(SPECIFIER)]
      .map((m) => m[2] as string)
      .filter((spec) => !spec.startsWith('./') && !spec.startsWith('../'));
    expect(offending).toEqual([]);
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s reads no clock, randomness or environment', (_name, file) => {
    const code = stripComments(readFileSync(file, 'utf8'));
    expect(FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([name]) => name)).toEqual([]);
  });

  it('the scanners catch what they should', () => {
    const sample =
      "import x from 'typeorm';\nconst a = require('fs');\nconst b = Date.now();\nconst c = new " +
      'Date();\nprocess.env.X;\nMath.random();';
    expect([...sample.matchAll(SPECIFIER)].map((m) => m[2])).toEqual(['typeorm', 'fs']);
    expect(FORBIDDEN.filter(([, p]) => p.test(sample)).map(([n]) => n)).toEqual([
      'Date.now(',
      'new Date()',
      'Math.random',
      'process.',
    ]);
    expect(FORBIDDEN.some(([, p]) => p.test(stripComments('// never Date.now() here\nconst d = new Date(at);')))).toBe(
      false,
    );
  });

  it('packages/domain has no runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(SRC, '..', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toBeUndefined();
  });
});
