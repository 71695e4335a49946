/**
 * The published findings of MODEL.md section 7 (K1-K12) and the metric benchmarks of issue 13
 * that the default parameters must reproduce. calibration.test.ts holds one test per entry,
 * named with its id and source, and checks that none is missing.
 */
export interface Finding {
  id: string;
  /** The first word of the test's name after the id: the source's first author. */
  source: string;
  finding: string;
}

export const FINDINGS: readonly Finding[] = [
  { id: 'K1', source: 'Jones', finding: 'Totally satisfied customers are about six times as likely to repurchase as merely satisfied ones in a competitive market; with high switching costs the gap is small.' },
  { id: 'K2', source: 'Mittal', finding: 'Satisfaction to actual repurchase is convex.' },
  { id: 'K3', source: 'TARP', finding: 'Who stays after a problem depends on complaining and on how it is handled.' },
  { id: 'K4', source: 'de', finding: 'An excellent first recovery lifts satisfaction slightly above no failure, but not repurchase; a second failure shows no paradox.' },
  { id: 'K5', source: 'TARP', finding: 'About twice as many people hear about a bad experience as about a good one.' },
  { id: 'K6', source: 'Oliva', finding: 'Under pressure p time per task is desired x p^-0.64; the standard erodes over about 19 weeks and does not recover by itself.' },
  { id: 'K7', source: 'Rucci', finding: '+5 points of employee attitude give about +1.3 points of customer impression and +0.5% revenue the next quarter.' },
  { id: 'K8', source: 'Heskett', finding: 'When a customer\'s service worker leaves, its satisfaction falls from about 75% to 55%.' },
  { id: 'K9', source: 'Reichheld', finding: 'Winning a customer costs about five times as much as keeping one.' },
  { id: 'K10', source: 'Fornell', finding: 'Quality affects satisfaction more than value does, and value more than expectations.' },
  { id: 'K11', source: 'Oliver', finding: 'Over-promising raises expectations and lowers satisfaction in the short run.' },
  { id: 'K12', source: 'Reinartz', finding: 'Tenure and profit are only moderately related.' },
  { id: 'NPS', source: 'Reichheld', finding: 'Service firms at ACSI-level satisfaction (75-80) report NPS of about +20..+50; promoters come from the delighted.' },
];
