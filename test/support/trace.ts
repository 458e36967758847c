/**
 * Measures what ClaimLens costs a page from outside the page, with Chromium's own tracing: the
 * renderer's tasks (`RunTask`) and the V8 sampling profiler. A sample counts as ours when any frame of
 * its stack belongs to a script of the extension (`chrome-extension://<id>/...`), so the figures need
 * no instrumentation in the shipped build and include DOM work our code triggers (it is sampled inside
 * our frames). `taskCost` attributes whole tasks by their cause instead, and so needs no profiler.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration of a complete event. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

/** What our content script cost one page. Times in milliseconds. */
export interface ScriptCost {
  /**
   * Main-thread CPU time in the extension's code: the sampled time of each task scaled by that task's
   * CPU share (`tdur / dur`). On a loaded 2-core machine the renderer thread is often descheduled in
   * the middle of a task (the service worker analysing the same article competes for a core), and a
   * wall-clock sample then counts time nobody spent on that thread.
   */
  ourMs: number;
  /** The same, in wall-clock time as sampled (includes time the thread was descheduled). */
  ourWallMs: number;
  /**
   * Compiling our scripts on the main thread (`v8.compile` of the classic content script; a streamed
   * module's is on a background thread). No frame of ours is on the stack yet, so no sample shows it;
   * it is added to both figures above (CPU time to `ourMs`).
   */
  compileMs: number;
  /** The same compile time, wall-clock. */
  compileWallMs: number;
  /** Number of top-level tasks in which our code ran. */
  tasks: number;
  /** The longest of those tasks, whole (our code plus anything the page did in the same task). */
  longestTaskMs: number;
  /** Our own sampled time inside the task where it was largest. */
  longestOwnInTaskMs: number;
  /** Tasks over 50 ms whose sampled time was mostly ours. */
  longTasksCausedByUs: number;
  /** Sampling interval observed (ms), the resolution of `ourMs`. */
  sampleIntervalMs: number;
  /**
   * `ourMs` split by phase (CPU milliseconds, scaled like `ourMs`, compile under `compile`), when
   * `scriptCost` was given a `PhaseOf`; empty otherwise. The phases add up to `ourMs`.
   */
  phases: Record<string, number>;
}

/**
 * Names the phase a sample of ours belongs to, from the names of our frames on its stack (innermost
 * first; anonymous functions are ''). Only a build that keeps function names gives useful names.
 */
export type PhaseOf = (ourFrames: readonly string[]) => string;

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'];
/** The V8 sampling profiler, which attributes samples to our scripts (and logs every function compiled). */
const PROFILER = 'disabled-by-default-v8.cpu_profiler';

/** How long a trace may take to end: far longer than the trace of one page load takes. */
const TRACE_END_MS = 60_000;

/** A running trace of the whole browser, started through a page's DevTools session. */
export class PageTrace {
  private readonly events: TraceEvent[] = [];
  private constructor(private readonly cdp: CDPSession) {
    const collect = (e: { value: TraceEvent[] }) => {
      for (const v of e.value) this.events.push(v);
    };
    (cdp as unknown as { on(event: string, fn: (e: { value: TraceEvent[] }) => void): void }).on(
      'Tracing.dataCollected',
      collect,
    );
  }

  /**
   * `profile: false` leaves the sampling profiler off: no sample attribution then, but compile times
   * without the profiler's own logging of every compiled function (see `compileTime`).
   */
  static async start(page: Page, { profile = true } = {}): Promise<PageTrace> {
    const cdp = await page.context().newCDPSession(page);
    const trace = new PageTrace(cdp);
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: profile ? [...CATEGORIES, PROFILER] : CATEGORIES,
        recordMode: 'recordContinuously',
      },
    } as never);
    return trace;
  }

  /**
   * Stops tracing and returns every event. The wait for the trace's end is bounded: a browser that
   * closes after `Tracing.end` never sends `tracingComplete`, and the bench then hung with no report.
   */
  async stop(): Promise<TraceEvent[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = new Promise<void>((resolve, reject) => {
      this.cdp.once('Tracing.tracingComplete', () => resolve());
      timer = setTimeout(
        () => reject(new Error(`Target closed: no end of the trace in ${TRACE_END_MS / 1000} s`)),
        TRACE_END_MS,
      );
    });
    try {
      await this.cdp.send('Tracing.end');
      await done;
    } finally {
      clearTimeout(timer);
    }
    await this.cdp.detach().catch(() => {});
    return this.events;
  }
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

