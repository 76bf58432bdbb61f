/**
 * The shared kernel every module may use: problem details, clock, resident ID numbers, import readers, the
 * case-event contract. An open module: it depends on no feature, and its sub-packages are all its API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.yibaoflow.shared;
