package com.yibaoflow.notification;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.web.PageView;
import java.time.Instant;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox of the logged-in user's departments, newest first. */
@RestController
class NotificationController {

    private final Notifications notifications;
    private final RegionScope regions;

    NotificationController(Notifications notifications, RegionScope regions) {
        this.notifications = notifications;
        this.regions = regions;
    }

    record NotificationView(
            Long id,
            String recipientGroup,
            String regionCode,
            String township,
            String subject,
            String body,
            String businessKey,
            Instant createdAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(
                    n.id(),
                    n.recipientGroup(),
                    n.regionCode(),
                    n.township(),
                    n.subject(),
                    n.body(),
                    n.businessKey(),
                    n.createdAt());
        }
    }

    @GetMapping("/api/notifications")
    PageView<NotificationView> inbox(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageRequest request =
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200), Sort.by(Sort.Direction.DESC, "id"));
        return PageView.of(
                notifications.forRecipients(principal.groupIds(), regions.visibleRegions(principal), request),
                NotificationView::of);
    }
}
