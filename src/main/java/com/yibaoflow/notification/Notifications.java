package com.yibaoflow.notification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Notifications extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.recipientGroup in ?1 and (n.regionCode is null or n.regionCode in ?2)")
    Page<Notification> forRecipients(Collection<String> groups, Collection<String> regionCodes, Pageable pageable);

    List<Notification> findByBusinessKeyOrderByIdAsc(String businessKey);
}
