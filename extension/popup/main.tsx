/**
 * Popup entry: finds the tab it is about (`?tab=<id>`, else the active tab) and asks the background for
 * that tab's claims.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Response } from '../../src/protocol/messages.ts';
import { Popup } from '../../src/ui/Popup.tsx';
import '../../src/ui/tokens.css';
import '../../src/ui/popup.css';

async function tabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function load() {
  const id = await tabId();
  if (id === undefined) return null;
  const answer = (await browser.runtime.sendMessage({
    type: 'getTabView',
    tabId: id,
  })) as Response<'getTabView'>;
  if (!answer.ok) throw new Error(answer.error);
  return answer.view;
}

render(
  <Popup load={load} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
