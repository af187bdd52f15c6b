import { OutputTooLargeError } from './errors';
import { checkOutputSize } from './output-size';

describe('checkOutputSize', () => {
  it('accepts an output whose JSON is at most the limit in UTF-8 bytes', () => {
    expect(() => checkOutputSize({ text: 'x'.repeat(100) }, 111)).not.toThrow(); // {"text":"…"} is 111 bytes
    expect(() => checkOutputSize(null, 4)).not.toThrow();
    expect(() => checkOutputSize(undefined, 1)).not.toThrow();
  });

  it('fails one byte over the limit with OUTPUT_TOO_LARGE, not retryable, naming both sizes', () => {
    let thrown: unknown;
    try {
      checkOutputSize({ text: 'x'.repeat(100) }, 110);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OutputTooLargeError);
    expect(thrown).toMatchObject({ code: 'OUTPUT_TOO_LARGE', retryable: false, details: { bytes: 111, max_bytes: 110 } });
  });

  it('counts multi-byte characters and JSON escapes as they are sent', () => {
    expect(() => checkOutputSize('é'.repeat(10), 21)).toThrow(OutputTooLargeError); // 2 quotes + 10 × 2 bytes = 22
    expect(() => checkOutputSize('é'.repeat(10), 22)).not.toThrow();
    expect(() => checkOutputSize('\n'.repeat(10), 21)).toThrow(OutputTooLargeError); // each newline is \n, 2 bytes
  });
});
