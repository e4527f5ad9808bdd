// Every rule id the catalogue ships. The registry is a Record over this union, so adding an id here
// without a rule (or a rule without an id here) fails to compile. Ids follow docs/detections.md:
// R01-R68 come from the anchor catalogue (a letter suffix when one anchor needs two rule kinds),
// X01+ are the execution and lateral-movement extras. R36, R41 and R48 are statistical baselines and
// belong to lib/scoring, not here.
export const RULE_IDS = [
  'R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10',
  'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19', 'R20',
  'R21', 'R22', 'R23', 'R24a', 'R24b', 'R25', 'R26', 'R27', 'R28a', 'R28b',
  'R29', 'R30', 'R31', 'R32', 'R33', 'R34', 'R35', 'R37', 'R38', 'R39',
  'R40', 'R42', 'R43', 'R44', 'R45', 'R46a', 'R46b', 'R47', 'R49', 'R50',
  'R51', 'R52', 'R53', 'R54', 'R55', 'R56', 'R57', 'R58', 'R59a', 'R59b',
  'R59c', 'R60', 'R61', 'R62', 'R63', 'R64', 'R65', 'R66', 'R67', 'R68',
  'X01', 'X02', 'X03', 'X04', 'X05', 'X06', 'X07', 'X08', 'X09', 'X10',
  'X11', 'X12',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
