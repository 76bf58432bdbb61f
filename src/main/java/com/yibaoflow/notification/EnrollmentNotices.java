package com.yibaoflow.notification;

import com.yibaoflow.enrollment.CaseNotices;
import com.yibaoflow.enrollment.EnrollmentLapsed;
import com.yibaoflow.enrollment.PaymentReminderDue;
import com.yibaoflow.enrollment.ReviewEscalated;
import com.yibaoflow.identity.Roles;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the enrollment module's events mean for the office's inbox: the text caseworkers, supervisors and
 * townships read. Each listener runs after the enrollment's transaction has committed, in its own; the event
 * publication registry delivers the event again should it fail. It also lists a case's notifications for the
 * enrollment's case view ({@link CaseNotices}), so enrollment needs nothing of this module.
 */
@Component
class EnrollmentNotices implements CaseNotices {

    private static final String TOWNSHIPS = "townships";

    private final NotificationService notifications;

    EnrollmentNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<Notice> ofCase(String businessKey) {
        return notifications.ofCase(businessKey).stream()
                .map(n -> new Notice(n.recipientGroup(), n.township(), n.subject(), n.body(), n.createdAt()))
                .toList();
    }

    /** An overdue review (issue #4 §6): the supervisors may take it, the caseworker is reminded. */
    @ApplicationModuleListener
    void on(ReviewEscalated e) {
        String who = e.name() + "（" + e.idNumberMasked() + "）";
        notifications.notify(
                Roles.SUPERVISOR,
                e.regionCode(),
                null,
                "参保登记审核超时，已升级至主管",
                who + "的" + e.coverageYear() + "年度参保登记审核已超过" + e.reviewWorkingDays() + "个工作日未办结，请主管督办或直接审核。",
                e.businessKey());
        notifications.notify(
                Roles.CASEWORKER,
                e.regionCode(),
                null,
                "参保登记审核已超时",
                "提醒" + (e.assignee() != null ? "经办人 " + e.assignee() : "医保经办人员") + "：" + who + "的参保登记审核已超时，已同时推送主管。",
                e.businessKey());
    }

    @ApplicationModuleListener
    void on(PaymentReminderDue e) {
        notifications.notify(
                TOWNSHIPS,
                e.regionCode(),
                e.township(),
                "参保缴费提醒",
                e.township() + "：" + e.name() + "（" + e.idNumberMasked() + "）尚未缴纳" + e.coverageYear()
                        + "年度居民医保个人缴费 " + e.personalDue().toPlainString() + " 元，缴费截止日期 "
                        + e.paymentDeadline() + "，请协助催缴。",
                e.businessKey());
    }

    @ApplicationModuleListener
    void on(EnrollmentLapsed e) {
        notifications.notify(
                TOWNSHIPS,
                e.regionCode(),
                e.township(),
                "参保登记因未缴费失效",
                e.name() + "（" + e.idNumberMasked() + "）" + e.coverageYear() + "年度参保登记因截至 " + e.paymentDeadline()
                        + " 未缴费已失效，可重新申请。",
                e.businessKey());
    }
}
