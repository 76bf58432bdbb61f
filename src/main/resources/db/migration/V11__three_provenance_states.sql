-- Issue #17 item 2: three provenance states (SEED, EXTERNAL, SAMPLE) instead of "confirmed" / SAMPLE.
--
-- Every stored provenance entry {ruleId, source, clause, confirmed} becomes {ruleId, state, source, clause}:
-- confirmed = false is SAMPLE, a confirmed entry citing a seed ([D] 东政办〔2024〕11号, [N] 医保发〔2025〕22号) is SEED,
-- and a confirmed entry citing any other document is EXTERNAL (that is what it always was). Then the seeded
-- Dongzhi 2025 version gets the state RULES.md gives each figure: the [G] 国办发〔2024〕38号 figures and the
-- 国办发〔2021〕42号 assistance figures were labelled confirmed citing the seeds, which do not contain them.
--
-- Only provenance changes, never a figure: the immutability guard of policy_version (V1) is suspended for this
-- correction of metadata alone, and the statement below touches no other column. Confirmations by a local
-- document are recorded apart (policy_confirmation), so the provenance of a figure says where it came from.

alter table policy_version disable trigger policy_version_guard;

update policy_version v
   set provenance = (
        select coalesce(jsonb_object_agg(e.key, jsonb_build_object(
                   'ruleId', e.value ->> 'ruleId',
                   'state', case
                                when e.value ? 'state' then e.value ->> 'state'
                                when not coalesce((e.value ->> 'confirmed')::boolean, false) then 'SAMPLE'
                                when e.value ->> 'source' like '[D]%' or e.value ->> 'source' like '[N]%' then 'SEED'
                                else 'EXTERNAL'
                            end,
                   'source', e.value ->> 'source',
                   'clause', e.value ->> 'clause')), '{}'::jsonb)
          from jsonb_each(v.provenance) e);

-- The seeded version, figure by figure (RULES.md "Parameter provenance").
create temporary table provenance_fix (path text primary key, entry jsonb not null) on commit drop;
insert into provenance_fix (path, entry) values
    -- [G] 国办发〔2024〕38号, which [D] (五) refers to without its figures
    ('waiting.fixedMonths', '{"ruleId": "R-WAIT-02", "state": "EXTERNAL", "source": "[G] 国办发〔2024〕38号",
      "clause": "“设置参保后固定待遇等待期3个月”"}'),
    ('waiting.monthsPerGapYear', '{"ruleId": "R-WAIT-03", "state": "EXTERNAL", "source": "[G] 国办发〔2024〕38号",
      "clause": "“每多断保1年…增加变动待遇等待期1个月”"}'),
    ('waiting.monthsRemovedPerBackPaidYear', '{"ruleId": "R-WAIT-04", "state": "EXTERNAL",
      "source": "[G] 国办发〔2024〕38号", "clause": "“每多缴纳1年可减少1个月变动待遇等待期”"}'),
    ('waiting.longGapYears', '{"ruleId": "R-WAIT-04", "state": "EXTERNAL",
      "source": "[G] 国办发〔2024〕38号 and its local restatements", "clause": "gap of 4 or more consecutive years"}'),
    ('waiting.longGapMinimumMonths', '{"ruleId": "R-WAIT-04", "state": "EXTERNAL",
      "source": "[G] 国办发〔2024〕38号 and its local restatements", "clause": "fixed + variable at least 6 months"}'),
    ('incentives.raiseCapRatioOfOriginalCap', '{"ruleId": "R-WAIT-07", "state": "EXTERNAL",
      "source": "[G] 国办发〔2024〕38号", "clause": "“累计提高总额不超过…大病保险原封顶线的20%”"}'),
    -- 国办发〔2021〕42号: 70 % and no deductible for 特困 and 低保; [N] 一 and [D] (十一) name the layer, not the figures
    ('benefits.assistance.EXTREME_POVERTY.ratio', '{"ruleId": "R-BEN-05", "state": "EXTERNAL",
      "source": "国办发〔2021〕42号", "clause": "特困、低保 assisted at no less than 70 %"}'),
    ('benefits.assistance.EXTREME_POVERTY.deductible', '{"ruleId": "R-BEN-05", "state": "EXTERNAL",
      "source": "国办发〔2021〕42号", "clause": "no deductible for 特困、低保"}'),
    ('benefits.assistance.MINIMUM_LIVING.ratio', '{"ruleId": "R-BEN-05", "state": "EXTERNAL",
      "source": "国办发〔2021〕42号", "clause": "特困、低保 assisted at no less than 70 %"}'),
    ('benefits.assistance.MINIMUM_LIVING.deductible', '{"ruleId": "R-BEN-05", "state": "EXTERNAL",
      "source": "国办发〔2021〕42号", "clause": "no deductible for 特困、低保"}'),
    -- the seeds themselves
    ('funding.centralShareRatio', '{"ruleId": "R-FUND-04", "state": "SEED", "source": "[N]",
      "clause": "二 “继续…对西部、中部地区分别按照…80%、60%的比例给予补助”"}'),
    ('incentives.continuousYearsThreshold', '{"ruleId": "R-WAIT-06", "state": "SEED", "source": "[D]",
      "clause": "(五) “连续参加居民医保满4年”"}'),
    ('benefits.inpatient.fundRatio', '{"ruleId": "R-BEN-01", "state": "SEED", "source": "[D]",
      "clause": "(六) “稳定在 70%左右”"}');

update policy_version v
   set provenance = v.provenance || (select jsonb_object_agg(f.path, f.entry) from provenance_fix f)
 where v.region_code = '341721' and v.coverage_year = 2025 and v.version = 1;

alter table policy_version enable trigger policy_version_guard;

-- R-MM-03 stays whole: a confirmation adds a record by an office's own document; it never rewrites a figure or
-- its provenance. One confirmation per figure of a version.
create table policy_confirmation (
    id                bigserial    primary key,
    policy_version_id bigint       not null references policy_version (id),
    parameter_path    varchar(200) not null,
    document_number   varchar(100) not null,
    document_date     date         not null,
    confirmed_by      varchar(64)  not null,
    confirmed_at      timestamptz  not null,
    constraint policy_confirmation_one_per_figure unique (policy_version_id, parameter_path)
);
