// Types of scripts/browser-bundle.mjs, for the tests that use it (test/entries/browser.test.ts).
export declare const ROOT: string;
export declare const LIMIT_GZIP_BYTES: number;
export declare const APP_SOURCE: string;
export interface Bundle {
  tool: 'esbuild' | 'Vite';
  outDir: string;
  files: string[];
  /** Files esbuild read (esbuild only). */
  inputs?: string[];
  /** Minified bytes of the bundle by package: ccmpp, zod, pure-rand, app (esbuild only). */
  byPackage?: Record<string, number>;
  warnings: unknown[];
  bytes: number;
  gzip: number;
}
export interface PageRun {
  outDir: string;
  lines: string[];
  errors: string[];
  userAgent: string;
}
export declare function makeApp(dir: string): string;
export declare function bundleWithEsbuild(dir: string): Promise<Bundle>;
export declare function bundleWithVite(dir: string): Promise<Bundle>;
export declare function chromiumPath(): string | undefined;
export declare function runInChromium(outDirs: string[], executablePath?: string): Promise<PageRun[]>;
export declare function resultOf(lines: string[]): Record<string, number | null> | undefined;
