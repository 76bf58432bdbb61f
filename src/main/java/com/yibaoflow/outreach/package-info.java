/** Outreach (参保动员): roster people not yet enrolled, one task per township until they are. */
package com.yibaoflow.outreach;
