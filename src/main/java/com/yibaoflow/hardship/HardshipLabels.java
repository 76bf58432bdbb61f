package com.yibaoflow.hardship;

import com.yibaoflow.policy.calc.HardshipCategory;
import org.springframework.stereotype.Component;

/** Chinese names of category codes for forms: {@code ${hardshipLabels.of(claimCategory)}} in the models. */
@Component("hardshipLabels")
public class HardshipLabels {

    public String of(String categoryCode) {
        try {
            return HardshipCategory.valueOf(categoryCode).chineseName();
        } catch (IllegalArgumentException | NullPointerException e) {
            return categoryCode;
        }
    }
}
