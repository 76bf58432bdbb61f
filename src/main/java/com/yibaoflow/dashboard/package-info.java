/** The supervisor dashboard (issue #21 §4): the campaign, subsidies, backlog, major matters and warnings at a glance. */
package com.yibaoflow.dashboard;
