import { utf8Length } from './utf8-length';

describe('utf8Length', () => {
  it('counts bytes as Buffer.byteLength does, for ASCII, CJK and emoji', () => {
    for (const text of ['', 'hello', 'héllo', '你好，我想咨询一下产品', 'ok 👍🏽!', JSON.stringify({ a: ['测试', 1] })]) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text));
    }
  });
});
