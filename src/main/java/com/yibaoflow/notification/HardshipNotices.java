package com.yibaoflow.notification;

import com.yibaoflow.hardship.HardshipEvents.ClaimOverdue;
import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.Roles;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The hardship verification's reminders and escalations, composed from its events (issue #5 §5, issue #15 §3). */
@Component
class HardshipNotices {

    private final NotificationService notifications;

    HardshipNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(ClaimOverdue event) {
        if (!event.escalated()) {
            notifications.notify(
                    event.department(),
                    event.regionCode(),
                    null,
                    "困难身份核实到期提醒",
                    event.claim() + "的核实已到期，请尽快办理。",
                    event.businessKey());
            return;
        }
        String department = Department.byGroupId(event.department())
                .map(Department::chineseName)
                .orElse(event.department());
        notifications.notify(
                Roles.SUPERVISOR,
                event.regionCode(),
                null,
                "困难身份核实超时，已升级",
                event.claim() + "（核实部门：" + department + "）已超时未核实，请医保主管协调。",
                event.businessKey());
    }
}