/**
 * Attributes main-thread time to the extension. `extensionId` picks our scripts; the renderer's main
 * thread is the one where our content script was evaluated.
 */
export function scriptCost(events: TraceEvent[], extensionId: string, phaseOf?: PhaseOf): ScriptCost {
  const prefix = `chrome-extension://${extensionId}/`;
  const main = mainThreadOf(events, prefix);
  const empty: ScriptCost = {
    ourMs: 0,
    ourWallMs: 0,
    compileMs: 0,
    compileWallMs: 0,
    tasks: 0,
    longestTaskMs: 0,
    longestOwnInTaskMs: 0,
    longTasksCausedByUs: 0,
    sampleIntervalMs: 0,
    phases: {},
  };
  if (!main) return empty;
  // Profiles of the main thread, and their chunks (which the profiler thread emits under the same id).
  const profiles = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid && e.id) {
      profiles.set(e.id, Number((e.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts));
    }
  }
  const nodes = new Map<number, ProfileNode>();
  const ours = new Map<number, boolean>();
  const phaseOfNode = new Map<number, string>();
  const samples: { ts: number; ours: boolean; phase?: string }[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== main.pid || !e.id || !profiles.has(e.id)) continue;
    const data = e.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(e.id) ?? (profiles.get(e.id) as number);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      const own = isOurs(ids[i], nodes, ours, prefix);
      samples.push({ ts: t, ours: own, phase: own && phaseOf ? phaseOfSample(ids[i]) : undefined });
    }
    clock.set(e.id, t);
  }
  function phaseOfSample(leaf: number): string {
    let phase = phaseOfNode.get(leaf);
    if (phase === undefined) {
      const frames: string[] = [];
      for (let n = nodes.get(leaf); n; n = n.parent === undefined ? undefined : nodes.get(n.parent))
        if (n.callFrame.url?.startsWith(prefix)) frames.push(n.callFrame.functionName ?? '');
      phase = (phaseOf as PhaseOf)(frames);
      phaseOfNode.set(leaf, phase);
    }
    return phase;
  }
  samples.sort((a, b) => a.ts - b.ts);
  const intervals: number[] = [];
  for (let i = 1; i < samples.length; i++) intervals.push(samples[i].ts - samples[i - 1].ts);
  const typical = median(intervals.filter((d) => d > 0)) || 100;
  // A sample stands for the time until the next one, capped so idle gaps are not counted.
  const weight = (i: number) =>
    Math.min(samples[i + 1] ? samples[i + 1].ts - samples[i].ts : typical, typical * 4);
  let ourWallUs = 0;
  for (let i = 0; i < samples.length; i++) if (samples[i].ours) ourWallUs += weight(i);
  // Our samples outside any recorded task count in full; inside a task, at the task's CPU share.
  let ourCpuUs = ourWallUs;
  /** Each sample's CPU share, for the phases only (a sample outside our tasks counts in full). */
  const share = phaseOf ? new Float64Array(samples.length).fill(1) : null;

  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur)
    .sort((a, b) => a.ts - b.ts);
  let taskCount = 0;
  let longest = 0;
  let longestOwn = 0;
  let longCaused = 0;
  let s = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (s < samples.length && samples[s].ts < task.ts) s++;
    let own = 0;
    let all = 0;
    for (let i = s; i < samples.length && samples[i].ts < end; i++) {
      all += weight(i);
      if (samples[i].ours) own += weight(i);
    }
    if (!own) continue;
    const cpuShare = task.tdur !== undefined && task.dur ? Math.min(1, task.tdur / task.dur) : 1;
    ourCpuUs -= own * (1 - cpuShare);
    if (share) for (let i = s; i < samples.length && samples[i].ts < end; i++) share[i] = cpuShare;
    taskCount++;
    longest = Math.max(longest, task.dur ?? 0);
    longestOwn = Math.max(longestOwn, own);
    if ((task.dur ?? 0) > 50_000 && own > all / 2) longCaused++;
  }
  const compile = compileOn(events, main, prefix);
  const phases: Record<string, number> = {};
  if (share) {
    for (let i = 0; i < samples.length; i++) {
      const phase = samples[i].phase;
      if (phase !== undefined) phases[phase] = (phases[phase] ?? 0) + (weight(i) * share[i]) / 1000;
    }
    phases.compile = (phases.compile ?? 0) + compile.cpuMs;
  }
  return {
    ourMs: ourCpuUs / 1000 + compile.cpuMs,
    ourWallMs: ourWallUs / 1000 + compile.wallMs,
    compileMs: compile.cpuMs,
    compileWallMs: compile.wallMs,
    tasks: taskCount,
    longestTaskMs: longest / 1000,
    longestOwnInTaskMs: longestOwn / 1000,
    longTasksCausedByUs: longCaused,
    sampleIntervalMs: typical / 1000,
    phases,
  };
}

