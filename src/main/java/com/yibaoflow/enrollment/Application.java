package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.contribution.Payer;
import java.util.List;

/**
 * What a resident applies with, whichever door it came through (API, Tasklist start form, township roster),
 * already checked for shape: the ID number passed GB 11643, the categories are known codes.
 */
public record Application(
        String regionCode,
        int coverageYear,
        String idNumber,
        String name,
        Residence residence,
        String residencePermitNumber,
        String township,
        String phone,
        List<String> claimedCategories,
        Payer payer,
        int paidBackYears) {}
