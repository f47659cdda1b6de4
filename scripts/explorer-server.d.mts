export function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }>;
export function chromiumPath(): string | undefined;
export const CHROMIUM_ARGS: string[];
