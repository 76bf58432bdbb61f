package com.yibaoflow.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The region a Camunda user works for; Camunda's identity service keeps the user, its password and groups. */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    protected StaffMember() {}

    public StaffMember(String userId, String regionCode) {
        this.userId = userId;
        this.regionCode = regionCode;
    }

    public String userId() {
        return userId;
    }

    public String regionCode() {
        return regionCode;
    }
}
