package com.yibaoflow.policy.calc.contribution;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.Funding;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;

/** R-FUND-02, R-FUND-04, R-FUND-05: the fiscal subsidy and its split between central, province, city and county. */
final class FiscalSplit {

    private FiscalSplit() {}

    /** R-FUND-02, R-FUND-04, R-FUND-05. */
    static FiscalShares fiscalShares(PolicySnapshot snapshot, Residence residence, Explanation explanation) {
        Funding funding = snapshot.parameters().funding();
        BigDecimal fiscal = Money.of(funding.fiscalSubsidy());
        explanation.step(
                Rule.R_FUND_02,
                "fiscal subsidy of all levels together " + text(fiscal) + " per person per year.",
                explanation.param("funding.fiscalSubsidy", funding.fiscalSubsidy()));
        if (residence == Residence.NON_LOCAL_RESIDENT) {
            explanation.step(
                    Rule.R_FUND_05,
                    "a residence-permit holder enrolled locally gets the same fiscal subsidy " + "as local residents: "
                            + text(fiscal) + ".");
        }
        BigDecimal sharesOfLocal =
                funding.provinceShareOfLocal().add(funding.cityShareOfLocal()).add(funding.countyShareOfLocal());
        if (sharesOfLocal.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalStateException("Policy " + snapshot.label() + ": province/city/county shares of the "
                    + "local fiscal subsidy sum to " + sharesOfLocal.toPlainString() + ", not 1");
        }
        BigDecimal central = Money.times(fiscal, funding.centralShareRatio());
        BigDecimal local = fiscal.subtract(central);
        BigDecimal province = Money.times(local, funding.provinceShareOfLocal());
        BigDecimal city = Money.min(Money.times(local, funding.cityShareOfLocal()), local.subtract(province));
        BigDecimal county = local.subtract(province).subtract(city);
        explanation.step(
                Rule.R_FUND_04,
                "fiscal tier " + snapshot.fiscalTier() + ": central share " + text(fiscal)
                        + " × " + funding.centralShareRatio().toPlainString() + " = " + text(central) + ", local share "
                        + text(local) + ".",
                explanation.param("funding.centralShareRatio", funding.centralShareRatio()));
        explanation.step(
                Rule.R_FUND_04,
                "local share split: province " + text(province) + ", city " + text(city) + ", county " + text(county)
                        + " (the county takes the rounding remainder).",
                explanation.param("funding.provinceShareOfLocal", funding.provinceShareOfLocal()),
                explanation.param("funding.cityShareOfLocal", funding.cityShareOfLocal()),
                explanation.param("funding.countyShareOfLocal", funding.countyShareOfLocal()));
        return new FiscalShares(fiscal, central, local, province, city, county);
    }

    record FiscalShares(
            BigDecimal fiscal,
            BigDecimal central,
            BigDecimal local,
            BigDecimal province,
            BigDecimal city,
            BigDecimal county) {}
}
