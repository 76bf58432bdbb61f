/** Hardship identity verification (困难身份认定): department rosters, claims, verification process, entitlements. */
package com.yibaoflow.hardship;
