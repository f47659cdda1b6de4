import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// Every name the library's entry points export has a doc comment (the spec: formula, source), and
// every exported function an @example — checked on the source with the TypeScript compiler, as
// TypeDoc (`npm run docs`) reads it.

const ENTRIES = ['src/index.ts', 'src/parallel.ts', 'src/leslie.ts', 'src/yingkou/index.ts'];

const program = ts.createProgram(
  ENTRIES.map((e) => join(ROOT, e)),
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true, strict: true, noEmit: true },
);
const checker = program.getTypeChecker();

interface Exported {
  entry: string;
  name: string;
  documented: boolean;
  isFunction: boolean;
  hasExample: boolean;
}

function exportsOf(entry: string): Exported[] {
  const file = program.getSourceFile(join(ROOT, entry))!;
  const moduleSymbol = checker.getSymbolAtLocation(file)!;
  return checker.getExportsOfModule(moduleSymbol).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const decls = target.getDeclarations() ?? [];
    const isFunction = decls.some(
      (d) => ts.isFunctionDeclaration(d) || (ts.isVariableDeclaration(d) && !!d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))),
    );
    const tags = target.getJsDocTags(checker);
    return {
      entry,
      name: s.name,
      documented: ts.displayPartsToString(target.getDocumentationComment(checker)).trim().length > 0,
      isFunction,
      hasExample: tags.some((t) => t.name === 'example'),
    };
  });
}

const all = ENTRIES.flatMap(exportsOf);

describe('doc comments of the exported API', () => {
  it('the entry points export what the package promises', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('every exported name has a doc comment', () => {
    expect(all.filter((e) => !e.documented).map((e) => `${e.entry}: ${e.name}`)).toEqual([]);
  });

  it('every exported function has an @example', () => {
    expect(all.filter((e) => e.isFunction && !e.hasExample).map((e) => `${e.entry}: ${e.name}`)).toEqual([]);
  });
});
