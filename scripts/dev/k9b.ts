import { builtin, seeds, play } from '../../test/helpers';
const sc = builtin(process.argv[2] ?? 'ad-agency');
let acqSpend = 0, acquired = 0, keepSpend = 0, custRounds = 0;
for (const seed of seeds(10)) {
  const g = play(sc, seed, 'value-based');
  for (const r of g.reports) { acqSpend += r.finance.acquisition; acquired += r.firm.acquired; keepSpend += r.finance.relationship + r.finance.retention; custRounds += r.firm.customers; }
}
const win = acqSpend / acquired, keep = keepSpend / (custRounds / 4);
console.log({ win, keepPerYear: keep, ratio: win / keep });
