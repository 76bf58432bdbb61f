/** Audit: the case history every module's events are recorded in, read by auditors and case views. */
package com.yibaoflow.audit;
