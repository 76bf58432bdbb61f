/** The contract of case facts that modules publish and the audit trail records. */
package com.yibaoflow.shared.events;
