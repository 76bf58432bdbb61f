package com.yibaoflow.policy;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface PolicyConfirmations extends JpaRepository<PolicyConfirmation, Long> {

    List<PolicyConfirmation> findByPolicyVersionIdOrderByParameterPath(long policyVersionId);

    boolean existsByPolicyVersionIdAndParameterPath(long policyVersionId, String parameterPath);
}
