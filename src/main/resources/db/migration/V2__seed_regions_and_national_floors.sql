-- R-REG-01: Anhui is CENTRAL. Dongzhi County (341721) belongs to Chizhou City (341700); its sister counties are
-- seeded so that enrollments elsewhere in the city can be recorded.
insert into region (code, name, level, parent_code, fiscal_tier) values
    ('340000', '安徽省', 'PROVINCE', null, 'CENTRAL'),
    ('341700', '池州市', 'CITY', '340000', 'CENTRAL'),
    ('341702', '贵池区', 'COUNTY', '341700', 'CENTRAL'),
    ('341721', '东至县', 'COUNTY', '341700', 'CENTRAL'),
    ('341722', '石台县', 'COUNTY', '341700', 'CENTRAL'),
    ('341723', '青阳县', 'COUNTY', '341700', 'CENTRAL');

-- R-FUND-03, R-FUND-04, R-REG-03: national floors for coverage year 2026 (医保发〔2025〕22号 二, 四)
insert into national_floor (coverage_year, individual_standard_min, fiscal_subsidy_min, central_share_west,
                            central_share_central, collection_deadline, source)
values (2026, 400.00, 700.00, 0.8000, 0.6000, '2026-02-28', '[N] 医保发〔2025〕22号 二');
