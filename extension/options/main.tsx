/** Options page entry: wires the Options component to the background. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Request, Response } from '../../src/protocol/messages.ts';
import { Options, type OptionsApi } from '../../src/ui/Options.tsx';
import '../../src/ui/tokens.css';
import '../../src/ui/options.css';

async function call<T extends Request>(request: T) {
  const answer = (await browser.runtime.sendMessage(request)) as Response<T['type']>;
  if (!answer.ok) throw new Error(answer.error);
  return answer;
}

const api: OptionsApi = {
  getSettings: async () =>
    ((await call({ type: 'getSettings' })) as Extract<Response<'getSettings'>, { ok: true }>).settings,
  setSettings: async (settings) =>
    ((await call({ type: 'setSettings', settings })) as Extract<Response<'setSettings'>, { ok: true }>)
      .settings,
  clearAll: async () => {
    await call({ type: 'clearAll' });
  },
};

render(<Options api={api} />, document.getElementById('app')!);
