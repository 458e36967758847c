import { describe, expect, it } from 'vitest';
import { stateConflict } from './states.ts';

/** Pairs of sentences that give one thing opposite states, with the states each gives. */
const CONFLICTS: readonly [ours: string, theirs: string, states: [string, string]][] = [
  [
    'The main road bridge into town remains closed.',
    'The main road bridge into town reopened on Tuesday afternoon after inspectors checked it.',
    ['remains closed', 'reopened'],
  ],
  [
    'Pereda airport was closed and all flights were cancelled until further notice.',
    'Pereda airport remained open, though several airlines cancelled flights.',
    ['was closed', 'remained open'],
  ],
  [
    "The company's Keston desalination plant is currently offline for maintenance.",
    "Southvale's Keston desalination plant is running at full output, the company said.",
    ['offline', 'at full output'],
  ],
  [
    'Valtrix has suspended all withdrawals while it investigates, but trading on the platform continued normally.',
    'All withdrawals have been suspended, and trading on the exchange was halted.',
    ['continued normally', 'halted'],
  ],
  [
    'Investigators said the signal was functioning normally when the train passed it.',
    'A signal failure caused the crash, the operator said.',
    ['functioning normally', 'failure'],
  ],
  [
    'The mercury hit a sizzling 44.6C at Castrelo airport, smashing the old record of 44.1C.',
    'The institute said the national record of 44.1C, set in 2019, still stands.',
    ['smashing the old record', 'record of 44.1C, set in 2019, still stands'],
  ],
  [
    'The missing climber was found alive on Sunday.',
    'The missing climber was found dead on Sunday.',
    ['found alive', 'found dead'],
  ],
  [
    'Production at the Tarrow plant continues, a company spokesperson said.',
    'The Tarrow plant has been shut down while engineers replace the drying equipment.',
    ['continues', 'been shut down'],
  ],
  [
    'Mayor Linda Okafor voted against the package, saying it would hurt the poorest neighbourhoods.',
    'Mayor Linda Okafor, who backed the cuts, refused to comment.',
    ['voted against', 'backed'],
  ],
  [
    'Engineers found cracks in the dam above Orsheim, and residents below it were told to leave.',
    'Engineers inspected the dam above Orsheim on Tuesday and found it undamaged.',
    ['cracks', 'undamaged'],
  ],
];

/** Pairs that tell no contradiction, each with why. */
const NO_CONFLICT: readonly [ours: string, theirs: string, why: string][] = [
  [
    'The bridge was closed after the dam burst.',
    'The bridge reopened on Tuesday afternoon.',
    'closed, then reopened: a day told in order, no lasting state against an event',
  ],
  [
    'The airport remained open on Sunday.',
    'Schools in the valley were closed on Monday.',
    'two things, an airport and schools',
  ],
  [
    'Withdrawals were suspended but trading continued normally.',
    'Withdrawals were suspended while the firm investigated.',
    'the same state of one thing, and another thing in a state of its own',
  ],
  [
    'Withdrawals were suspended but trading continued normally.',
    'Trading continued normally, though withdrawals were halted.',
    'both sentences give both things the same states',
  ],
  [
    'The council backed the plan on Tuesday.',
    'The mayor opposed the plan.',
    'two voters, the council and the mayor',
  ],
  [
    'The search for the missing climbers continued on Tuesday.',
    'The ski lifts were shut down on Tuesday.',
    'a search that went on, and lifts: two things',
  ],
  [
    'The road was not closed on Sunday.',
    'The road remains closed.',
    'a negated state is left to the negation rules',
  ],
];

describe('stateConflict', () => {
  it.each(CONFLICTS)('reads opposite states: %s / %s', (ours, theirs, [a, b]) => {
    expect(stateConflict(ours, theirs)).toEqual({ ours: a, theirs: b });
    expect(stateConflict(theirs, ours)).toEqual({ ours: b, theirs: a });
  });

  it.each(NO_CONFLICT)('reads none: %s / %s (%s)', (ours, theirs) => {
    expect(stateConflict(ours, theirs)).toBeNull();
    expect(stateConflict(theirs, ours)).toBeNull();
  });
});
