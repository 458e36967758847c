/**
 * The units figures are written in, in one table: what each measures and, for a measure that converts,
 * its size in its dimension's base unit. The number reader (a unit written onto its figure, "120km"),
 * the matcher (three miles are 4.8 km; "$" and "dollars" are one unit) and the stance rules (a measure
 * or a price is not a count; a sum of money names what it pays) all read units here, so a unit added
 * is known to all of them.
 */

/** What a unit measures. */
export type UnitKind =
  | 'money'
  | 'time'
  | 'length'
  | 'mass'
  | 'volume'
  | 'area'
  | 'speed'
  | 'temperature'
  | 'power'
  | 'energy'
  /** A change of a rate: percentage points and basis points (hundredths of one). */
  | 'rate';

/** A unit as the table knows it. */
export interface Unit {
  kind: UnitKind;
  /** The first name of its row: the names of one row ("$", "dollar", "usd") are one unit. */
  name: string;
  /**
   * Its size in the base unit of its kind (metres, kilograms, litres, hectares, km/h, kW, kWh), when
   * outlets convert it. Money, spans of time and temperatures have none: dollars are not pounds, "24
   * years" is not "288 months" in a story, and Fahrenheit is not a multiple of Celsius.
   */
  size?: number;
}

interface Row {
  kind: UnitKind;
  size?: number;
  /** Singular names, lower case, space-separated; plurals in "s", "es" and "ies" are read too. */
  names: string;
  /** The names also written onto the figure without a space ("120km", "5kg", "300MW"). */
  fused?: string;
}

/**
 * The table. A fused "m" is left out: "£40m" is as often millions as metres, and the number reader
 * reads it as the scale. Pounds are money here; weights in pounds are written "lb".
 */
const ROWS: readonly Row[] = [
  { kind: 'money', names: '$ dollar usd' },
  { kind: 'money', names: '€ euro eur' },
  { kind: 'money', names: '£ pound gbp sterling' },
  { kind: 'money', names: '¥ yen' },
  { kind: 'money', names: 'pence penny' },
  { kind: 'money', names: 'cent' },
  { kind: 'money', names: 'franc' },
  { kind: 'money', names: 'rupee' },
  { kind: 'money', names: 'bitcoin' },
  { kind: 'time', names: 'year' },
  { kind: 'time', names: 'month' },
  { kind: 'time', names: 'week' },
  { kind: 'time', names: 'day' },
  { kind: 'time', names: 'hour' },
  { kind: 'time', names: 'minute' },
  { kind: 'time', names: 'second' },
  { kind: 'time', names: 'decade' },
  { kind: 'time', names: 'century' },
  { kind: 'length', size: 1000, names: 'km kilometre kilometer', fused: 'km' },
  { kind: 'length', size: 1609.344, names: 'mile mi' },
  { kind: 'length', size: 1, names: 'm metre meter' },
  { kind: 'length', size: 0.01, names: 'cm centimetre centimeter', fused: 'cm' },
  { kind: 'length', size: 0.001, names: 'mm millimetre millimeter', fused: 'mm' },
  { kind: 'length', size: 0.3048, names: 'foot feet ft', fused: 'ft' },
  { kind: 'length', size: 0.9144, names: 'yard' },
  { kind: 'length', size: 0.0254, names: 'inch in', fused: 'in' },
  { kind: 'mass', size: 1, names: 'kg kilogram kilo', fused: 'kg' },
  { kind: 'mass', names: 'g gram' },
  { kind: 'mass', size: 0.4536, names: 'lb lbs', fused: 'lb lbs' },
  { kind: 'mass', size: 1000, names: 'tonne ton' },
  { kind: 'mass', names: 'stone' },
  { kind: 'volume', size: 1, names: 'litre liter' },
  { kind: 'volume', names: 'ml', fused: 'ml' },
  { kind: 'volume', size: 3.785, names: 'gallon' },
  { kind: 'volume', names: 'barrel' },
  { kind: 'area', size: 1, names: 'hectare ha', fused: 'ha' },
  { kind: 'area', size: 0.4047, names: 'acre' },
  { kind: 'speed', size: 1, names: 'km/h kph kmh', fused: 'km/h kph kmh' },
  { kind: 'speed', size: 1.609344, names: 'mph', fused: 'mph' },
  { kind: 'speed', names: 'knot' },
  { kind: 'temperature', names: '°c' },
  { kind: 'temperature', names: '°f' },
  { kind: 'temperature', names: 'degree' },
  { kind: 'power', names: 'kw kilowatt', fused: 'kw' },
  { kind: 'power', names: 'mw megawatt', fused: 'mw' },
  { kind: 'power', names: 'gw gigawatt', fused: 'gw' },
  { kind: 'energy', names: 'kwh', fused: 'kwh' },
  { kind: 'energy', names: 'mwh', fused: 'mwh' },
  { kind: 'energy', names: 'gwh', fused: 'gwh' },
  { kind: 'energy', names: 'twh', fused: 'twh' },
  // "half a percentage point", "50 basis points": the figure's unit is the first word of the two.
  { kind: 'rate', size: 1, names: 'percentage percentage-point' },
  { kind: 'rate', size: 0.01, names: 'basis basis-point bp bps', fused: 'bp bps' },
];

const UNITS = new Map<string, Unit>();
for (const row of ROWS) {
  const names = row.names.split(' ');
  const unit: Unit = { kind: row.kind, name: names[0], ...(row.size ? { size: row.size } : {}) };
  for (const n of names) UNITS.set(n, unit);
}

/**
 * The unit a word names ("Miles", "kilometres", "centuries", "lbs", "$"), whole-word: "foot-wide" is
 * not a foot (`unitBefore` reads it so).
 */
export function unitOf(word: string | undefined): Unit | undefined {
  if (!word) return undefined;
  const u = word.toLowerCase();
  return (
    UNITS.get(u) ??
    UNITS.get(u.replace(/e?s$/, '')) ??
    UNITS.get(u.replace(/s$/, '')) ??
    UNITS.get(u.replace(/ies$/, 'y'))
  );
}

/** The unit a word begins with before a hyphen ("39-foot-wide": foot; "a 12-year-long wait": year), or it names. */
export function unitBefore(word: string | undefined): Unit | undefined {
  return unitOf(word?.split('-')[0]);
}

/** The base unit of each kind that converts: the name of its row of size 1 ("m", "kg"). */
const BASE = new Map<UnitKind, string>();
for (const row of ROWS) if (row.size === 1) BASE.set(row.kind, row.names.split(' ')[0]);

/**
 * A measure that converts, by the unit a word names: its dimension's base unit and its size in it
 * ("three miles" is 3 x 1,609 m). Undefined for money, spans, temperatures and any unit without a size.
 */
export function measureOf(word: string | undefined): { base: string; size: number } | undefined {
  const unit = unitOf(word);
  const base = unit?.size ? BASE.get(unit.kind) : undefined;
  return unit?.size && base ? { base, size: unit.size } : undefined;
}

/** Whether a word names a unit of money ("$", "euros", "GBP"). */
export function isMoneyUnit(word: string | undefined): boolean {
  return unitOf(word)?.kind === 'money';
}

/**
 * A unit written onto its figure at the start of `after` ("km" of "120km away", "MW" of "300MW"), not
 * followed by a letter or digit; the name as written.
 */
export const FUSED_UNIT = new RegExp(
  `^(${ROWS.flatMap((r) => r.fused?.split(' ') ?? [])
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\d])`,
  'iu',
);
