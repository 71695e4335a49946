import { clamp01, sat } from '../math';
import { definePass } from '../pass';

/**
 * Step 1 of a round: investments enter their stocks, `stock = stock (1-depreciation) +
 * investment`, and each stock gives a saturating effect `stock/(stock+half)` (C3, C13).
 * CRM investment that training does not match strains employees for a while (C14).
 */
export const capabilityPass = definePass({
  name: 'capability',
  steps: [1],
  doc: 'Investments enter their stocks; each stock gives its saturating effect.',
  reads: ['P', 'd'],
  writes: ['firm.systems', 'firm.trainingStock', 'firm.brandStock', 'firm.adoptionStrain', 'sfa', 'mkt', 'desk', 'dataEff', 'trainingEff', 'brandEff', 'dataQuality', 'precision', 'fin'],
  run(ctx) {
    const { P, d, s } = ctx;
    const cap = P.capability;
    const f = s.firm;
    const sys = f.systems;
    const keep = 1 - cap.systemsDepreciation;
    sys.salesAutomation = sys.salesAutomation * keep + d.systems.salesAutomation;
    sys.marketingAutomation = sys.marketingAutomation * keep + d.systems.marketingAutomation;
    sys.serviceDesk = sys.serviceDesk * keep + d.systems.serviceDesk;
    sys.dataPlatform = sys.dataPlatform * keep + d.systems.dataPlatform;
    f.trainingStock = f.trainingStock * (1 - cap.trainingDepreciation) + d.people.trainingSpend;
    f.brandStock = f.brandStock * (1 - cap.brandDepreciation) + d.brandSpend;
    const h = cap.systemsHalfSaturation;
    ctx.sfa = sat(sys.salesAutomation, h);
    ctx.mkt = sat(sys.marketingAutomation, h);
    ctx.desk = sat(sys.serviceDesk, h);
    ctx.dataEff = sat(sys.dataPlatform, h);
    ctx.trainingEff = sat(f.trainingStock, cap.trainingHalfSaturation);
    ctx.brandEff = sat(f.brandStock, cap.brandHalfSaturation);
    ctx.dataQuality = clamp01(P.data.baseQuality + (1 - P.data.baseQuality) * cap.dataQualityGain * ctx.dataEff);
    ctx.precision = clamp01(0.7 * ctx.dataQuality + P.data.marketingPrecision * ctx.mkt);
    const invest = d.systems.salesAutomation + d.systems.marketingAutomation + d.systems.serviceDesk + d.systems.dataPlatform;
    f.adoptionStrain = f.adoptionStrain * (1 - cap.adoptionStrainDecay) + cap.adoptionStrainPerMoney * invest * (1 - ctx.trainingEff);
    const fin = ctx.fin;
    fin.systems = invest;
    fin.training = d.people.trainingSpend;
    fin.brand = d.brandSpend;
  },
});
