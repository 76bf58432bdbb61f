package com.yibaoflow.policy;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyConfirmations extends JpaRepository<PolicyConfirmation, Long> {

    List<PolicyConfirmation> findByPolicyVersionIdOrderByParameterPath(long policyVersionId);

    boolean existsByPolicyVersionIdAndParameterPath(long policyVersionId, String parameterPath);
}
