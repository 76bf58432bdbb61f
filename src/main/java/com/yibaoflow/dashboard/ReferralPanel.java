package com.yibaoflow.dashboard;

import com.yibaoflow.identity.Department;
import com.yibaoflow.monitoring.ReferralStatistics;
import java.util.List;
import java.util.stream.Collectors;

/** The referral part of the monitoring panel: outcomes by department for the chart, states for the note. */
final class ReferralPanel {

    static final String NO_REFERRALS = "本地区本年度尚无高额费用患者转介";

    private ReferralPanel() {}

    static List<Dashboard.ReferralState> states(ReferralStatistics.Referrals referrals) {
        return referrals.states().stream()
                .map(s -> new Dashboard.ReferralState(s.state(), s.stateName(), s.referrals()))
                .toList();
    }

    static List<Dashboard.ReferralOutcome> outcomes(ReferralStatistics.Referrals referrals) {
        return referrals.outcomes().stream()
                .map(o -> new Dashboard.ReferralOutcome(
                        o.department(),
                        Department.byGroupId(o.department())
                                .map(Department::chineseName)
                                .orElse(o.department()),
                        o.outcome(),
                        o.outcomeName(),
                        o.referrals()))
                .toList();
    }

    /** 转介 3 人：部门核实中 1 人，跟踪回访中 2 人，已结案 0 人 */
    static String note(ReferralStatistics.Referrals referrals) {
        if (referrals.total() == 0) {
            return NO_REFERRALS;
        }
        return "转介 " + referrals.total() + " 人："
                + referrals.states().stream()
                        .map(s -> s.stateName() + " " + s.referrals() + " 人")
                        .collect(Collectors.joining("，"));
    }
}