/** What our content script cost one page, by whole tasks (see `taskCost`). Times in milliseconds. */
export interface TaskCost {
  /** CPU time of the renderer main-thread tasks that ran on our behalf, plus our callbacks in the page's tasks. */
  cpuMs: number;
  /** The same, wall-clock. */
  wallMs: number;
  /** Number of those tasks. */
  tasks: number;
  /** The longest of them (wall-clock). */
  longestTaskMs: number;
  /** CPU time of the extension-messaging tasks among them (our requests' answers arriving). */
  messagingMs: number;
}

/**
 * Main-thread time spent on our behalf, attributed by cause instead of by sampling, so it can be taken
 * from a trace without the V8 sampling profiler (whose interrupts, every ~0.2 ms on this machine, slow
 * the very code they measure). A task is ours when it evaluates our script, delivers an extension
 * message to this renderer (`Receive mojo message` on an `extensions.mojom.*` interface: the answers
 * to our requests), or fires a timer that one of our tasks (or one of our callbacks) installed; in any
 * other task (the page's), only our own callbacks count (`FunctionCall` of one of our functions: a
 * MutationObserver or event listener). Every such task counts whole: its microtasks are ours, and so
 * is what the browser does to deliver our messages. The page's own tasks never run inside ours.
 */
export function taskCost(events: TraceEvent[], extensionId: string): TaskCost {
  const prefix = `chrome-extension://${extensionId}/`;
  const main = mainThreadOf(events, prefix);
  const cost: TaskCost = { cpuMs: 0, wallMs: 0, tasks: 0, longestTaskMs: 0, messagingMs: 0 };
  if (!main) return cost;
  const onMain = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'i'))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const timerKey = (e: TraceEvent) => {
    const d = e.args?.data as { frame?: unknown; timerId?: unknown } | undefined;
    return `${d?.frame}:${d?.timerId}`;
  };
  const ourTimers = new Set<string>();
  let cpuUs = 0;
  let wallUs = 0;
  let messagingUs = 0;
  let longest = 0;
  for (let i = 0; i < onMain.length; i++) {
    const task = onMain[i];
    if (task.name !== 'RunTask' || task.ph !== 'X') continue;
    const end = task.ts + (task.dur ?? 0);
    let j = i + 1;
    while (j < onMain.length && onMain[j].ts <= end) j++;
    const inside = onMain.slice(i + 1, j);
    const messaging = inside.some(
      (e) =>
        e.name === 'Receive mojo message' &&
        String(
          (e.args?.chrome_mojo_event_info as { mojo_interface_tag?: unknown } | undefined)
            ?.mojo_interface_tag ?? '',
        ).startsWith('extensions.mojom.'),
    );
    const ours =
      messaging ||
      inside.some(
        (e) =>
          ((e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule') &&
            namesOurScript(e, prefix)) ||
          (e.name === 'TimerFire' && ourTimers.has(timerKey(e))),
      );
    if (ours) {
      cpuUs += task.tdur ?? task.dur ?? 0;
      wallUs += task.dur ?? 0;
      if (messaging) messagingUs += task.tdur ?? task.dur ?? 0;
      longest = Math.max(longest, task.dur ?? 0);
      cost.tasks++;
      for (const e of inside) if (e.name === 'TimerInstall') ourTimers.add(timerKey(e));
    } else {
      // The page's task: only our callbacks in it (outermost ones), and the timers they install.
      let coveredUntil = -1;
      for (const e of inside) {
        if (e.name !== 'FunctionCall' || e.ph !== 'X' || !namesOurScript(e, prefix) || e.ts <= coveredUntil)
          continue;
        coveredUntil = e.ts + (e.dur ?? 0);
        cpuUs += e.tdur ?? e.dur ?? 0;
        wallUs += e.dur ?? 0;
        for (const t of inside)
          if (t.name === 'TimerInstall' && t.ts >= e.ts && t.ts <= coveredUntil) ourTimers.add(timerKey(t));
      }
    }
  }
  cost.cpuMs = cpuUs / 1000;
  cost.wallMs = wallUs / 1000;
  cost.messagingMs = messagingUs / 1000;
  cost.longestTaskMs = longest / 1000;
  return cost;
}

