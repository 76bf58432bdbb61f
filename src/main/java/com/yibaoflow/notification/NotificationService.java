package com.yibaoflow.notification;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the reminders and escalations of the processes. The office's inbox is this table (listed by
 * {@code GET /api/notifications}); a gateway to SMS or the government messaging platform would read from here.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final Notifications notifications;
    private final Clock clock;

    NotificationService(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Notification notify(
            String recipientGroup,
            String regionCode,
            String township,
            String subject,
            String body,
            String businessKey) {
        Notification n = notifications.save(
                new Notification(recipientGroup, regionCode, township, subject, body, businessKey, clock.instant()));
        log.info("Notified {} of region {} ({}): {}", recipientGroup, regionCode, businessKey, subject);
        return n;
    }

    @Transactional(readOnly = true)
    public List<Notification> ofCase(String businessKey) {
        return notifications.findByBusinessKeyOrderByIdAsc(businessKey);
    }
}
