/** Staff, departments (Camunda groups), their regions, authentication and authorisation. */
package com.yibaoflow.identity;
