import { useState } from 'react';
import type { Platform, RoutingRule } from '../../shared/schemas/index.ts';
import { zPlatform } from '../../shared/schemas/index.ts';
import { errorText, server } from './server-client.ts';

/** Which rule a sample post would hit, answered by the server's own matcher. */
export function RuleTester({ rules }: { rules: RoutingRule[] }) {
  const [text, setText] = useState('');
  const [platform, setPlatform] = useState<Platform>('x');
  const [author, setAuthor] = useState('');
  const [result, setResult] = useState<string | null>(null);
  async function test() {
    try {
      const { rule } = await server.rules.test.query({ text, platform, authorHandle: author });
      setResult(
        rule
          ? `Matches rule ${rules.findIndex((r) => r.id === rule.id) + 1}: ${rule.name}`
          : 'No rule matches',
      );
    } catch (e) {
      setResult(errorText(e));
    }
  }
  return (
    <div className="card" role="group" aria-label="Test the rules">
      <h3>Test the rules</h3>
      <label>
        Sample post text
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
      </label>
      <div className="row">
        <label>
          Sample platform
          <select value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
            {zPlatform.options.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Sample author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <button type="button" onClick={() => void test()}>
          Test
        </button>
      </div>
      {result && <p role="status">{result}</p>}
    </div>
  );
}
