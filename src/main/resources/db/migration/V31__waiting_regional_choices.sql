-- Issue #17 items 4, 6 and 8: three regional choices of the waiting period become policy parameters, with today's
-- behaviour as the value of every version already on record (so no stored figure changes what a case is told):
--   waiting.exemptCategories  hardship categories exempt from waiting periods (R-WAIT-01 "other special groups"): none
--   waiting.neverCovered      how a never-covered adult counts (R-WAIT-01/03): FIRST_ENROLLMENT, start year 2025
--                             ([D] (五) “自2025年起”), adult age 18
--   waiting.employeeSwitch    the waiting period after a switch from employee insurance (R-ELIG-02):
--                             AS_ANY_ENROLLMENT (interruption 3 months, 2 insured years, used only by the other
--                             treatment)
-- Each gets its provenance entry (SAMPLE, except the seed's start year). As in V11, the immutability guard of
-- policy_version is suspended for this statement alone: the keys are added where missing, never overwritten.

alter table policy_version disable trigger policy_version_guard;

update policy_version v
   set parameters = jsonb_set(v.parameters, '{waiting}',
           '{"exemptCategories": [],
             "neverCovered": {"reading": "FIRST_ENROLLMENT", "startYear": 2025, "adultAge": 18},
             "employeeSwitch": {"treatment": "AS_ANY_ENROLLMENT", "maxInterruptionMonths": 3, "minInsuredYears": 2}}'::jsonb
           || (v.parameters -> 'waiting')),
       provenance = '{
         "waiting.exemptCategories": {"ruleId": "R-WAIT-01", "state": "SAMPLE", "source": "SAMPLE",
                                      "clause": "confirm locally"},
         "waiting.neverCovered.reading": {"ruleId": "R-WAIT-03", "state": "SAMPLE", "source": "SAMPLE",
                                          "clause": "confirm locally"},
         "waiting.neverCovered.startYear": {"ruleId": "R-WAIT-01", "state": "SEED", "source": "[D]",
                                            "clause": "(五) “自2025年起”"},
         "waiting.neverCovered.adultAge": {"ruleId": "R-WAIT-03", "state": "SAMPLE", "source": "SAMPLE",
                                           "clause": "confirm locally"},
         "waiting.employeeSwitch.treatment": {"ruleId": "R-ELIG-02", "state": "SAMPLE", "source": "SAMPLE",
                                              "clause": "confirm locally"},
         "waiting.employeeSwitch.maxInterruptionMonths": {"ruleId": "R-ELIG-02", "state": "SAMPLE",
                                                          "source": "SAMPLE", "clause": "confirm locally"},
         "waiting.employeeSwitch.minInsuredYears": {"ruleId": "R-ELIG-02", "state": "SAMPLE", "source": "SAMPLE",
                                                    "clause": "confirm locally"}
       }'::jsonb || v.provenance
 where v.parameters ? 'waiting';

alter table policy_version enable trigger policy_version_guard;
