import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of the source files, as paths under src/. */
function imports(): { from: string; to: string }[] {
  return sources(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)].map((match) => ({
      from: relative(SRC, file),
      to: relative(SRC, resolve(dirname(file), match[1])),
    })),
  );
}

const featureOf = (path: string) => /^features\/([^/]+)\//.exec(path)?.[1];

describe('the layout', () => {
  it('lets routes compose features, and no feature import another', () => {
    const crossings = imports().filter(({ from, to }) => {
      const source = featureOf(from);
      const target = featureOf(to + '/');
      return source !== undefined && target !== undefined && source !== target;
    });
    expect(crossings).toEqual([]);
  });

  it('keeps shared code (components, lib) free of features', () => {
    const upward = imports().filter(({ from, to }) => /^(components|lib)\//.test(from) && to.startsWith('features/'));
    expect(upward).toEqual([]);
  });

  it('finds the imports it judges', () => {
    expect(imports().some(({ from, to }) => from === 'features/videos/VideoDetailsPage.tsx' && to === 'components/player')).toBe(true);
  });
});
