import { describe, expect, it } from 'vitest';
import { FUSED_UNIT, isMoneyUnit, measureOf, unitBefore, unitOf } from './units.ts';

describe('units', () => {
  it.each([
    ['Miles', 'length'],
    ['kilometres', 'length'],
    ['inches', 'length'],
    ['feet', 'length'],
    ['lbs', 'mass'],
    ['tonnes', 'mass'],
    ['centuries', 'time'],
    ['days', 'time'],
    ['°C', 'temperature'],
    ['degrees', 'temperature'],
    ['$', 'money'],
    ['GBP', 'money'],
    ['cents', 'money'],
    ['megawatts', 'power'],
  ])('reads %s as a unit of %s', (word, kind) => {
    expect(unitOf(word)?.kind).toBe(kind);
  });

  it('names one unit however it is written, and keeps two currencies apart', () => {
    expect(unitOf('dollars')?.name).toBe(unitOf('USD')?.name);
    expect(unitOf('$')?.name).toBe(unitOf('dollar')?.name);
    expect(unitOf('pence')?.name).not.toBe(unitOf('cents')?.name);
    expect(unitOf('euros')?.name).not.toBe(unitOf('pounds')?.name);
  });

  it('converts measures to their base unit, never money, spans or temperatures', () => {
    expect(measureOf('miles')).toEqual({ base: 'm', size: 1609.344 });
    expect(measureOf('km')).toEqual({ base: 'm', size: 1000 });
    expect(measureOf('lb')).toEqual({ base: 'kg', size: 0.4536 });
    expect(measureOf('mph')?.base).toBe(measureOf('km/h')?.base);
    for (const w of ['pounds', 'dollars', 'years', '°F', 'people']) expect(measureOf(w)).toBeUndefined();
  });

  it('reads a unit joined to a description only where asked', () => {
    expect(unitOf('foot-wide')).toBeUndefined();
    expect(unitBefore('foot-wide')?.kind).toBe('length');
    expect(unitBefore('year-long')?.kind).toBe('time');
    expect(unitBefore('stations')).toBeUndefined();
  });

  it('tells money from other units', () => {
    expect(['€', 'euros', 'yen', 'bitcoin', 'francs'].every(isMoneyUnit)).toBe(true);
    expect(['km', 'years', 'people', undefined].some(isMoneyUnit)).toBe(false);
  });

  it.each([
    ['km/h on the motorway', 'km/h'],
    ['kWh a year', 'kWh'],
    ['kmh', 'kmh'],
    ['MW plant', 'MW'],
    ['lbs.', 'lbs'],
    ['in of rain', 'in'],
  ])('finds the unit written onto a figure in "%s"', (after, unit) => {
    expect(FUSED_UNIT.exec(after)?.[1]).toBe(unit);
  });

  it.each(['m of debt', 'kms', 'kg2', 'minutes'])('finds no fused unit in "%s"', (after) => {
    expect(FUSED_UNIT.exec(after)).toBeNull();
  });
});
