package com.yibaoflow.notification;

import com.yibaoflow.escalation.MajorMatterEvents.LevelOverdue;
import com.yibaoflow.identity.Department;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The major-matter process's reminders (催办) and escalations (督办), composed from its events (issue #18 §3). */
@Component
class MajorMatterNotices {

    private final NotificationService notifications;

    MajorMatterNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(LevelOverdue event) {
        String request = "《" + event.title() + "》"
                + (event.documentNumber() == null || event.documentNumber().isBlank()
                        ? ""
                        : "（" + event.documentNumber() + "）");
        if (!event.escalated()) {
            notifications.notify(
                    event.levelGroup(),
                    event.regionCode(),
                    null,
                    "重大事项请示报告到期催办",
                    request + "在“" + event.levelName() + "”环节已到办理期限，请尽快办理。",
                    event.businessKey());
            return;
        }
        String level = Department.byGroupId(event.levelGroup())
                .map(Department::chineseName)
                .orElse(event.levelGroup());
        notifications.notify(
                event.recipientGroup(),
                event.regionCode(),
                null,
                "重大事项请示报告超时督办",
                request + "在“" + event.levelName() + "”环节（" + level + "）已超过办理期限仍未办结，请督促办理。",
                event.businessKey());
    }
}
