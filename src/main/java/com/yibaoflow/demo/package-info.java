/** Demo profile: sample cases and rosters seeded through the modules' own services on an empty database. */
package com.yibaoflow.demo;
