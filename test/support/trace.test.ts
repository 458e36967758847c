import { describe, expect, it } from 'vitest';
import { scriptCost, type TraceEvent, taskCost } from './trace.ts';

const ID = 'abcdefghijklmnop';
const OURS = `chrome-extension://${ID}/content/index.js`;
const PAGE = 'http://news.test/app.js';
const MAIN = { pid: 1, tid: 1 };

/** A renderer main-thread task with the events inside it (their times are offsets into the task). */
function task(
  ts: number,
  dur: number,
  tdur: number,
  inner: Omit<TraceEvent, 'pid' | 'tid'>[] = [],
): TraceEvent[] {
  return [
    { name: 'RunTask', ph: 'X', ts, dur, tdur, ...MAIN },
    ...inner.map((e) => ({ ...MAIN, ...e, ts: ts + e.ts })),
  ];
}

const evaluate = {
  name: 'EvaluateScript',
  ph: 'X',
  ts: 1,
  dur: 500,
  tdur: 450,
  args: { data: { url: OURS } },
};
const install = (timerId: number, ts = 2) => ({
  name: 'TimerInstall',
  ph: 'I',
  ts,
  args: { data: { frame: 'F', timerId } },
});
const fire = (timerId: number) => ({
  name: 'TimerFire',
  ph: 'X',
  ts: 1,
  dur: 10,
  args: { data: { frame: 'F', timerId } },
});
const mojo = (tag: string) => ({
  name: 'Receive mojo message',
  ph: 'X',
  ts: 1,
  dur: 5,
  args: { chrome_mojo_event_info: { mojo_interface_tag: tag } },
});
const call = (url: string, ts: number, dur: number, tdur: number) => ({
  name: 'FunctionCall',
  ph: 'X',
  ts,
  dur,
  tdur,
  args: { data: { url } },
});

describe('taskCost', () => {
  it('counts our tasks whole: evaluation, timers we installed (transitively), extension messages', () => {
    const events = [
      ...task(0, 1_000, 900, [evaluate, install(7)]),
      // Our timer fires and installs the next slice's timer; that one is ours too.
      ...task(5_000, 2_000, 1_800, [fire(7), install(8, 50)]),
      ...task(9_000, 3_000, 2_500, [fire(8)]),
      // An answer to our request: its microtasks run our continuation.
      ...task(20_000, 4_000, 3_000, [mojo('extensions.mojom.MessagePort')]),
      // The page's own work: a timer of its own, another interface's message.
      ...task(30_000, 8_000, 7_000, [install(9), call(PAGE, 2, 100, 90)]),
      ...task(40_000, 6_000, 6_000, [fire(9)]),
      ...task(50_000, 6_000, 6_000, [mojo('blink.mojom.WidgetInputHandler')]),
    ];
    const cost = taskCost(events, ID);
    expect(cost.tasks).toBe(4);
    expect(cost.cpuMs).toBeCloseTo((900 + 1_800 + 2_500 + 3_000) / 1000, 6);
    expect(cost.wallMs).toBeCloseTo((1_000 + 2_000 + 3_000 + 4_000) / 1000, 6);
    expect(cost.messagingMs).toBeCloseTo(3, 6);
    expect(cost.longestTaskMs).toBeCloseTo(4, 6);
  });

  it("counts only our outermost callbacks inside the page's tasks, and follows the timers they install", () => {
    const events = [
      ...task(0, 1_000, 1_000, [evaluate]),
      // A page task whose mutation reached our observer (two nested calls of ours, counted once) ...
      ...task(10_000, 9_000, 8_000, [
        call(PAGE, 1, 5_000, 4_800),
        call(OURS, 6_000, 400, 300),
        call(OURS, 6_100, 100, 100),
        install(3, 6_200),
      ]),
      // ... and the settle timer our callback armed.
      ...task(30_000, 2_000, 1_500, [fire(3)]),
    ];
    const cost = taskCost(events, ID);
    expect(cost.tasks).toBe(2);
    expect(cost.cpuMs).toBeCloseTo((1_000 + 300 + 1_500) / 1000, 6);
    expect(cost.longestTaskMs).toBeCloseTo(2, 6);
  });

  it('finds nothing in a trace where our script never ran', () => {
    const events = [...task(0, 1_000, 900, [call(PAGE, 1, 500, 400)])];
    expect(taskCost(events, ID)).toEqual({ cpuMs: 0, wallMs: 0, tasks: 0, longestTaskMs: 0, messagingMs: 0 });
  });
});

describe('scriptCost by phase', () => {
  /** A profile of the main thread: our script's top level calls the block walk and `send`. */
  const profile = (samples: number[]): TraceEvent[] => [
    { name: 'Profile', ph: 'P', id: '0x1', ts: 0, args: { data: { startTime: 0 } }, ...MAIN },
    {
      name: 'ProfileChunk',
      ph: 'P',
      id: '0x1',
      ts: 0,
      pid: MAIN.pid,
      tid: 9,
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)', url: '' } },
              { id: 2, parent: 1, callFrame: { functionName: '', url: OURS } },
              { id: 3, parent: 2, callFrame: { functionName: 'collectBlockSteps', url: OURS } },
              { id: 4, parent: 3, callFrame: { functionName: 'isSkipped', url: OURS } },
              { id: 5, parent: 4, callFrame: { functionName: 'matches', url: '' } },
              { id: 6, parent: 2, callFrame: { functionName: 'send', url: OURS } },
              { id: 7, parent: 1, callFrame: { functionName: 'pageWork', url: PAGE } },
            ],
            samples,
          },
          timeDeltas: samples.map(() => 100),
        },
      },
    },
  ];
  const compile = { name: 'v8.compile', ph: 'X', ts: 1, dur: 500, tdur: 400, args: { data: { url: OURS } } };

  it('splits our time by the phase of our frames, scaled by CPU share, with compile on its own', () => {
    const seen: string[][] = [];
    const phaseOf = (frames: readonly string[]) => {
      seen.push([...frames]);
      if (frames.includes('collectBlockSteps')) return 'read';
      if (frames[0] === 'send') return 'send';
      return frames.every((f) => f === '') ? 'start-up' : 'other';
    };
    const events = [
      // One task of 1 ms wall, half of it on the CPU: every sample in it counts half.
      ...task(0, 1_000, 500, [evaluate, compile]),
      ...profile([5, 5, 4, 6, 7, 2]),
    ];
    const cost = scriptCost(events, ID, phaseOf);
    expect(cost.phases.read).toBeCloseTo(0.15, 6);
    expect(cost.phases.send).toBeCloseTo(0.05, 6);
    expect(cost.phases['start-up']).toBeCloseTo(0.05, 6);
    expect(cost.phases.compile).toBeCloseTo(0.4, 6);
    expect(cost.phases.other).toBeUndefined();
    // The page's own sample is nobody's phase, and the phases add up to the headline figure.
    const sum = Object.values(cost.phases).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(cost.ourMs, 6);
    expect(cost.ourMs).toBeCloseTo(0.65, 6);
    // Our frames only, innermost first; each stack is classified once.
    expect(seen).toContainEqual(['isSkipped', 'collectBlockSteps', '']);
    expect(seen).toHaveLength(4);
  });

  it('leaves the phases empty without a classifier', () => {
    const cost = scriptCost([...task(0, 1_000, 500, [evaluate, compile]), ...profile([5, 6])], ID);
    expect(cost.phases).toEqual({});
    expect(cost.ourMs).toBeGreaterThan(0);
  });
});
