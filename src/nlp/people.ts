/**
 * Nouns that name a kind of people a story counts ("47 diners", "one inmate", "six officers"), singular.
 * The reader of figures counts "one" before them, and the matcher holds each a part of "people", so that
 * "Forty-seven people became ill" and "More than 60 diners were struck down" are two counts of one group.
 * One list for both: a kind missing here is missing from each. The dead count as people ("14 deaths", "20
 * people have died").
 */
export const PEOPLE_KINDS: readonly string[] = (
  'person man woman child boy girl baby teenager adult youth infant toddler pensioner ' +
  'soldier troop officer policeman policewoman firefighter paramedic rescuer guard ' +
  'worker employee staffer labourer laborer miner contractor volunteer ' +
  'passenger driver pilot crew commuter motorist cyclist pedestrian rider traveller traveler tourist visitor guest ' +
  'diner customer shopper spectator fan supporter player athlete runner competitor ' +
  'patient nurse doctor student pupil teacher member voter delegate lawmaker ' +
  'victim casualty death fatality survivor civilian resident villager inhabitant homeowner tenant ' +
  'prisoner inmate detainee hostage suspect migrant refugee evacuee protester demonstrator ' +
  'fisherman farmer sailor journalist reporter hiker climber swimmer skier ' +
  'son daughter mother father wife husband actor actress singer'
).split(' ');
