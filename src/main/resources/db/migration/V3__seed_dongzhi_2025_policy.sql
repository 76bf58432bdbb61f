-- Dongzhi County (东至县, 341721) coverage year 2025, version 1, from [D] 东政办〔2024〕11号 (RULES.md §1-§8).
-- Figures fixed by the seeds are marked confirmed; the others are samples ("SAMPLE — confirm locally") that the
-- office must confirm, and every figure names its rule and source in the provenance map. The same figures are the
-- calculators' test fixture (TestSnapshots.dongzhi2025), and a test holds the two together.
insert into policy_version (region_code, coverage_year, version, status, parameters, provenance, approving_request_ref,
                            note, created_at, created_by, activated_at, activated_by)
values ('341721', 2025, 1, 'DRAFT',
$json${
  "periods" : {
    "collectionStart" : "2024-09-01",
    "collectionEnd" : "2024-12-31",
    "coverageStart" : "2025-01-01",
    "coverageEnd" : "2025-12-31"
  },
  "funding" : {
    "individualStandard" : 400,
    "fiscalSubsidy" : 670,
    "centralShareRatio" : 0.60,
    "provinceShareOfLocal" : 0.40,
    "cityShareOfLocal" : 0.30,
    "countyShareOfLocal" : 0.30
  },
  "subsidies" : {
    "EXTREME_POVERTY" : 400,
    "MINIMUM_LIVING" : 360,
    "ENTITLED_GROUP" : 360,
    "FAMILY_PLANNING_SPECIAL" : 360,
    "RELAPSED_POVERTY" : 320,
    "POVERTY_MONITORING" : 200,
    "RETIRED_FISHERMAN" : 240,
    "SEVERE_DISABILITY" : 160
  },
  "waiting" : {
    "fixedMonths" : 3,
    "monthsPerGapYear" : 1,
    "firstMissedYearCounts" : true,
    "monthsRemovedPerBackPaidYear" : 1,
    "longGapYears" : 4,
    "longGapMinimumMonths" : 6,
    "newbornGraceDays" : 90,
    "exemptGroups" : [ "NEWBORN" ]
  },
  "incentives" : {
    "continuousYearsThreshold" : 4,
    "raisePerContinuousYear" : 1000,
    "raisePerZeroClaimYear" : 1000,
    "raiseCapRatioOfOriginalCap" : 0.20
  },
  "benefits" : {
    "inpatient" : {
      "deductible" : 500,
      "fundRatio" : 0.70,
      "annualCap" : 100000
    },
    "criticalIllness" : {
      "deductible" : 15000,
      "segments" : [ {
        "upTo" : 35000,
        "ratio" : 0.60
      }, {
        "upTo" : 85000,
        "ratio" : 0.65
      }, {
        "upTo" : 185000,
        "ratio" : 0.70
      }, {
        "upTo" : null,
        "ratio" : 0.75
      } ],
      "annualCap" : 110000
    },
    "favour" : {
      "categories" : [ "RELAPSED_POVERTY", "EXTREME_POVERTY", "MINIMUM_LIVING" ],
      "deductibleReduction" : 0.50,
      "ratioIncrease" : 0.05,
      "noCap" : true
    },
    "assistance" : {
      "EXTREME_POVERTY" : {
        "ratio" : 0.70,
        "deductible" : 0,
        "annualLimit" : 60000
      },
      "MINIMUM_LIVING" : {
        "ratio" : 0.70,
        "deductible" : 0,
        "annualLimit" : 50000
      },
      "RELAPSED_POVERTY" : {
        "ratio" : 0.65,
        "deductible" : 1000,
        "annualLimit" : 40000
      },
      "POVERTY_MONITORING" : {
        "ratio" : 0.60,
        "deductible" : 2000,
        "annualLimit" : 30000
      }
    },
    "childbirth" : {
      "naturalAllowance" : 1600,
      "caesareanAllowance" : 2400
    },
    "provincePerCapitaDisposableIncome" : 34893
  },
  "monitoring" : {
    "priorYearRuralPerCapitaIncome" : 21144,
    "warningLines" : {
      "LOW_INCOME" : {
        "absoluteAmount" : 10000,
        "ratioOfRuralIncome" : null
      },
      "FORMERLY_POOR" : {
        "absoluteAmount" : null,
        "ratioOfRuralIncome" : 0.50
      },
      "RURAL_OTHER" : {
        "absoluteAmount" : null,
        "ratioOfRuralIncome" : 1.00
      },
      "OTHER" : {
        "absoluteAmount" : 26000,
        "ratioOfRuralIncome" : null
      }
    }
  }
}$json$::jsonb,
$json${
  "benefits.assistance.POVERTY_MONITORING.annualLimit" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.criticalIllness.deductible" : {
    "ruleId" : "R-BEN-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.inpatient.annualCap" : {
    "ruleId" : "R-BEN-01",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.inpatient.deductible" : {
    "ruleId" : "R-BEN-01",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "incentives.raisePerZeroClaimYear" : {
    "ruleId" : "R-WAIT-07",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "incentives.continuousYearsThreshold" : {
    "ruleId" : "R-WAIT-06",
    "source" : "[D]",
    "clause" : "(五)",
    "confirmed" : true
  },
  "subsidies.SEVERE_DISABILITY" : {
    "ruleId" : "R-SUB-08",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "monitoring.priorYearRuralPerCapitaIncome" : {
    "ruleId" : "R-MON-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.favour.categories" : {
    "ruleId" : "R-BEN-06",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "funding.provinceShareOfLocal" : {
    "ruleId" : "R-FUND-04",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.RELAPSED_POVERTY.ratio" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.MINIMUM_LIVING.ratio" : {
    "ruleId" : "R-BEN-05",
    "source" : "[N]",
    "clause" : "一",
    "confirmed" : true
  },
  "waiting.monthsPerGapYear" : {
    "ruleId" : "R-WAIT-03",
    "source" : "[G]",
    "clause" : "“每多断保1年…增加变动待遇等待期1个月”",
    "confirmed" : true
  },
  "periods.collectionStart" : {
    "ruleId" : "R-REG-02",
    "source" : "[D]",
    "clause" : "(一)",
    "confirmed" : true
  },
  "periods.coverageStart" : {
    "ruleId" : "R-REG-02",
    "source" : "[D]",
    "clause" : "(一)",
    "confirmed" : true
  },
  "waiting.exemptGroups" : {
    "ruleId" : "R-WAIT-01",
    "source" : "[D]",
    "clause" : "(五)",
    "confirmed" : true
  },
  "funding.cityShareOfLocal" : {
    "ruleId" : "R-FUND-04",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.childbirth.naturalAllowance" : {
    "ruleId" : "R-BEN-03",
    "source" : "[D]",
    "clause" : "(八)",
    "confirmed" : true
  },
  "subsidies.MINIMUM_LIVING" : {
    "ruleId" : "R-SUB-02",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "waiting.fixedMonths" : {
    "ruleId" : "R-WAIT-02",
    "source" : "[G]",
    "clause" : "“设置参保后固定待遇等待期3个月”",
    "confirmed" : true
  },
  "funding.countyShareOfLocal" : {
    "ruleId" : "R-FUND-04",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.EXTREME_POVERTY.ratio" : {
    "ruleId" : "R-BEN-05",
    "source" : "[N]",
    "clause" : "一",
    "confirmed" : true
  },
  "monitoring.warningLines.FORMERLY_POOR" : {
    "ruleId" : "R-MON-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "subsidies.FAMILY_PLANNING_SPECIAL" : {
    "ruleId" : "R-SUB-04",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "benefits.criticalIllness.annualCap" : {
    "ruleId" : "R-BEN-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "incentives.raisePerContinuousYear" : {
    "ruleId" : "R-WAIT-06",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.POVERTY_MONITORING.ratio" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.inpatient.fundRatio" : {
    "ruleId" : "R-BEN-01",
    "source" : "[D]",
    "clause" : "(六)",
    "confirmed" : true
  },
  "subsidies.RELAPSED_POVERTY" : {
    "ruleId" : "R-SUB-05",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "periods.coverageEnd" : {
    "ruleId" : "R-REG-02",
    "source" : "[D]",
    "clause" : "(一)",
    "confirmed" : true
  },
  "incentives.raiseCapRatioOfOriginalCap" : {
    "ruleId" : "R-WAIT-07",
    "source" : "[G]",
    "clause" : "“累计提高总额不超过…大病保险原封顶线的20%”",
    "confirmed" : true
  },
  "subsidies.RETIRED_FISHERMAN" : {
    "ruleId" : "R-SUB-07",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "subsidies.EXTREME_POVERTY" : {
    "ruleId" : "R-SUB-01",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "benefits.assistance.EXTREME_POVERTY.annualLimit" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "funding.individualStandard" : {
    "ruleId" : "R-FUND-01",
    "source" : "[D]",
    "clause" : "(二)",
    "confirmed" : true
  },
  "benefits.assistance.RELAPSED_POVERTY.deductible" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "waiting.firstMissedYearCounts" : {
    "ruleId" : "R-WAIT-03",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.POVERTY_MONITORING.deductible" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "waiting.monthsRemovedPerBackPaidYear" : {
    "ruleId" : "R-WAIT-04",
    "source" : "[G]",
    "clause" : "“每多缴纳1年可减少1个月变动待遇等待期”",
    "confirmed" : true
  },
  "waiting.longGapMinimumMonths" : {
    "ruleId" : "R-WAIT-04",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.favour.noCap" : {
    "ruleId" : "R-BEN-06",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "funding.fiscalSubsidy" : {
    "ruleId" : "R-FUND-02",
    "source" : "[D]",
    "clause" : "(二)",
    "confirmed" : true
  },
  "monitoring.warningLines.RURAL_OTHER" : {
    "ruleId" : "R-MON-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.provincePerCapitaDisposableIncome" : {
    "ruleId" : "R-BEN-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.childbirth.caesareanAllowance" : {
    "ruleId" : "R-BEN-03",
    "source" : "[D]",
    "clause" : "(八)",
    "confirmed" : true
  },
  "benefits.assistance.MINIMUM_LIVING.deductible" : {
    "ruleId" : "R-BEN-05",
    "source" : "[N]",
    "clause" : "一",
    "confirmed" : true
  },
  "waiting.longGapYears" : {
    "ruleId" : "R-WAIT-04",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.MINIMUM_LIVING.annualLimit" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.RELAPSED_POVERTY.annualLimit" : {
    "ruleId" : "R-BEN-05",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.criticalIllness.segments" : {
    "ruleId" : "R-BEN-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "funding.centralShareRatio" : {
    "ruleId" : "R-FUND-04",
    "source" : "[N]",
    "clause" : "二",
    "confirmed" : true
  },
  "waiting.newbornGraceDays" : {
    "ruleId" : "R-ELIG-03",
    "source" : "[D]",
    "clause" : "(九)",
    "confirmed" : true
  },
  "subsidies.POVERTY_MONITORING" : {
    "ruleId" : "R-SUB-06",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "subsidies.ENTITLED_GROUP" : {
    "ruleId" : "R-SUB-03",
    "source" : "[D]",
    "clause" : "(十二)",
    "confirmed" : true
  },
  "monitoring.warningLines.OTHER" : {
    "ruleId" : "R-MON-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "monitoring.warningLines.LOW_INCOME" : {
    "ruleId" : "R-MON-02",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.assistance.EXTREME_POVERTY.deductible" : {
    "ruleId" : "R-BEN-05",
    "source" : "[N]",
    "clause" : "一",
    "confirmed" : true
  },
  "benefits.favour.deductibleReduction" : {
    "ruleId" : "R-BEN-06",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "benefits.favour.ratioIncrease" : {
    "ruleId" : "R-BEN-06",
    "source" : "SAMPLE",
    "clause" : "confirm locally",
    "confirmed" : false
  },
  "periods.collectionEnd" : {
    "ruleId" : "R-REG-02",
    "source" : "[D]",
    "clause" : "(一)",
    "confirmed" : true
  }
}$json$::jsonb,
null, 'Seeded from 东政办〔2024〕11号 (2024-09-11)', '2024-09-11T00:00:00+08:00', 'system', null, null);

-- activation goes through the same guarded transition as every later version
update policy_version set status = 'ACTIVE', approving_request_ref = '东政办〔2024〕11号',
                          activated_at = '2024-09-11T00:00:00+08:00', activated_by = 'system'
 where region_code = '341721' and coverage_year = 2025 and version = 1;