/**
 * Main-thread compile time of the extension's scripts in a trace (CPU and wall-clock milliseconds).
 * From a trace without the profiler (`PageTrace.start(page, { profile: false })`) this is what compiling
 * costs a reader; with the profiler on, V8 also logs every function it compiles, which the same 24 pages
 * measured at about 0.6 ms more per page for a 27 KB script.
 */
export function compileTime(events: TraceEvent[], extensionId: string): { cpuMs: number; wallMs: number } {
  const prefix = `chrome-extension://${extensionId}/`;
  const main = mainThreadOf(events, prefix);
  return main ? compileOn(events, main, prefix) : { cpuMs: 0, wallMs: 0 };
}

function compileOn(
  events: TraceEvent[],
  main: { pid: number; tid: number },
  prefix: string,
): { cpuMs: number; wallMs: number } {
  let cpuUs = 0;
  let wallUs = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== main.pid || e.tid !== main.tid) continue;
    if (e.name !== 'v8.compile' && e.name !== 'v8.compileModule') continue;
    if (!namesOurScript(e, prefix)) continue;
    cpuUs += e.tdur ?? e.dur ?? 0;
    wallUs += e.dur ?? 0;
  }
  return { cpuMs: cpuUs / 1000, wallMs: wallUs / 1000 };
}

function isOurs(
  id: number,
  nodes: Map<number, ProfileNode>,
  memo: Map<number, boolean>,
  prefix: string,
): boolean {
  const path: number[] = [];
  let result = false;
  for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
    const known = memo.get(n.id);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(n.id);
    if (n.callFrame.url?.startsWith(prefix)) {
      result = true;
      break;
    }
  }
  for (const p of path) memo.set(p, result);
  return result;
}

/** Whether a trace event names one of our scripts (`args.data.url` under the extension's origin). */
function namesOurScript(e: TraceEvent, prefix: string): boolean {
  const url = (e.args?.data as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' && url.startsWith(prefix);
}

/** The renderer main thread that evaluated our content script. */
function mainThreadOf(events: TraceEvent[], prefix: string): { pid: number; tid: number } | null {
  for (const e of events) {
    if ((e.name === 'EvaluateScript' || e.name === 'v8.compileModule') && namesOurScript(e, prefix)) {
      return { pid: e.pid, tid: e.tid };
    }
  }
  // Parents are not always in the profile's node list; fall back to any sampled extension frame.
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const nodes =
      (e.args?.data as { cpuProfile?: { nodes?: ProfileNode[] } } | undefined)?.cpuProfile?.nodes ?? [];
    if (nodes.some((n) => n.callFrame.url?.startsWith(prefix))) {
      const profile = events.find((p) => p.name === 'Profile' && p.id === e.id);
      if (profile) return { pid: profile.pid, tid: profile.tid };
    }
  }
  return null;
}

/** Median of a list (0 when empty). */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile (0 when empty). */
export function quantile(values: number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}
