-- Issue #17 item 1 (R-WAIT-04): a back-payment (补缴) is charged, each year at that year's individual standard.
-- personal_due stays what the payment door expects in full (current year + back-paid years); current_year_due is the
-- coverage year's own share; back_payment_breakdown lists the years: [{year, individualStandard, policyVersion,
-- provenance}]; back_paid_years_confirmed is how many whole years the confirmed payment covered (set at activation).
alter table enrollment_case
    add column current_year_due          numeric(12, 2),
    add column back_payment_due          numeric(12, 2) not null default 0 check (back_payment_due >= 0),
    add column back_payment_breakdown    jsonb          not null default '[]',
    add column back_paid_years_confirmed int            check (back_paid_years_confirmed >= 0);
