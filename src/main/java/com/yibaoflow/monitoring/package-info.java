/** High-cost patient monitoring (高额医疗费用负担患者监测预警): settled claims, burden scans, referrals. */
package com.yibaoflow.monitoring;
