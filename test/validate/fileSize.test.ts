import { describe, expect, it } from 'vitest';
import { readText } from '../../src/cli/inputs.js';
import { writeTemp } from '../cli/helpers.js';

// Input files have a size limit that fails before the file is read (issue 11 §5: "file sizes").
describe('input file size', () => {
  it('a file over 16 MiB is refused, naming the file, its size and the limit', async () => {
    const f = writeTemp({ 'big.json': `{"pad":"${'x'.repeat(17 * 2 ** 20)}"}` });
    await expect(readText(f['big.json']!, 'scenario')).rejects.toThrow(
      `scenario file is too large: ${f['big.json']} (17825802 bytes; input files are at most 16777216 bytes, 16 MiB)`,
    );
  });
  it('a file under the limit is read', async () => {
    const f = writeTemp({ 'small.json': '{"a":1}' });
    expect(await readText(f['small.json']!, 'scenario')).toBe('{"a":1}');
  });
});
