/** The office's inbox: reminders and escalations composed from the events of the case modules. */
package com.yibaoflow.notification;
