package com.yibaoflow.identity;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffMembers extends JpaRepository<StaffMember, String> {}
