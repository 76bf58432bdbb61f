/** Policy parameters versioned per pooling region and coverage year, their validation and the calculation API. */
package com.yibaoflow.policy;
